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

#[test]
fn certificates_must_use_accepted_keys() {
    let rsa2048 = public_key(include_str!("fixtures/rsa2048-cert.pem"));
    assert!(rsa2048.err().unwrap().contains("3072 or 4096"));
    let p384 = public_key(include_str!("fixtures/p384-cert.pem")).unwrap();
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
