//! SuiteQL over real HTTP: `Prefer: transient`, paging, the queries Onramp sends.

mod common;

use common::*;
use onramp_sim::{Scenario, SimHandle, SimOptions};
use serde_json::json;

const SUITEQL: &str = "/services/rest/query/v1/suiteql";

async fn query(sim: &SimHandle, signer: &Signer, paging: &str, prefer: &str, q: &str) -> Reply {
    let mut s = signer.clone();
    s.nonce = fresh_nonce();
    let path = format!("{SUITEQL}{paging}");
    let body = json!({ "q": q }).to_string();
    send(
        sim,
        "POST",
        PROD_HOST,
        &path,
        Some(s.header("POST", PROD_HOST, &path)),
        Some((prefer, &body)),
    )
    .await
}

async fn happy() -> (SimHandle, Signer, Scenario) {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    (
        start(&s, SimOptions::default()).await,
        Signer::from_scenario(&s),
        s,
    )
}

#[tokio::test]
async fn role_permissions_come_back_as_strings() {
    let (sim, signer, _) = happy().await;
    let r = query(
        &sim,
        &signer,
        "?limit=1000&offset=0",
        "transient",
        "SELECT permkey, permlevel FROM rolepermissions WHERE role = 1001",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let items = r.body["items"].as_array().unwrap();
    let currency = items
        .iter()
        .find(|i| i["permkey"] == "LIST_ACCOUNT")
        .unwrap();
    assert_eq!(
        *currency,
        json!({"links": [], "permkey": "LIST_ACCOUNT", "permlevel": "1"})
    );
    assert_eq!(r.body["totalResults"], items.len());
    assert_eq!(r.body["hasMore"], false);
}

#[tokio::test]
async fn employee_roles_and_role_names() {
    let (sim, signer, _) = happy().await;
    let r = query(
        &sim,
        &signer,
        "",
        "transient",
        "SELECT rolesforsearch FROM employee WHERE id = 13",
    )
    .await;
    // The integration role has no Lists > Employees permission.
    assert_eq!(r.status, 400);
    assert!(r.body["o:errorDetails"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("Unknown identifier 'employee'"));
    let r = query(
        &sim,
        &signer,
        "",
        "transient",
        "SELECT name FROM role WHERE id = 1001",
    )
    .await;
    assert_eq!(r.body["items"][0]["name"], "Onramp Integration");
}

#[tokio::test]
async fn prefer_transient_is_required() {
    let (sim, signer, _) = happy().await;
    let r = query(&sim, &signer, "", "", "SELECT id FROM currency").await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["o:errorDetails"][0]["o:errorHeader"], "Prefer");
    let r = query(
        &sim,
        &signer,
        "",
        "respond-async, transient",
        "SELECT id FROM currency",
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["count"], 3);
}

#[tokio::test]
async fn missing_prefer_can_be_configured_as_ignored() {
    let mut s = Scenario::builtin("netsuite/happy").unwrap();
    s.netsuite
        .as_mut()
        .unwrap()
        .behaviour
        .missing_prefer_transient = onramp_sim::netsuite::model::MissingPreferAnswer::Ignore;
    let sim = start(&s, SimOptions::default()).await;
    let r = query(
        &sim,
        &Signer::from_scenario(&s),
        "",
        "",
        "SELECT id FROM currency",
    )
    .await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn paging_rules_and_unknown_identifiers() {
    let (sim, signer, _) = happy().await;
    let r = query(
        &sim,
        &signer,
        "?limit=2&offset=2",
        "transient",
        "SELECT id FROM currency ORDER BY id",
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["items"], json!([{"links": [], "id": "3"}]));
    assert_eq!(r.body["offset"], 2);
    for paging in [
        "?limit=2&offset=1",
        "?limit=1001",
        "?limit=1000&offset=100000",
    ] {
        let r = query(
            &sim,
            &signer,
            paging,
            "transient",
            "SELECT id FROM currency",
        )
        .await;
        assert_eq!(r.status, 400, "{paging}");
        assert_eq!(
            r.body["o:errorDetails"][0]["o:errorCode"], "INVALID_PARAMETER",
            "{paging}"
        );
    }
    let r = query(
        &sim,
        &signer,
        "",
        "transient",
        "SELECT nosuchcolumn FROM currency",
    )
    .await;
    assert_eq!(r.status, 400);
    let d = r.body["o:errorDetails"][0]["detail"].as_str().unwrap();
    assert!(d.contains("Unknown identifier 'nosuchcolumn'"), "{d}");
}

#[tokio::test]
async fn role_tables_can_require_administrator() {
    let mut s = Scenario::builtin("netsuite/happy").unwrap();
    s.netsuite.as_mut().unwrap().behaviour.role_tables_require = "administrator".into();
    let sim = start(&s, SimOptions::default()).await;
    let r = query(
        &sim,
        &Signer::from_scenario(&s),
        "",
        "transient",
        "SELECT permkey, permlevel FROM rolepermissions WHERE role = 1001",
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        r.body["o:errorDetails"][0]["o:errorCode"],
        "INVALID_PARAMETER"
    );
}

#[tokio::test]
async fn a_body_that_is_not_a_query_is_an_invalid_request() {
    let (sim, signer, _) = happy().await;
    let mut s = signer.clone();
    s.nonce = fresh_nonce();
    let auth = s.header("POST", PROD_HOST, SUITEQL);
    let r = send(
        &sim,
        "POST",
        PROD_HOST,
        SUITEQL,
        Some(auth),
        Some(("transient", "{\"query\": 1")),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        r.body["o:errorDetails"][0]["o:errorCode"],
        "INVALID_REQUEST"
    );
}
