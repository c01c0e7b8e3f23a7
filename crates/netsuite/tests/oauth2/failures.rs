//! Misconfigured integrations: what the browser and client see, what the Login
//! Audit Trail records, and the diagnosis Onramp shows for it.

use onramp_netsuite::oauth2::diagnose::{self, Stage};

use crate::support::{browse, BrowserOutcome, Sim};

const PRINCIPAL: &str = "13:1001";

#[tokio::test]
async fn redirect_uri_not_on_the_record_shows_a_page_without_redirect() {
    let sim = Sim::start("netsuite/oauth-redirect-mismatch").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Page { status, html } =
        browse(&sim.base(), &req.browser_url, PRINCIPAL, true).await
    else {
        panic!("NetSuite must not redirect to an unregistered URI");
    };
    assert_eq!(status, 400);
    assert!(html.contains("redirect_uri"));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "InvalidRedirectURI");
    let d = diagnose::audit_detail(&detail).unwrap();
    assert_eq!(d.where_, diagnose::INTEGRATION_RECORD);
    assert!(diagnose::no_redirect().fix.contains("Redirect URI"));
}

#[tokio::test]
async fn unknown_client_shows_a_page_without_redirect() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let url = req
        .browser_url
        .as_str()
        .replace("client_id=9b21", "client_id=0000");
    let outcome = browse(&sim.base(), &url.parse().unwrap(), PRINCIPAL, true).await;
    assert!(matches!(outcome, BrowserOutcome::Page { status: 400, .. }));
    assert_eq!(sim.latest_failure().await, "UnknownIntegration");
}

#[tokio::test]
async fn scope_not_enabled_redirects_with_invalid_scope() {
    let sim = Sim::start("netsuite/oauth-scope-mismatch").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) =
        browse(&sim.base(), &req.browser_url, PRINCIPAL, true).await
    else {
        panic!()
    };
    let err = client.parse_redirect(&loc, &req.state).unwrap_err();
    assert_eq!(err.error_code(), Some("invalid_scope"));
    let d = diagnose::diagnose(Stage::Authorize, &err);
    assert_eq!(d.where_, diagnose::INTEGRATION_RECORD);
    assert!(d.cause.contains("scopes"));
    assert_eq!(sim.latest_failure().await, "ScopeMismatched");
}

#[tokio::test]
async fn feature_disabled_is_recorded_and_diagnosed() {
    let sim = Sim::start("netsuite/oauth-feature-disabled").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let outcome = browse(&sim.base(), &req.browser_url, PRINCIPAL, true).await;
    assert!(matches!(outcome, BrowserOutcome::Page { .. }));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "FeatureDisabled");
    assert_eq!(
        diagnose::audit_detail(&detail).unwrap().where_,
        diagnose::FEATURES
    );
}

#[tokio::test]
async fn blocked_integration_is_recorded_and_diagnosed() {
    let sim = Sim::start("netsuite/oauth-integration-blocked").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let outcome = browse(&sim.base(), &req.browser_url, PRINCIPAL, true).await;
    assert!(matches!(outcome, BrowserOutcome::Page { .. }));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "IntegrationBlocked");
    assert!(diagnose::audit_detail(&detail)
        .unwrap()
        .fix
        .contains("Enabled"));
}
