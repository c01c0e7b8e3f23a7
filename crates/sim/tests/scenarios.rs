//! Each built-in NetSuite scenario, logged in to with its own client settings,
//! fails (or not) the way its description says.

mod common;

use common::*;
use onramp_sim::{Scenario, SimOptions};

const SERVER_TIME: &str = "/services/rest/system/v1/serverTime";

/// The realm and host a correct client derives from the account ID the user typed.
fn normalised(account_input: &str) -> (String, String) {
    let realm = account_input.trim().to_ascii_uppercase();
    let host = format!(
        "{}.suitetalk.api.netsuite.com",
        realm.to_ascii_lowercase().replace('_', "-")
    );
    (realm, host)
}

async fn login_detail(name: &str) -> (u16, String) {
    let s = Scenario::builtin(name).unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let mut signer = Signer::from_scenario(&s);
    let (realm, host) = normalised(&signer.realm);
    signer.realm = realm;
    let r = get(&sim, &signer, &host, SERVER_TIME).await;
    if r.status == 401 {
        assert_invalid_login(&r);
    }
    let rows = audit(&sim).await;
    (r.status, rows[0]["detail"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn login_outcome_per_scenario() {
    let cases = [
        ("netsuite/happy", 200, ""),
        ("netsuite/realm-wrong-case", 200, ""),
        ("netsuite/sandbox-mixup", 401, "token_rejected"),
        ("netsuite/clock-skew", 401, "InvalidTimestamp"),
        ("netsuite/revoked-token", 401, "token_rejected"),
        ("netsuite/inactive-employee", 401, "permission_denied"),
        (
            "netsuite/role-without-token-login",
            401,
            "permission_denied",
        ),
        ("netsuite/blocked-integration", 401, "consumer_key_refused"),
        ("netsuite/missing-currency-permission", 200, ""),
        ("netsuite/subsidiary-restriction", 200, ""),
        ("netsuite/concurrency-limit-1", 200, ""),
    ];
    for (name, status, detail) in cases {
        assert_eq!(
            login_detail(name).await,
            (status, detail.to_string()),
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_realm_as_typed_fails_in_realm_wrong_case() {
    let s = Scenario::builtin("netsuite/realm-wrong-case").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    assert_eq!(signer.realm, "1234567_sb1");
    let r = get(&sim, &signer, SB_HOST, SERVER_TIME).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "InvalidSignature");
}

#[tokio::test]
async fn every_netsuite_scenario_names_checks_and_credentials() {
    for name in
        Scenario::builtin_names().filter(|n| n.starts_with("netsuite/") && !n.contains("oauth"))
    {
        let s = Scenario::builtin(name).unwrap();
        let ns = s.netsuite.as_ref().unwrap();
        assert!(ns.client.token_id.is_some(), "{name}");
        for id in &s.expect_failing {
            assert!(id.starts_with("netsuite."), "{name}: {id}");
        }
    }
}
