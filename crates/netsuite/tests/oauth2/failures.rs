//! Misconfigured integrations: what the browser and client see, what the Login
//! Audit Trail records, and the diagnosis Onramp shows for it.

use onramp_core::profile::AuthMethod;
use onramp_netsuite::oauth2::diagnose::{self, Stage};

use crate::support::{browse, BrowserOutcome, Sim};

const PRINCIPAL: &str = "13:1001";

#[tokio::test]
async fn redirect_uri_not_on_the_record_shows_a_page_without_redirect() {
    let sim = Sim::start("netsuite/oauth-redirect-mismatch").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Page { status, html } = browse(&req.browser_url, PRINCIPAL, true).await
    else {
        panic!("NetSuite must not redirect to an unregistered URI");
    };
    assert_eq!(status, 400);
    assert!(html.contains("redirect_uri"));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "InvalidRedirectURI");
    let d = diagnose::audit_detail(AuthMethod::Oauth2Code, &detail).unwrap();
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
    let outcome = browse(&url.parse().unwrap(), PRINCIPAL, true).await;
    assert!(matches!(outcome, BrowserOutcome::Page { status: 400, .. }));
    assert_eq!(sim.latest_failure().await, "UnknownIntegration");
}

#[tokio::test]
async fn scope_not_enabled_redirects_with_invalid_scope() {
    let sim = Sim::start("netsuite/oauth-scope-mismatch").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
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
    let outcome = browse(&req.browser_url, PRINCIPAL, true).await;
    assert!(matches!(outcome, BrowserOutcome::Page { .. }));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "FeatureDisabled");
    assert_eq!(
        diagnose::audit_detail(AuthMethod::Oauth2Code, &detail)
            .unwrap()
            .where_,
        diagnose::FEATURES
    );
}

#[tokio::test]
async fn blocked_integration_is_recorded_and_diagnosed() {
    let sim = Sim::start("netsuite/oauth-integration-blocked").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let outcome = browse(&req.browser_url, PRINCIPAL, true).await;
    assert!(matches!(outcome, BrowserOutcome::Page { .. }));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "IntegrationBlocked");
    assert!(diagnose::audit_detail(AuthMethod::Oauth2Code, &detail)
        .unwrap()
        .fix
        .contains("Enabled"));
}

#[tokio::test]
async fn system_domain_authorize_lands_in_the_production_account() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let url = req
        .browser_url
        .as_str()
        .replace("/1234567.app.netsuite.com/", "/system.netsuite.com/");
    let BrowserOutcome::Redirected(loc) = browse(&url.parse().unwrap(), PRINCIPAL, true).await
    else {
        panic!("consent did not redirect");
    };
    let answer = client.parse_redirect(&loc, &req.state).unwrap();
    assert_eq!(answer.company.as_deref(), Some("1234567"));
}

#[tokio::test]
async fn wrong_client_secret_is_invalid_client_with_a_basic_challenge() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let url = format!(
        "{}/1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token",
        sim.base()
    );
    let resp = reqwest::Client::new()
        .post(url)
        .basic_auth(
            sim.oauth().client_id.as_deref().unwrap(),
            Some("wrong-secret"),
        )
        .form(&[("grant_type", "refresh_token"), ("refresh_token", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
    assert_eq!(
        resp.headers()["www-authenticate"],
        "Basic realm=\"1234567\""
    );
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body, serde_json::json!({"error": "invalid_client"}));
    assert_eq!(sim.latest_failure().await, "ClientAuthenticationFailed");
}

#[tokio::test]
async fn public_client_without_pkce_or_with_plain_is_invalid_request() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.public_client();
    let req = client.authorization_request().unwrap();
    let strip = |u: &url::Url, plain: bool| {
        let mut out = u.clone();
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .into_owned()
            .filter(|(k, _)| !k.starts_with("code_challenge"))
            .collect();
        let mut q = out.query_pairs_mut();
        q.clear().extend_pairs(pairs);
        if plain {
            q.append_pair("code_challenge", "x".repeat(43).as_str());
            q.append_pair("code_challenge_method", "plain");
        }
        drop(q);
        out
    };
    for plain in [false, true] {
        let url = strip(&req.browser_url, plain);
        let BrowserOutcome::Redirected(loc) = browse(&url, PRINCIPAL, true).await else {
            panic!("an invalid request with a valid redirect URI redirects with an error");
        };
        let err = client.parse_redirect(&loc, &req.state).unwrap_err();
        assert_eq!(err.error_code(), Some("invalid_request"), "plain={plain}");
    }
}
