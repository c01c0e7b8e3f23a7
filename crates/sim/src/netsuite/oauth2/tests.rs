//! Unit tests of the OAuth 2.0 simulator's rules; the HTTP flows are tested end
//! to end from the client crate (crates/netsuite/tests/oauth2.rs).

use serde_json::json;

use super::certs::public_key;
use super::m2m::scopes;
use super::record::check_scopes;
use super::token::pkce_matches;
use crate::Scenario;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn scope_rules() {
    let allowed = s(&["rest_webservices", "restlets"]);
    assert_eq!(check_scopes(&s(&["restlets"]), &allowed), Ok(()));
    assert_eq!(
        check_scopes(&s(&["suite_analytics"]), &allowed),
        Err("ScopeMismatched")
    );
    assert_eq!(check_scopes(&s(&["openid"]), &allowed), Err("InvalidScope"));
    assert_eq!(
        check_scopes(&s(&["mcp", "restlets"]), &s(&["mcp", "restlets"])),
        Err("InvalidScope")
    );
    assert_eq!(check_scopes(&[], &allowed), Err("InvalidScope"));
}

#[test]
fn pkce_s256_rfc7636_appendix_b() {
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    assert!(pkce_matches(challenge, verifier));
    assert!(!pkce_matches(challenge, &verifier.replace('d', "e")));
    assert!(!pkce_matches(challenge, "short"));
}

#[test]
fn jwt_scope_claim_as_array_or_string() {
    assert_eq!(
        scopes(&json!(["restlets", "rest_webservices"]), false),
        Some(s(&["restlets", "rest_webservices"]))
    );
    assert_eq!(
        scopes(&json!("restlets, rest_webservices"), true),
        Some(s(&["restlets", "rest_webservices"]))
    );
    assert_eq!(scopes(&json!("restlets"), false), None);
    assert_eq!(scopes(&json!(5), true), None);
}

/// Self-signed certificate (PEM) for `key`, generated per run: no certificate files in the repository.
fn self_signed_pem(common_name: &str, key: rcgen::KeyPair) -> String {
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, common_name);
    params.self_signed(&key).unwrap().pem()
}

fn p384_key_pair() -> rcgen::KeyPair {
    rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).unwrap()
}

/// A certificate over an RSA-2048 key, a size NetSuite refuses.
fn rsa2048_cert_pem() -> String {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
    let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
    let key = rcgen::KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap();
    self_signed_pem("rsa2048", key)
}

#[test]
fn certificates_must_use_accepted_keys() {
    let rsa2048 = public_key(&rsa2048_cert_pem());
    assert!(rsa2048.err().unwrap().contains("3072 or 4096"));
    let p384 = public_key(&self_signed_pem("p384", p384_key_pair())).unwrap();
    assert_eq!(p384.algorithms, &[jsonwebtoken::Algorithm::ES384]);
    assert!(public_key("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----").is_err());
}

#[test]
fn oauth_scenarios_parse_and_differ_where_they_say() {
    let happy = Scenario::builtin("netsuite/oauth-happy").unwrap();
    let ns = happy.netsuite.unwrap();
    assert_eq!(
        ns.oauth2.client.redirect_uri.as_deref(),
        Some("com.onramp.app://oauth/callback")
    );
    let prod = ns.accounts.iter().find(|a| a.id == "1234567").unwrap();
    let integrations = prod.integrations.as_ref().unwrap();
    let main = &integrations[0].oauth2;
    assert!(main.auth_code_grant && main.client_credentials && !main.public_client);
    assert!(integrations.iter().any(|i| i.oauth2.public_client));

    let integration = |name: &str| {
        let sc = Scenario::builtin(name).unwrap().netsuite.unwrap();
        let a = sc.accounts.into_iter().find(|a| a.id == "1234567").unwrap();
        (
            a.features.unwrap_or_default(),
            a.integrations.unwrap().remove(0),
        )
    };
    assert_eq!(
        integration("netsuite/oauth-scope-mismatch").1.oauth2.scopes,
        s(&["restlets"])
    );
    assert_eq!(
        integration("netsuite/oauth-redirect-mismatch")
            .1
            .oauth2
            .redirect_uris,
        s(&["https://example.com/callback"])
    );
    assert!(!integration("netsuite/oauth-feature-disabled")
        .0
        .contains(&"OAUTH2".to_string()));
    assert_eq!(
        integration("netsuite/oauth-integration-blocked").1.state,
        crate::netsuite::model::IntegrationState::Blocked
    );
}

mod refresh {
    use axum::http::{header::AUTHORIZATION, HeaderMap, HeaderValue};
    use base64::{engine::general_purpose::STANDARD, Engine};
    use time::{Duration, OffsetDateTime};

    use super::super::grants::{self, RefreshGrant};
    use super::super::token::{code_or_refresh, Form};
    use super::super::with_account;
    use crate::netsuite::state::NsState;
    use crate::{Scenario, SimOptions};

    const CONFIDENTIAL: &str = "A1B2C3D4-0000-4000-8000-0000000000AA";
    const PUBLIC: &str = "A1B2C3D4-0000-4000-8000-0000000000BB";

    fn setup() -> (
        NsState,
        OffsetDateTime,
        crate::netsuite::oauth2::OAuth2ClientConfig,
    ) {
        let now = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
        let sc = Scenario::builtin("netsuite/oauth-happy")
            .unwrap()
            .netsuite
            .unwrap();
        let options = SimOptions {
            fixed_now: Some(now),
            ..SimOptions::default()
        };
        (NsState::new(&sc, &options), now, sc.oauth2.client.clone())
    }

    fn grant(
        integration: &str,
        public: bool,
        expires_at: OffsetDateTime,
        consented_at: OffsetDateTime,
    ) -> RefreshGrant {
        RefreshGrant {
            integration: integration.into(),
            employee: 13,
            role: 1001,
            scopes: vec!["rest_webservices".into()],
            expires_at,
            consented_at,
            public,
            dead: false,
        }
    }

    fn put(state: &NsState, value: &str, g: RefreshGrant) {
        with_account(state, "1234567", |a| {
            a.oauth2.refresh_tokens.insert(grants::key(value), g)
        })
        .unwrap();
    }

    fn form(pairs: &[(&str, &str)]) -> Form {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn confidential_refresh_tokens_expire_after_seven_days_and_are_not_rotated() {
        let (state, now, client) = setup();
        let mut headers = HeaderMap::new();
        let basic = STANDARD.encode(format!(
            "{}:{}",
            client.client_id.unwrap(),
            client.client_secret.unwrap()
        ));
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(&format!("Basic {basic}")).unwrap(),
        );
        put(
            &state,
            "old",
            grant(CONFIDENTIAL, false, now, now - Duration::days(7)),
        );
        put(
            &state,
            "live",
            grant(CONFIDENTIAL, false, now + Duration::hours(1), now),
        );
        let refresh = |v: &str| {
            code_or_refresh(
                &state,
                "1234567",
                &headers,
                &form(&[("grant_type", "refresh_token"), ("refresh_token", v)]),
                false,
            )
        };
        let Err(expired) = refresh("old") else {
            panic!("a 7-day-old refresh token was accepted")
        };
        // ORA:subsect_158711928134: an expired refresh token logs RefreshTokenExpired.
        assert_eq!(
            (expired.detail, expired.error.as_str()),
            ("RefreshTokenExpired", "invalid_grant")
        );
        let (body, _) = refresh("live").unwrap_or_else(|_| panic!("refused"));
        // As in Oracle's sample (ORA:section_162755359851): a JSON string.
        assert_eq!(body["expires_in"], "3600");
        assert_eq!(body["token_type"], "Bearer");
        assert!(
            body.get("refresh_token").is_none(),
            "confidential clients get only an access token"
        );
        assert!(
            refresh("live").is_ok(),
            "and keep using the same refresh token"
        );
    }

    #[test]
    fn public_refresh_tokens_rotate_once_and_end_at_the_rotation_maximum() {
        let (state, now, client) = setup();
        let id = client.public_client_id.unwrap();
        put(
            &state,
            "r1",
            grant(
                PUBLIC,
                true,
                now + Duration::hours(1),
                now - Duration::hours(167),
            ),
        );
        let refresh = |v: &str| {
            code_or_refresh(
                &state,
                "1234567",
                &HeaderMap::new(),
                &form(&[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", v),
                    ("client_id", &id),
                ]),
                false,
            )
        };
        let (body, _) = refresh("r1").unwrap_or_else(|_| panic!("refused"));
        let r2 = body["refresh_token"].as_str().unwrap().to_string();
        let cap = with_account(&state, "1234567", |a| {
            a.oauth2.refresh_tokens[&grants::key(&r2)].expires_at
        })
        .unwrap();
        assert_eq!(
            cap,
            now + Duration::hours(1),
            "48 h, but not past 168 h after consent"
        );
        assert!(
            refresh("r1").is_err(),
            "a public refresh token is single-use"
        );
        put(
            &state,
            "late",
            grant(
                PUBLIC,
                true,
                now + Duration::hours(1),
                now - Duration::hours(168),
            ),
        );
        let Err(late) = refresh("late") else {
            panic!("rotated past the maximum")
        };
        assert_eq!(late.error, "invalid_grant");
    }
}

/// Runs Oracle's recipe for OAuth 2.0 certificates with RSASSA-PSS keys
/// (ORA:section_0312092212) with `openssl`, as a NetSuite admin would: the
/// certificate and key PEMs. 3072 bits (a size NetSuite accepts,
/// ORA:subsect_162755332391) instead of the page's 4096 keeps it quick; `-subj`
/// answers the prompts. Made at test time so no key is committed.
fn oracle_recipe_certificate() -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = (
        dir.path().join("public.pem"),
        dir.path().join("private.pem"),
    );
    let out = std::process::Command::new("openssl")
        .args([
            "req", "-new", "-x509", "-nodes", "-days", "365", "-newkey", "rsa-pss",
        ])
        .args([
            "-pkeyopt",
            "rsa_keygen_bits:3072",
            "-subj",
            "/CN=Onramp practice PSS",
        ])
        .arg("-out")
        .arg(&cert)
        .arg("-keyout")
        .arg(&key)
        .output()
        .expect("openssl runs (scripts/system-deps.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |p| std::fs::read_to_string(p).unwrap();
    (read(&cert), read(&key))
}

/// A certificate made with Oracle's recipe has an id-RSASSA-PSS key: accepted
/// for PS256/384/512, and a PS256 JWT signed with its key verifies.
#[test]
fn rsa_pss_certificates_from_oracles_recipe_are_accepted() {
    use base64::Engine;
    use jsonwebtoken::{Algorithm, EncodingKey, Header, Validation};
    use rsa::pkcs8::der::Decode;

    let (cert, pem) = oracle_recipe_certificate();
    let key = public_key(&cert).expect("an RSA-PSS certificate is accepted");
    assert_eq!(
        key.algorithms,
        [Algorithm::PS256, Algorithm::PS384, Algorithm::PS512]
    );
    // The private key is PKCS#8 with the PSS OID; its inner key is plain PKCS#1.
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let info = rsa::pkcs8::PrivateKeyInfo::from_der(&der).unwrap();
    let signing = EncodingKey::from_rsa_der(info.private_key);
    let jwt = jsonwebtoken::encode(
        &Header::new(Algorithm::PS256),
        &json!({"iss": "cid"}),
        &signing,
    )
    .unwrap();
    let mut validation = Validation::new(Algorithm::PS256);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    jsonwebtoken::decode::<serde_json::Value>(&jwt, &key.key, &validation)
        .expect("the PSS certificate verifies its key's signature");
}

#[test]
fn a_truncated_certificate_is_refused_not_hung() {
    // One byte of body: `der`'s streaming PEM reader never returns on it.
    let e = public_key("-----BEGIN CERTIFICATE-----\nnA==\n-----END CERTIFICATE-----\n")
        .err()
        .unwrap();
    assert!(e.contains("not an X.509 certificate"), "{e}");
}
