//! OAuth 2.0 token endpoint (client credentials, authorization code + PKCE)
//! and permission-aware object probes.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::*;

const BASE: &str = "api.intacct.com/ia/api/v1";
const CLIENT: &str = "onramp-practice-app.app.sage.com";
const REDIRECT: &str = "http://127.0.0.1:8765/callback";

async fn token(sim: &Sim, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
    let r = sim
        .http
        .post(format!("{}/{BASE}/oauth2/token", sim.base))
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

async fn probe(sim: &Sim, token: &str, path: &str) -> u16 {
    sim.http
        .get(format!("{}/{BASE}/objects/{path}", sim.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn cc_form<'a>(secret: &'a str, username: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("grant_type", "client_credentials"),
        ("client_id", CLIENT),
        ("client_secret", secret),
        ("username", username),
    ]
}

#[tokio::test]
async fn client_credentials_and_role_permissions() {
    let mut sc = happy();
    sc.roles[0]
        .policies
        .retain(|p| p.application != "Accounts Receivable");
    let sim = start(sc).await;
    let (status, body) = token(&sim, &cc_form("wrong", "xml_onramp@onramp-practice|US")).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"], "invalid_client");

    let (status, body) = token(
        &sim,
        &cc_form("practice-client-secret", "admin_jane@onramp-practice"),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body["error"], "invalid_grant",
        "only Web Services users: {body}"
    );

    let (status, body) = token(
        &sim,
        &cc_form("practice-client-secret", "xml_onramp@onramp-practice|US"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    let access = body["access_token"].as_str().unwrap();
    assert_eq!(probe(&sim, access, "general-ledger/account").await, 200);
    assert_eq!(
        probe(&sim, access, "accounts-receivable/invoice").await,
        403
    );
    assert_eq!(
        probe(&sim, "not-a-token", "general-ledger/account").await,
        401
    );
}

#[tokio::test]
async fn authorization_code_with_pkce() {
    let sim = start(happy()).await;
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let r = sim
        .http
        .get(format!("{}/{BASE}/oauth2/authorize", sim.base))
        .query(&[
            ("response_type", "code"),
            ("client_id", CLIENT),
            ("redirect_uri", REDIRECT),
            ("state", "xyz"),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let location = url::Url::parse(r.headers()["location"].to_str().unwrap()).unwrap();
    assert!(location.as_str().starts_with(REDIRECT), "{location}");
    let pairs: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    assert_eq!(pairs["state"], "xyz");
    let code = pairs["code"].clone();

    let form = |v: &'static str, code: String| {
        vec![
            ("grant_type", "authorization_code".to_string()),
            ("client_id", CLIENT.to_string()),
            ("redirect_uri", REDIRECT.to_string()),
            ("code", code),
            ("code_verifier", v.to_string()),
        ]
    };
    let wrong = form("another-verifier-of-enough-length-000000000", code.clone());
    let wrong: Vec<(&str, &str)> = wrong.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = token(&sim, &wrong).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant"))
    );
    // A code is single-use, even after a failed exchange: ask again.
    let r = sim
        .http
        .get(format!("{}/{BASE}/oauth2/authorize", sim.base))
        .query(&[
            ("response_type", "code"),
            ("client_id", CLIENT),
            ("redirect_uri", REDIRECT),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ])
        .send()
        .await
        .unwrap();
    let location = url::Url::parse(r.headers()["location"].to_str().unwrap()).unwrap();
    let code = location
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let right = form(verifier, code);
    let right: Vec<(&str, &str)> = right.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = token(&sim, &right).await;
    assert_eq!(status, 200, "{body}");
    let access = body["access_token"].as_str().unwrap();
    assert_eq!(
        probe(&sim, access, "accounts-receivable/customer").await,
        200
    );
}

#[tokio::test]
async fn unregistered_redirect_and_bad_grant_type() {
    let sim = start(happy()).await;
    let r = sim
        .http
        .get(format!("{}/{BASE}/oauth2/authorize", sim.base))
        .query(&[
            ("response_type", "code"),
            ("client_id", CLIENT),
            ("redirect_uri", "https://evil.example/cb"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status().as_u16(),
        400,
        "never redirect to an unregistered URI"
    );
    let (status, body) = token(&sim, &[("grant_type", "password")]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("unsupported_grant_type"))
    );
}
