//! The engine's validation suite, run with OAuth 2.0 credentials.

use std::sync::Arc;

use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::CheckStatus;
use onramp_netsuite::checks::{suite, NetSuiteCheckContext};
use onramp_netsuite::profiles;

use crate::support::{token_for, token_from, Sim};

#[tokio::test]
async fn validation_suite_passes_with_an_authorization_code_token() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let rest = Arc::new(sim.rest(&token_for(&sim, "13:1001").await));
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

/// The integration role may not read roles; an administrator's one-time code +
/// PKCE sign-in reads its permission list, and every row says so.
#[tokio::test]
async fn an_administrators_sign_in_reads_the_integration_role() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let rest = Arc::new(sim.rest(&token_for(&sim, "13:1001").await));
    let admin = Arc::new(sim.rest(&token_for(&sim, "7:3").await));
    let profile = profiles::builtin("netsuite-readonly-reporting").unwrap();
    let run = |ctx: NetSuiteCheckContext| async {
        let opts = RunOptions {
            concurrency: 4,
            ..RunOptions::default()
        };
        let (_, results) = run_suite(suite(ctx, &profile), opts, |_| {}).await;
        results
            .into_iter()
            .find(|r| r.id == "netsuite.permissions")
            .unwrap()
    };
    // Alone, the token names the role (sub) but the role's list stays hidden.
    let alone = run(NetSuiteCheckContext::new(rest.clone(), "1234567")).await;
    assert_eq!(alone.status, CheckStatus::Warn, "{alone:?}");
    let read = run(NetSuiteCheckContext::new(rest, "1234567").with_admin_reader(admin)).await;
    assert_eq!(read.status, CheckStatus::Pass, "{read:?}");
    let diff = read.diff.unwrap();
    assert!(diff.source.contains("role 1001"), "{}", diff.source);
    assert!(diff.rows.iter().all(|r| r
        .proof
        .as_ref()
        .is_some_and(|p| p.method == onramp_core::ProofMethod::AdminRoleList)));
}

/// The oauth-happy account with the RESTlet profile's deployment, its audience
/// the integration role.
async fn restlet_sim() -> Sim {
    let mut scenario = onramp_sim::Scenario::builtin("netsuite/oauth-happy").unwrap();
    let deployment: onramp_sim::netsuite::restlet::Deployment = toml::from_str(
        "script = \"customscript_onramp_connector\"\ndeploy = \"customdeploy_onramp_connector\"\naudience_roles = [1001]",
    )
    .unwrap();
    scenario.netsuite.as_mut().unwrap().accounts[0].restlets = Some(vec![deployment]);
    let handle = onramp_sim::Simulator::start(scenario.clone(), onramp_sim::SimOptions::default())
        .await
        .unwrap();
    Sim { handle, scenario }
}

async fn restlet_result(
    sim: &Sim,
    token: &onramp_core::Secret<String>,
) -> onramp_core::CheckResult {
    let specs = suite(
        NetSuiteCheckContext::new(Arc::new(sim.rest(token)), "1234567"),
        &profiles::builtin("netsuite-restlet-connector").unwrap(),
    );
    let (_, results) = run_suite(specs, RunOptions::default(), |_| {}).await;
    results
        .into_iter()
        .find(|r| r.id == "netsuite.restlet")
        .unwrap()
}

/// A RESTlet deployment reached with a bearer token: the restlets scope on
/// the RESTlet domain, signed the same way as REST web services.
#[tokio::test]
async fn the_restlet_check_passes_with_an_authorization_code_token() {
    let sim = restlet_sim().await;
    let restlet = restlet_result(&sim, &token_for(&sim, "13:1001").await).await;
    assert_eq!(restlet.status, CheckStatus::Pass, "{restlet:?}");
}

/// A token granted rest_webservices alone: the check reads the granted scopes
/// from the token and names the missing RESTlets scope, not the deployment.
#[tokio::test]
async fn a_token_without_the_restlets_scope_is_diagnosed_as_such() {
    let sim = restlet_sim().await;
    let token = token_from(&sim.public_client(), "13:1001").await;
    let restlet = restlet_result(&sim, &token).await;
    assert_eq!(restlet.status, CheckStatus::Fail, "{restlet:?}");
    assert!(
        restlet.summary.contains("rest_webservices"),
        "{}",
        restlet.summary
    );
    let d = restlet.diagnosis.unwrap();
    assert!(d.cause.contains("RESTlets scope"), "{d:?}");
    assert!(d.fix.contains("tick the RESTlets scope"), "{d:?}");
    assert!(
        d.where_
            .starts_with("Setup > Integration > Manage Integrations"),
        "{d:?}"
    );
}
