//! Client credentials (M2M): a generated certificate uploaded to the simulator,
//! tokens from signed assertions, and the assertions NetSuite refuses.

use std::time::Duration;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use onramp_core::profile::AuthMethod;
use onramp_core::Secret;
use onramp_netsuite::oauth2::diagnose::{self, Stage};
use onramp_netsuite::oauth2::keygen::{generate, KeyAlgorithm};
use onramp_netsuite::oauth2::m2m::{
    AssertionClaims, M2mConfig, CLIENT_ASSERTION_TYPE, DEFAULT_ASSERTION_LIFETIME,
};
use onramp_netsuite::oauth2::{M2mClient, OAuthError, Scope};
use onramp_netsuite::Account;
use onramp_sim::SimOptions;
use serde_json::{json, Value};
use time::OffsetDateTime;

use crate::support::Sim;

const TOKEN_URL: &str =
    "https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token";

/// Generates a key pair, uploads its certificate as a user would, returns (certificate ID, key PEM).
pub async fn mapped_certificate(sim: &Sim) -> (String, Secret<String>) {
    let g = generate(
        KeyAlgorithm::Es256,
        "Onramp M2M test",
        365,
        OffsetDateTime::now_utc(),
    )
    .unwrap();
    let c = sim.oauth();
    let resp: Value = reqwest::Client::new()
        .post(format!("{}/__sim/netsuite/m2m/certificates", sim.base()))
        .json(&json!({
            "account": "1234567",
            "client_id": c.client_id,
            "role": c.m2m_role,
            "entity": c.m2m_entity,
            "certificate_pem": g.certificate_pem,
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        resp["certificate_id"]
            .as_str()
            .expect("upload accepted")
            .to_string(),
        g.private_key_pem,
    )
}

pub fn m2m_client(sim: &Sim, certificate_id: &str, key: Secret<String>) -> M2mClient {
    M2mClient::new(M2mConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: sim.oauth().client_id.clone().unwrap(),
        certificate_id: certificate_id.into(),
        algorithm: KeyAlgorithm::Es256,
        private_key_pem: key,
        scopes: vec![Scope::RestWebServices, Scope::Restlets],
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints: sim.endpoints(),
        timeout: Duration::from_secs(10),
    })
    .unwrap()
}

/// Posts a hand-made assertion; returns the HTTP status and `error`.
async fn post_assertion(sim: &Sim, jwt: &str) -> (u16, String) {
    let url = format!(
        "{}/1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token",
        sim.base()
    );
    let resp = reqwest::Client::new()
        .post(url)
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_assertion_type", CLIENT_ASSERTION_TYPE),
            ("client_assertion", jwt),
        ])
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap();
    (
        status,
        body["error"].as_str().unwrap_or_default().to_string(),
    )
}

fn claims(sim: &Sim, lifetime: i64) -> AssertionClaims {
    let iat = OffsetDateTime::now_utc().unix_timestamp();
    AssertionClaims {
        iss: sim.oauth().client_id.clone().unwrap(),
        scope: vec!["rest_webservices".into()],
        aud: TOKEN_URL.into(),
        iat,
        exp: iat + lifetime,
        jti: "test-jti-0123456789".into(),
    }
}

#[tokio::test]
async fn keygen_upload_token_and_call() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let (cert_id, key) = mapped_certificate(&sim).await;
    let client = m2m_client(&sim, &cert_id, key);
    let token = client.token(OffsetDateTime::now_utc()).await.unwrap();
    let listed: Value = reqwest::get(format!("{}/__sim/netsuite/m2m/certificates", sim.base()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed["certificates"][0]["certificate_id"],
        cert_id.as_str()
    );
    assert_eq!(listed["certificates"][0]["entity"], 13);
    let who = token.identity.expect("JWT access token");
    assert_eq!((who.role.as_str(), who.entity.as_str()), ("1001", "13"));
    sim.rest(&token.access_token).server_time().await.unwrap();
}

/// A throwaway RSA-2048 private key (PKCS#8 PEM), generated per run: no key files in the repository.
fn throwaway_rsa_key_pem() -> String {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
    key.to_pkcs8_pem(LineEnding::LF).unwrap().to_string()
}

#[tokio::test]
async fn rs256_assertion_is_rejected_as_unsupported_algo() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let (cert_id, _) = mapped_certificate(&sim).await;
    let key = EncodingKey::from_rsa_pem(throwaway_rsa_key_pem().as_bytes()).unwrap();
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(cert_id);
    let jwt = jsonwebtoken::encode(&header, &claims(&sim, 300), &key).unwrap();
    let (status, error) = post_assertion(&sim, &jwt).await;
    assert_eq!((status, error.as_str()), (400, "invalid_grant"));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "UnsupportedAlgo");
    assert!(diagnose::audit_detail(AuthMethod::Oauth2M2m, &detail)
        .unwrap()
        .fix
        .contains("ES256"));
}

#[tokio::test]
async fn assertion_valid_too_long_is_rejected() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let (cert_id, key) = mapped_certificate(&sim).await;
    let mut header = Header::new(Algorithm::ES256);
    header.kid = Some(cert_id.clone());
    let signing = EncodingKey::from_ec_pem(key.expose().as_bytes()).unwrap();
    let jwt = jsonwebtoken::encode(&header, &claims(&sim, 3600), &signing).unwrap();
    let (status, _) = post_assertion(&sim, &jwt).await;
    assert_eq!(status, 400);
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "TokenValidityTooBroad");
    assert!(diagnose::audit_detail(AuthMethod::Oauth2M2m, &detail)
        .unwrap()
        .fix
        .contains("3000"));
    // Oracle: exp "must be less than 60 minutes greater than" iat; one second under is accepted.
    let just_under = jsonwebtoken::encode(&header, &claims(&sim, 3599), &signing).unwrap();
    assert_eq!(post_assertion(&sim, &just_under).await.0, 200);
    // The same key with a short assertion works: only the lifetime was wrong.
    let ok = jsonwebtoken::encode(&header, &claims(&sim, 300), &signing).unwrap();
    assert_eq!(post_assertion(&sim, &ok).await.0, 200);
}

#[tokio::test]
async fn clock_far_off_is_diagnosed_as_clock_skew() {
    let options = SimOptions {
        clock_offset_secs: Some(3600),
        ..SimOptions::default()
    };
    let sim = Sim::start_with("netsuite/oauth-happy", options).await;
    let (cert_id, key) = mapped_certificate(&sim).await;
    let err = m2m_client(&sim, &cert_id, key)
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    let OAuthError::ClockSkew { skew_seconds, .. } = err else {
        panic!("{err:?}")
    };
    assert!((-3660..=-3540).contains(&skew_seconds), "{skew_seconds}");
    assert_eq!(sim.latest_failure().await, "TokenExpired");
    assert!(diagnose::diagnose(Stage::ClientCredentials, &err)
        .fix
        .contains("NTP"));
}

#[tokio::test]
async fn clock_ahead_puts_iat_in_the_future() {
    let options = SimOptions {
        clock_offset_secs: Some(-3600),
        ..SimOptions::default()
    };
    let sim = Sim::start_with("netsuite/oauth-happy", options).await;
    let (cert_id, key) = mapped_certificate(&sim).await;
    let err = m2m_client(&sim, &cert_id, key)
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    let OAuthError::ClockSkew { skew_seconds, .. } = err else {
        panic!("{err:?}")
    };
    assert!(skew_seconds > 3500, "{skew_seconds}");
    assert!(diagnose::diagnose(Stage::ClientCredentials, &err)
        .cause
        .contains("ahead of"));
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "TokenNotAcceptable");
    assert!(diagnose::audit_detail(AuthMethod::Oauth2M2m, &detail)
        .unwrap()
        .cause
        .contains("future"));
}

#[tokio::test]
async fn unknown_certificate_id_is_missing_key() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let (_, key) = mapped_certificate(&sim).await;
    let err = m2m_client(&sim, "not-a-certificate-id", key)
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    assert_eq!(err.error_code(), Some("invalid_grant"));
    assert_eq!(
        diagnose::diagnose(Stage::ClientCredentials, &err).where_,
        diagnose::AUDIT_TRAIL
    );
    let detail = sim.latest_failure().await;
    assert_eq!(detail, "MissingKey");
    assert_eq!(
        diagnose::audit_detail(AuthMethod::Oauth2M2m, &detail)
            .unwrap()
            .where_,
        diagnose::M2M_SETUP
    );
}

/// A misconfigured account refuses the token; the audit trail names why, and each Detail has its fix.
async fn refused_m2m(scenario: &str) -> (OAuthError, String) {
    let sim = Sim::start(scenario).await;
    let (cert_id, key) = mapped_certificate(&sim).await;
    let err = m2m_client(&sim, &cert_id, key)
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap_err();
    (err, sim.latest_failure().await)
}

#[tokio::test]
async fn misconfigured_accounts_refuse_m2m_with_their_audit_detail() {
    let (err, detail) = refused_m2m("netsuite/oauth-integration-blocked").await;
    assert_eq!(detail, "IntegrationBlocked");
    assert_eq!(
        diagnose::diagnose(Stage::ClientCredentials, &err).where_,
        diagnose::AUDIT_TRAIL
    );
    assert!(diagnose::audit_detail(AuthMethod::Oauth2M2m, &detail)
        .unwrap()
        .fix
        .contains("Enabled"));

    let (_, detail) = refused_m2m("netsuite/oauth-feature-disabled").await;
    assert_eq!(detail, "FeatureDisabled");

    // The client asks for rest_webservices, which this integration record lacks.
    let (err, detail) = refused_m2m("netsuite/oauth-scope-mismatch").await;
    assert_eq!(err.error_code(), Some("invalid_scope"));
    assert_eq!(detail, "ScopeMismatched");
    assert_eq!(
        diagnose::diagnose(Stage::ClientCredentials, &err).where_,
        diagnose::INTEGRATION_RECORD
    );
}

#[tokio::test]
async fn ps256_key_pair_works_end_to_end() {
    let sim = Sim::start("netsuite/oauth-happy").await;
    let g = generate(
        KeyAlgorithm::Ps256,
        "Onramp M2M PS256",
        365,
        OffsetDateTime::now_utc(),
    )
    .unwrap();
    assert_eq!(
        KeyAlgorithm::detect(g.private_key_pem.expose()),
        Some(KeyAlgorithm::Ps256)
    );
    let c = sim.oauth();
    let resp: Value = reqwest::Client::new()
        .post(format!("{}/__sim/netsuite/m2m/certificates", sim.base()))
        .json(&json!({
            "account": "1234567", "client_id": c.client_id, "role": c.m2m_role,
            "entity": c.m2m_entity, "certificate_pem": g.certificate_pem,
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let cert_id = resp["certificate_id"]
        .as_str()
        .expect("3072-bit RSA accepted");
    let mut client_cfg = M2mConfig {
        account: Account::parse("1234567").unwrap(),
        client_id: c.client_id.clone().unwrap(),
        certificate_id: cert_id.into(),
        algorithm: KeyAlgorithm::Ps256,
        private_key_pem: g.private_key_pem,
        scopes: vec![Scope::RestWebServices],
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints: sim.endpoints(),
        timeout: Duration::from_secs(10),
    };
    let token = M2mClient::new(client_cfg.clone())
        .unwrap()
        .token(OffsetDateTime::now_utc())
        .await
        .unwrap();
    sim.rest(&token.access_token).server_time().await.unwrap();
    // The same certificate cannot verify an ES256 assertion: the key type must match the algorithm.
    client_cfg.algorithm = KeyAlgorithm::Es256;
    assert!(
        M2mClient::new(client_cfg).is_err(),
        "an RSA key cannot sign ES256"
    );
}
