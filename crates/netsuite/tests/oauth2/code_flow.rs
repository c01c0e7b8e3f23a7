//! The authorization-code flow from the authorize URL to revocation.

use onramp_netsuite::oauth2::diagnose::{self, Stage};
use onramp_netsuite::oauth2::{OAuthError, Pkce, RedirectUri, State};
use onramp_netsuite::NetSuiteError;
use time::OffsetDateTime;

use crate::support::{browse, BrowserOutcome, Sim};

const PRINCIPAL: &str = "13:1001";

#[tokio::test]
async fn full_authorization_code_flow() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    assert_eq!(req.url.host_str(), Some("1234567.app.netsuite.com"));
    let BrowserOutcome::Redirected(location) = browse(&req.browser_url, PRINCIPAL, true).await
    else {
        panic!("consent did not redirect");
    };
    assert!(location.starts_with("com.onramp.app://oauth/callback?"));
    // The user pastes the address, with the whitespace a copy usually brings.
    let pasted = format!("  {location}\n");
    let answer = client.parse_redirect(&pasted, &req.state).unwrap();
    assert_eq!(answer.role.as_deref(), Some("1001"));
    assert_eq!(answer.entity.as_deref(), Some("13"));
    assert_eq!(answer.company.as_deref(), Some("1234567"));

    let now = OffsetDateTime::now_utc();
    let mut tokens = client
        .exchange_code(&answer, req.pkce.verifier(), now)
        .await
        .unwrap();
    let who = tokens.identity().expect("NetSuite-style JWT access token");
    assert_eq!((who.role.as_str(), who.entity.as_str()), ("1001", "13"));
    assert_eq!(
        tokens.refresh_expires_at,
        Some(now + time::Duration::days(7))
    );
    sim.rest(&tokens.access_token).server_time().await.unwrap();

    let first = tokens.access_token.clone();
    let refresh = tokens.refresh_token.clone().unwrap();
    client.refresh(&mut tokens, now).await.unwrap();
    assert_ne!(tokens.access_token.expose(), first.expose());
    // Confidential clients keep their refresh token.
    assert_eq!(
        tokens.refresh_token.as_ref().unwrap().expose(),
        refresh.expose()
    );
    sim.rest(&tokens.access_token).server_time().await.unwrap();

    client.revoke(&refresh).await.unwrap();
    let after = sim
        .rest(&tokens.access_token)
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(after, NetSuiteError::BearerRejected { ref error, .. } if error == "invalid_token"),
        "{after:?}"
    );
    let err = client.refresh(&mut tokens, now).await.unwrap_err();
    assert_eq!(err.error_code(), Some("invalid_grant"));
    assert!(diagnose::diagnose(Stage::Refresh, &err)
        .cause
        .contains("7 days"));
}

#[tokio::test]
async fn code_reuse_and_pkce_mismatch_are_invalid_grant() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let now = OffsetDateTime::now_utc();

    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
        panic!()
    };
    let code = client.parse_redirect(&loc, &req.state).unwrap();
    client
        .exchange_code(&code, req.pkce.verifier(), now)
        .await
        .unwrap();
    let reused = client
        .exchange_code(&code, req.pkce.verifier(), now)
        .await
        .unwrap_err();
    assert!(
        matches!(reused, OAuthError::Token { status: 400, ref error, .. } if error == "invalid_grant")
    );
    assert!(diagnose::diagnose(Stage::CodeExchange, &reused)
        .cause
        .contains("single-use"));

    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
        panic!()
    };
    let code = client.parse_redirect(&loc, &req.state).unwrap();
    let other = Pkce::new_s256();
    let mismatch = client
        .exchange_code(&code, other.verifier(), now)
        .await
        .unwrap_err();
    assert_eq!(mismatch.error_code(), Some("invalid_grant"));
    assert_eq!(sim.latest_failure().await, "InvalidGrant");
}

#[tokio::test]
async fn state_mismatch_is_detected_by_the_client() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
        panic!()
    };
    let err = client.parse_redirect(&loc, &State::random()).unwrap_err();
    assert!(matches!(err, OAuthError::StateMismatch));
    assert!(diagnose::diagnose(Stage::Authorize, &err)
        .cause
        .contains("state"));
}

#[tokio::test]
async fn deny_redirects_with_access_denied() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, false).await else {
        panic!()
    };
    let err = client.parse_redirect(&loc, &req.state).unwrap_err();
    assert_eq!(err.error_code(), Some("access_denied"));
    assert!(diagnose::diagnose(Stage::Authorize, &err)
        .cause
        .contains("Deny"));
    assert_eq!(sim.latest_failure().await, "AuthorizationExplicitlyDenied");
}

#[tokio::test]
async fn public_client_refresh_tokens_rotate_and_are_single_use() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.public_client();
    let now = OffsetDateTime::now_utc();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
        panic!()
    };
    let code = client.parse_redirect(&loc, &req.state).unwrap();
    let mut tokens = client
        .exchange_code(&code, req.pkce.verifier(), now)
        .await
        .unwrap();
    assert_eq!(
        tokens.refresh_expires_at,
        Some(now + time::Duration::hours(48))
    );
    let used = tokens.refresh_token.clone().unwrap();
    client.refresh(&mut tokens, now).await.unwrap();
    let rotated = tokens.refresh_token.clone().unwrap();
    assert_ne!(
        rotated.expose(),
        used.expose(),
        "the new refresh token is stored"
    );
    sim.rest(&tokens.access_token).server_time().await.unwrap();
    let mut stale = tokens.clone();
    stale.refresh_token = Some(used);
    assert_eq!(
        client
            .refresh(&mut stale, now)
            .await
            .unwrap_err()
            .error_code(),
        Some("invalid_grant")
    );
    client.refresh(&mut tokens, now).await.unwrap();
}

#[test]
fn plain_http_redirect_uri_is_refused() {
    let err = RedirectUri::parse("http://localhost:8080/callback").unwrap_err();
    assert!(err.to_string().contains("http://"));
}

/// Oracle's older access tokens put the account first in `sub`
/// ("4030059;0;3;7;N", ORA:section_162755359851); the redirect's documented
/// `role` and `entity` still name who the connection acts as.
#[tokio::test]
async fn the_redirect_names_the_owner_when_the_token_sub_is_the_older_form() {
    let sim = Sim::start("netsuite/oauth-older-token-sub").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
        panic!("consent did not redirect");
    };
    let answer = client.parse_redirect(&loc, &req.state).unwrap();
    let now = OffsetDateTime::now_utc();
    let tokens = client
        .exchange_code(&answer, req.pkce.verifier(), now)
        .await
        .unwrap();
    assert_eq!(
        onramp_netsuite::oauth2::AccessTokenIdentity::decode(tokens.access_token.expose()),
        None,
        "the token's own sub is account-first"
    );
    let who = tokens.identity().unwrap();
    assert_eq!((who.role.as_str(), who.entity.as_str()), ("1001", "13"));
    assert_eq!(who.scopes, ["rest_webservices", "restlets"]);
    sim.rest(&tokens.access_token).server_time().await.unwrap();
}

/// ORA:subsect_158324637123: a refresh token sent as the bearer token is
/// TokenRejected; a token NetSuite never issued fails as InvalidSignature.
#[tokio::test]
async fn a_refresh_token_used_to_log_in_is_token_rejected() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let client = sim.code_client();
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, PRINCIPAL, true).await else {
        panic!("consent did not redirect");
    };
    let answer = client.parse_redirect(&loc, &req.state).unwrap();
    let tokens = client
        .exchange_code(&answer, req.pkce.verifier(), OffsetDateTime::now_utc())
        .await
        .unwrap();
    let refresh = tokens.refresh_token.clone().unwrap();
    assert!(sim.rest(&refresh).server_time().await.is_err());
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "TokenRejected");
    let d = diagnose::audit_detail(onramp_core::profile::AuthMethod::Oauth2Code, &detail).unwrap();
    assert!(d.fix.contains("access token"), "{d:?}");
    let forged = onramp_core::Secret::from("eyJub3QiOiJpc3N1ZWQifQ.e30.c2ln");
    assert!(sim.rest(&forged).server_time().await.is_err());
    assert_eq!(sim.latest_failure().await, "InvalidSignature");
}
