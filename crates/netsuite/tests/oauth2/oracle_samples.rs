//! Oracle's own samples, fed to the client verbatim (see
//! tests/fixtures/oracle/README.md for each file's source).

use std::time::Duration;

use onramp_core::Secret;
use onramp_netsuite::oauth2::keygen::{generate, KeyAlgorithm};
use onramp_netsuite::oauth2::m2m::DEFAULT_ASSERTION_LIFETIME;
use onramp_netsuite::oauth2::{
    granted_scopes, AccessTokenIdentity, AuthorizationResponse, ClientKind, CodeClient,
    CodeClientConfig, M2mClient, M2mConfig, OAuthError, RedirectUri, Scope,
};
use onramp_netsuite::Account;
use serde_json::Value;
use time::OffsetDateTime;

use crate::mock::{Answer, Mock};

/// ORA:section_162755359851, verbatim: `"expires_in": "3600"` is a string.
const TOKEN_RESPONSE: &str = include_str!("../fixtures/oracle/m2m_token_response.json");
/// ORA:section_158082518856 and section_160855594402: refresh request bodies.
const REFRESH_3_7: &str = include_str!("../fixtures/oracle/refresh_request_sub_3_7.txt");
const REFRESH_55_M5: &str = include_str!("../fixtures/oracle/refresh_request_sub_55_-5.txt");
/// ORA:section_158332610742: the RESTlet authorization header example.
const RESTLET_HEADER: &str = include_str!("../fixtures/oracle/restlet_bearer_header.txt");

pub fn code_client(mock: &Mock) -> CodeClient {
    CodeClient::new(CodeClientConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: "9b21c6f0d7a14c61".into(),
        client_secret: Some(Secret::from("client-secret-value")),
        redirect_uri: RedirectUri::parse("com.onramp.app://oauth/callback").unwrap(),
        scopes: vec![Scope::RestWebServices],
        kind: ClientKind::Confidential,
        endpoints: mock.endpoints(),
        timeout: Duration::from_secs(10),
    })
    .unwrap()
}

/// What the authorize redirect carried (ORA:section_158081944642's parameters).
pub fn redirect_answer() -> AuthorizationResponse {
    AuthorizationResponse {
        code: "authorization-code-value".into(),
        role: Some("1001".into()),
        entity: Some("13".into()),
        company: Some("1234567".into()),
    }
}

pub const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

fn refresh_token_of(form: &str) -> String {
    url::form_urlencoded::parse(form.trim().as_bytes())
        .find(|(k, _)| k == "refresh_token")
        .map(|(_, v)| v.into_owned())
        .unwrap()
}

#[tokio::test]
async fn oracles_token_response_is_read_by_code_exchange_refresh_and_m2m() {
    let mock = Mock::start(Answer::json(200, TOKEN_RESPONSE)).await;
    let client = code_client(&mock);
    let now = OffsetDateTime::now_utc();
    let mut tokens = client
        .exchange_code(&redirect_answer(), VERIFIER, now)
        .await
        .expect("Oracle's own response is accepted");
    assert_eq!(
        tokens.access_expires_at,
        now + time::Duration::seconds(3600)
    );
    let sample: Value = serde_json::from_str(TOKEN_RESPONSE).unwrap();
    assert_eq!(
        tokens.access_token.expose(),
        sample["access_token"].as_str().unwrap()
    );
    // The sample's sub is "4030059;0;3;7;N": the redirect names the owner instead.
    let who = tokens.identity().unwrap();
    assert_eq!((who.role.as_str(), who.entity.as_str()), ("1001", "13"));
    assert_eq!(who.scopes, ["rest_webservices", "restlets"]);

    tokens.refresh_token = Some(Secret::from("refresh-token-value"));
    let later = now + time::Duration::minutes(61);
    client.refresh(&mut tokens, later).await.unwrap();
    assert_eq!(
        tokens.access_expires_at,
        later + time::Duration::seconds(3600)
    );

    let key = generate(KeyAlgorithm::Es256, "Onramp", 30, now).unwrap();
    let m2m = M2mClient::new(M2mConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: "9b21c6f0d7a14c61".into(),
        certificate_id: "cert-id".into(),
        algorithm: KeyAlgorithm::Es256,
        private_key_pem: key.private_key_pem,
        scopes: vec![Scope::RestWebServices],
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints: mock.endpoints(),
        timeout: Duration::from_secs(10),
    })
    .unwrap();
    let t = m2m.token(now).await.unwrap();
    assert_eq!(t.expires_at, now + time::Duration::seconds(3600));
    assert!(t.identity.is_none(), "an account-first sub names no role");
}

#[test]
fn only_a_two_part_numeric_sub_names_role_and_entity() {
    let sample: Value = serde_json::from_str(TOKEN_RESPONSE).unwrap();
    assert_eq!(
        AccessTokenIdentity::decode(sample["access_token"].as_str().unwrap()),
        None,
        "\"4030059;0;3;7;N\" is not role;entity"
    );
    let id = AccessTokenIdentity::decode(&refresh_token_of(REFRESH_3_7)).unwrap();
    assert_eq!((id.role.as_str(), id.entity.as_str()), ("3", "7"));
    let id = AccessTokenIdentity::decode(&refresh_token_of(REFRESH_55_M5)).unwrap();
    assert_eq!((id.role.as_str(), id.entity.as_str()), ("55", "-5"));
}

/// NetSuite writes the scope claim in either case; an older sample has none
/// of the resource scopes at all.
#[test]
fn granted_scopes_are_read_from_each_sample_in_either_case() {
    let restlet = RESTLET_HEADER
        .trim()
        .strip_prefix("Authorization: Bearer ")
        .unwrap();
    assert_eq!(granted_scopes(restlet).unwrap(), ["restlets"]);
    let sample: Value = serde_json::from_str(TOKEN_RESPONSE).unwrap();
    assert_eq!(
        granted_scopes(sample["access_token"].as_str().unwrap()).unwrap(),
        ["rest_webservices", "restlets"]
    );
    assert_eq!(
        granted_scopes(&refresh_token_of(REFRESH_55_M5)).unwrap(),
        ["email", "openid"]
    );
    assert_eq!(granted_scopes("opaque-token"), None);
}

#[tokio::test]
async fn absurd_lifetimes_saturate_or_are_refused_and_never_panic() {
    let mock = Mock::start(Answer::json(200, TOKEN_RESPONSE)).await;
    let client = code_client(&mock);
    let now = OffsetDateTime::now_utc();
    let day = now + onramp_core::oauth::MAX_LIFETIME;
    for huge in [
        i64::MAX.to_string(),
        format!("\"{}\"", i64::MAX),
        "1e308".into(),
    ] {
        mock.answer(Answer::json(200, TOKEN_RESPONSE.replace("\"3600\"", &huge)));
        let t = client
            .exchange_code(&redirect_answer(), VERIFIER, now)
            .await;
        assert_eq!(t.unwrap().access_expires_at, day, "{huge}");
    }
    for bad in ["\"-3600\"", "-1", "\"soon\"", "{}"] {
        mock.answer(Answer::json(200, TOKEN_RESPONSE.replace("\"3600\"", bad)));
        let e = client
            .exchange_code(&redirect_answer(), VERIFIER, now)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, OAuthError::Protocol { detail, .. } if detail.contains("expires")),
            "{bad}: {e}"
        );
    }
}
