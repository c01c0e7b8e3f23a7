//! Renewing an OAuth 2.0 authorization-code connection on a practice setup
//! (netsuite/oauth-happy) as a proven rotation: a new consent given by the
//! wrong user, or without a scope the connector needs, leaves the working
//! tokens in place and says why; one given by the integration user with the
//! right scopes replaces them after a passing run.

#[path = "common/code_flow.rs"]
mod code_flow;
mod common;

use std::sync::Arc;

use code_flow::Practice;
use onramp_application::api::lifecycle::{reconsent_prove, reconsent_state};
use onramp_application::lifecycle::rotate::RotationOutcome;
use onramp_application::run::{EventSink, RunOptions};
use onramp_core::RunVerdict;

const INTEGRATION_USER: &str = "13:1001";
const ADMINISTRATOR: &str = "7:3";

/// A full run with the new tokens; they replace the working ones only if it passes.
async fn prove(p: &Practice) -> RotationOutcome {
    let sink: EventSink = Arc::new(|_| {});
    reconsent_prove(&p.ctx, p.id.clone(), RunOptions::default(), sink)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_consent_replaces_the_working_tokens_only_once_proven() {
    let p = Practice::new().await;
    p.sign_in(false, INTEGRATION_USER, None).await;
    assert_eq!(p.verdict().await, RunVerdict::AllPassed);
    let working = p.access_token();

    // Renewed while signed in to NetSuite as the administrator.
    p.sign_in(true, ADMINISTRATOR, None).await;
    assert!(reconsent_state(&p.ctx, p.id.clone()).await.unwrap().pending);
    assert_eq!(p.access_token(), working, "waiting beside, not replacing");
    let wrong_user = prove(&p).await;
    assert!(!wrong_user.proven);
    assert!(
        wrong_user.next_steps[0].contains("wrong user")
            && wrong_user.next_steps[0].contains("admin@wolfe.example"),
        "{:?}",
        wrong_user.next_steps
    );
    assert!(wrong_user
        .next_steps
        .last()
        .unwrap()
        .starts_with("Nothing was replaced"));
    assert_eq!(p.access_token(), working);
    // Nor are the administrator's names kept as the connection's.
    let setup = p.ctx.state.setup(&p.id).unwrap();
    let token = &setup.fields.netsuite.token;
    assert_eq!(token.user_email, None);
    assert_eq!(token.entity.as_deref(), Some("13"));
    assert_eq!(
        p.verdict().await,
        RunVerdict::AllPassed,
        "the working tokens still work"
    );

    // Renewed as the integration user, but allowing only the RESTlet scope.
    p.sign_in(true, INTEGRATION_USER, Some("restlets")).await;
    let state = reconsent_state(&p.ctx, p.id.clone()).await.unwrap();
    assert_eq!(state.scopes, ["restlets"]);
    let no_scope = prove(&p).await;
    assert!(!no_scope.proven);
    assert!(
        no_scope.next_steps[0].contains("lacks the scope rest_webservices"),
        "{:?}",
        no_scope.next_steps
    );
    assert_eq!(p.access_token(), working);

    // Renewed as the integration user with every scope: proven, then in place.
    p.sign_in(true, INTEGRATION_USER, None).await;
    let proven = prove(&p).await;
    assert!(proven.proven, "{:#?}", proven.checks);
    assert_ne!(p.access_token(), working);
    let state = reconsent_state(&p.ctx, p.id.clone()).await.unwrap();
    assert!(!state.pending && state.scopes.is_empty());
    let setup = p.ctx.state.setup(&p.id).unwrap();
    let token = &setup.fields.netsuite.token;
    assert_eq!(token.entity.as_deref(), Some("13"));
    assert_eq!(token.role.as_deref(), Some("1001"));
    assert_eq!(setup.fields.netsuite.pending_token, None);
    assert_eq!(p.verdict().await, RunVerdict::AllPassed);
}
