//! Discovery, concurrency, sandbox refresh and the state summary.

mod common;

use std::time::Duration;

use common::*;
use onramp_sim::{Scenario, SimHandle, SimOptions};
use serde_json::Value;

const SERVER_TIME: &str = "/services/rest/system/v1/serverTime";

async fn sim_json(sim: &SimHandle, path: &str) -> Value {
    reqwest::get(format!("{}{path}", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn datacenter_urls_give_real_https_domains() {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let r = send(
        &sim,
        "GET",
        "rest.netsuite.com",
        "/rest/datacenterurls?account=1234567_sb1",
        None,
        None,
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body["webservicesDomain"],
        "https://1234567-sb1.suitetalk.api.netsuite.com"
    );
    assert_eq!(
        r.body["restDomain"],
        "https://1234567-sb1.restlets.api.netsuite.com"
    );
    assert_eq!(
        r.body["systemDomain"],
        "https://1234567-sb1.app.netsuite.com"
    );
    let r = send(
        &sim,
        "GET",
        "rest.netsuite.com",
        "/rest/datacenterurls?account=999",
        None,
        None,
    )
    .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn second_request_in_flight_gets_the_429_body() {
    let s = Scenario::builtin("netsuite/concurrency-limit-1").unwrap();
    let options = SimOptions {
        latency: Duration::from_secs(3),
        ..Default::default()
    };
    let sim = start(&s, options).await;
    let signer = Signer::from_scenario(&s);
    let url = format!("{}/{PROD_HOST}{SERVER_TIME}", sim.base_url());
    let auth = signer.header("GET", PROD_HOST, SERVER_TIME);
    let first = tokio::spawn(
        reqwest::Client::new()
            .get(url)
            .header("Authorization", auth)
            .send(),
    );
    // Wait until the first request holds the account's only slot.
    loop {
        let state = sim_json(&sim, "/__sim/netsuite/state").await;
        if state["accounts"][0]["in_flight"] == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let r = get(&sim, &signer, PROD_HOST, SERVER_TIME).await;
    assert_eq!(r.status, 429);
    assert_eq!(
        r.body,
        serde_json::json!({"title":"Bad Request","status":429,"o:errorCode":"USER_ERROR","o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.","o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]})
    );
    // Discovery is not an account domain: it does not take a slot.
    let sb = send(
        &sim,
        "GET",
        "rest.netsuite.com",
        "/rest/datacenterurls?account=1234567",
        None,
        None,
    )
    .await;
    assert_eq!(sb.status, 200);
    assert_eq!(first.await.unwrap().unwrap().status(), 200);
}

#[tokio::test]
async fn sandbox_refresh_wipes_sandbox_tokens_only() {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let ns = s.netsuite.as_ref().unwrap();
    let mut sandbox = Signer::from_scenario(&s);
    sandbox.realm = "1234567_SB1".into();
    sandbox.token = ns.accounts[1].tokens[0].id.clone();
    sandbox.token_secret = ns.accounts[1].tokens[0].secret.clone();
    assert_eq!(get(&sim, &sandbox, SB_HOST, SERVER_TIME).await.status, 200);

    let client = reqwest::Client::new();
    let refresh = |account: &str| {
        client
            .post(format!(
                "{}/__sim/netsuite/sandbox-refresh?account={account}",
                sim.base_url()
            ))
            .send()
    };
    assert_eq!(refresh("1234567").await.unwrap().status(), 400);
    assert_eq!(refresh("1234567_SB1").await.unwrap().status(), 200);

    let r = get(&sim, &sandbox, SB_HOST, SERVER_TIME).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "token_rejected");
    assert_eq!(
        get(&sim, &Signer::from_scenario(&s), PROD_HOST, SERVER_TIME)
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn state_summary_shows_setup_but_no_secret() {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let text = reqwest::get(format!("{}/__sim/netsuite/state", sim.base_url()))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let c = &s.netsuite.as_ref().unwrap().client;
    for secret in [
        &c.consumer_secret,
        &c.token_secret,
        &c.token_id,
        &c.consumer_key,
    ] {
        assert!(
            !text.contains(secret.as_deref().unwrap()),
            "state leaks a credential"
        );
    }
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["accounts"][1]["id"], "1234567_SB1");
    assert_eq!(
        v["accounts"][1]["roles"].as_array().unwrap().len(),
        2,
        "sandbox copies roles"
    );
    let audit_text = reqwest::get(format!(
        "{}/__sim/netsuite/login-audit-trail",
        sim.base_url()
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert!(!audit_text.contains(c.token_secret.as_deref().unwrap()));
}

#[tokio::test]
async fn entity_and_role_problems_are_permission_denied() {
    for patch in [
        "[[netsuite.accounts.employees]]\nid = 13\ngive_access = false",
        "[[netsuite.accounts.roles]]\nid = 1001\ninactive = true",
        "[[netsuite.accounts.employees]]\nid = 13\nroles = [3]",
    ] {
        let text = format!("extends = \"netsuite/happy\"\ntitle = \"t\"\ndescription = \"d\"\n[[netsuite.accounts]]\nid = \"1234567\"\n{patch}");
        let s = Scenario::from_toml_str("patched", &text).unwrap();
        let sim = start(&s, SimOptions::default()).await;
        let r = get(&sim, &Signer::from_scenario(&s), PROD_HOST, SERVER_TIME).await;
        assert_invalid_login(&r);
        assert_eq!(last_detail(&sim).await, "permission_denied", "{patch}");
    }
}

/// The Maintain scenario: the rotated token and the new owner's token work
/// beside the old one, the Login Audit Trail names each token's user, and
/// once the old token is revoked it is refused while the new one still works.
#[tokio::test]
async fn rotated_and_new_owner_tokens_work_until_revoked() {
    let s = Scenario::builtin("netsuite/maintain").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let client = &s.netsuite.as_ref().unwrap().client;
    let old = Signer::from_scenario(&s);
    let rotation = client.rotation.clone().unwrap();
    let rotated = Signer {
        token: rotation.token_id,
        token_secret: rotation.token_secret,
        nonce: fresh_nonce(),
        ..old.clone()
    };
    let owner = client.new_owner.clone().unwrap();
    let new_owner = Signer {
        token: owner.token_id.unwrap(),
        token_secret: owner.token_secret.unwrap(),
        nonce: fresh_nonce(),
        ..old.clone()
    };
    for signer in [&old, &rotated, &new_owner] {
        assert_eq!(get(&sim, signer, PROD_HOST, SERVER_TIME).await.status, 200);
    }
    let trail = audit(&sim).await;
    assert_eq!(
        trail[0]["email"], owner.email,
        "newest first, by the token's user"
    );
    assert_eq!(trail[1]["email"], "integration@wolfe.example");

    let revoke = |name: &str| {
        reqwest::Client::new()
            .post(format!("{}/__sim/netsuite/tokens/revoke", sim.base_url()))
            .query(&[("account", "1234567"), ("name", name)])
            .send()
    };
    let old_name = "Onramp Connector - Onramp Integration User";
    assert_eq!(revoke(old_name).await.unwrap().status(), 200);
    assert_eq!(revoke("No such token").await.unwrap().status(), 400);
    let r = get(
        &sim,
        &Signer {
            nonce: fresh_nonce(),
            ..old
        },
        PROD_HOST,
        SERVER_TIME,
    )
    .await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "token_rejected");
    let again = Signer {
        nonce: fresh_nonce(),
        ..rotated
    };
    assert_eq!(get(&sim, &again, PROD_HOST, SERVER_TIME).await.status, 200);
}
