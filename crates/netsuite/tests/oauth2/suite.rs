//! The engine's validation suite, run with OAuth 2.0 credentials.

use std::sync::Arc;

use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::CheckStatus;
use onramp_netsuite::checks::{suite, NetSuiteCheckContext};
use onramp_netsuite::profiles;
use time::OffsetDateTime;

use crate::support::{browse, BrowserOutcome, Sim};

#[tokio::test]
async fn validation_suite_passes_with_an_authorization_code_token() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, "13:1001", true).await else {
        panic!("consent did not redirect");
    };
    let code = client.parse_redirect(&loc, &req.state).unwrap().code;
    let tokens = client
        .exchange_code(&code, req.pkce.verifier(), OffsetDateTime::now_utc())
        .await
        .unwrap();
    let rest = Arc::new(sim.rest(&tokens.access_token));
    let mut ctx = NetSuiteCheckContext::new(rest, "1234567");
    ctx.role_name = Some("Onramp Integration".into());
    let specs = suite(
        ctx,
        &profiles::builtin("netsuite-readonly-reporting").unwrap(),
    );
    let opts = RunOptions {
        concurrency: 4,
        ..RunOptions::default()
    };
    let (_, results) = run_suite(specs, opts, |_| {}).await;
    let auth = results.iter().find(|r| r.id == "netsuite.auth").unwrap();
    assert_eq!(auth.status, CheckStatus::Pass, "{auth:?}");
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.status == CheckStatus::Fail)
        .map(|r| format!("{}: {} {:?}", r.id, r.summary, r.diagnosis))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
}
