//! Hostile stand-in servers against every NetSuite client: TBA REST/SuiteQL,
//! the OAuth 2.0 code flow's refresh, and M2M client credentials. Each failure
//! must be clear and bounded, and no credential may leave for another server.

use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints, HttpError};
use onramp_core::Secret;
use onramp_netsuite::oauth2::m2m::DEFAULT_ASSERTION_LIFETIME;
use onramp_netsuite::oauth2::{
    generate, ClientKind, CodeClient, CodeClientConfig, KeyAlgorithm, M2mClient, M2mConfig,
    OAuthError, RedirectUri, Scope, TokenSet,
};
use onramp_netsuite::{
    Account, ClientOptions, Credentials, NetSuiteClient, NetSuiteError, TbaCredentials,
};
use onramp_sim::standin::{self, StandIn};
use time::OffsetDateTime;

const REFRESH_TOKEN: &str = "refresh-token-that-must-not-travel";
const TOKEN_SECRET: &str = "tba-token-secret";

fn endpoints(base: &str) -> Endpoints {
    Endpoints {
        override_base: Some(EndpointOverride::new(base).unwrap()),
    }
}

fn tba(base: &str, timeout: Duration) -> NetSuiteClient {
    NetSuiteClient::new(
        Account::parse("1234567").unwrap(),
        Credentials::Tba(TbaCredentials {
            consumer_key: "ck".into(),
            consumer_secret: "cs".into(),
            token_id: "tk".into(),
            token_secret: TOKEN_SECRET.into(),
        }),
        ClientOptions {
            endpoints: endpoints(base),
            timeout,
            ..ClientOptions::default()
        },
    )
    .unwrap()
}

fn code_client(base: &str) -> CodeClient {
    CodeClient::new(CodeClientConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: "client-id".into(),
        client_secret: Some(Secret::new("client-secret".into())),
        redirect_uri: RedirectUri::parse("https://app.example/callback").unwrap(),
        scopes: vec![Scope::RestWebServices],
        kind: ClientKind::Confidential,
        endpoints: endpoints(base),
        timeout: Duration::from_secs(5),
    })
    .unwrap()
}

fn m2m_client(base: &str) -> M2mClient {
    let now = OffsetDateTime::now_utc();
    let g = generate(KeyAlgorithm::Es256, "Onramp test", 30, now).unwrap();
    M2mClient::new(M2mConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: "client-id".into(),
        certificate_id: "cert-id".into(),
        algorithm: KeyAlgorithm::Es256,
        private_key_pem: g.private_key_pem,
        scopes: vec![Scope::RestWebServices],
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints: endpoints(base),
        timeout: Duration::from_secs(5),
    })
    .unwrap()
}

fn tokens() -> TokenSet {
    let now = OffsetDateTime::now_utc();
    TokenSet {
        access_token: Secret::new("old-access".into()),
        refresh_token: Some(Secret::new(REFRESH_TOKEN.into())),
        scopes: vec![],
        access_expires_at: now,
        refresh_expires_at: None,
        consented_at: now,
        owner: None,
    }
}

/// A server that sends every request on to `thief` with a 307 (the body is
/// re-posted by clients that follow it), the query carrying a marker.
async fn redirecting_to(thief: &StandIn) -> StandIn {
    let target = format!("{}/collect?session=SECRET-IN-QUERY", thief.base);
    standin::answering(move |_| standin::redirect(307, &target)).await
}

fn assert_refused_redirect(e: &HttpError, thief: &StandIn) {
    match e {
        HttpError::Redirected { to, downgrade, .. } => {
            assert_eq!(to, &format!("{}/collect", thief.base));
            assert!(!downgrade);
        }
        other => panic!("expected a refused redirect, got {other:?}"),
    }
    let text = e.to_string();
    assert!(
        text.contains(&thief.base),
        "the message names the target: {text}"
    );
    assert!(!text.contains("SECRET-IN-QUERY"), "{text}");
    assert!(
        thief.seen.requests().is_empty(),
        "a request reached the other server"
    );
}

#[tokio::test]
async fn tba_rest_follows_no_redirect_to_another_server() {
    let thief = standin::answering(|_| standin::reply(200, "application/json", "{}")).await;
    let server = redirecting_to(&thief).await;
    let e = tba(&server.base, Duration::from_secs(5))
        .suiteql("SELECT id FROM currency", 10, 0)
        .await
        .unwrap_err();
    let NetSuiteError::Http(h) = &e else {
        panic!("{e:?}")
    };
    assert_refused_redirect(h, &thief);
}

#[tokio::test]
async fn refresh_token_is_not_re_posted_to_another_server() {
    let thief = standin::answering(|_| standin::reply(200, "application/json", "{}")).await;
    let server = redirecting_to(&thief).await;
    let mut t = tokens();
    let e = code_client(&server.base)
        .refresh(&mut t, OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    let OAuthError::Http(h) = &e else {
        panic!("{e:?}")
    };
    assert_refused_redirect(h, &thief);
    // The token endpoint itself did get the refresh token, once.
    let seen = server.seen.requests();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].1.contains(REFRESH_TOKEN));
}

#[tokio::test]
async fn m2m_client_assertion_is_not_re_posted_to_another_server() {
    let thief = standin::answering(|_| standin::reply(200, "application/json", "{}")).await;
    let server = redirecting_to(&thief).await;
    let e = m2m_client(&server.base)
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    let OAuthError::Http(h) = &e else {
        panic!("{e:?}")
    };
    assert_refused_redirect(h, &thief);
    assert!(server.seen.requests()[0].1.contains("client_assertion"));
}

#[tokio::test]
async fn a_redirect_loop_on_the_same_server_ends() {
    let server = standin::answering(|uri| {
        let n: u32 = uri
            .rsplit('=')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        standin::redirect(302, &format!("/loop?n={}", n + 1))
    })
    .await;
    let e = tba(&server.base, Duration::from_secs(5))
        .server_time()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("redirect"), "{e}");
    assert!(server.seen.requests().len() <= 12);
}

#[tokio::test]
async fn an_empty_200_from_server_time_is_not_a_sign_in() {
    for body in ["", "{}", r#"{"serverTime":""}"#] {
        let server =
            standin::answering(move |_| standin::reply(200, "application/json", body)).await;
        let e = tba(&server.base, Duration::from_secs(5))
            .server_time()
            .await
            .unwrap_err();
        assert!(e.to_string().contains("serverTime"), "{body:?}: {e}");
    }
}

#[tokio::test]
async fn html_pages_invalid_utf8_and_cut_bodies_are_clear_errors() {
    let html = standin::answering(|_| {
        standin::reply(200, "text/html", "<!DOCTYPE html><html>Sign in</html>")
    })
    .await;
    let e = tba(&html.base, Duration::from_secs(5))
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(e, NetSuiteError::Http(HttpError::HtmlPage { .. })),
        "{e:?}"
    );

    let bad_utf8 = standin::answering(|_| {
        standin::reply(
            200,
            "application/json",
            &b"{\"serverTime\":\"\xff\xfe\"}"[..],
        )
    })
    .await;
    let e = tba(&bad_utf8.base, Duration::from_secs(5))
        .server_time()
        .await
        .unwrap_err();
    assert!(matches!(e, NetSuiteError::NotJson { .. }), "{e:?}");

    let cut = standin::raw(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"serverTi",
    )
    .await;
    let e = tba(&cut, Duration::from_secs(5))
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(e, NetSuiteError::Http(HttpError::Truncated { .. })),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_server_that_never_answers_is_a_timeout_with_its_real_length() {
    let base = standin::silent().await;
    let e = tba(&base, Duration::from_secs(1))
        .server_time()
        .await
        .unwrap_err();
    assert!(
        matches!(e, NetSuiteError::Http(HttpError::Timeout { secs: 1, .. })),
        "{e:?}"
    );
    assert!(e.to_string().contains("within 1 s"), "{e}");
}
