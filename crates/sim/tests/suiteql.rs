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

async fn post_body(sim: &SimHandle, signer: &Signer, body: &str) -> Reply {
    let mut s = signer.clone();
    s.nonce = fresh_nonce();
    let auth = s.header("POST", PROD_HOST, SUITEQL);
    send(
        sim,
        "POST",
        PROD_HOST,
        SUITEQL,
        Some(auth),
        Some(("transient", body)),
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

/// `happy` with the integration role (1001) changed by `f`.
fn happy_with_role(f: impl FnOnce(&mut onramp_sim::netsuite::model::RoleSpec)) -> Scenario {
    let mut s = Scenario::builtin("netsuite/happy").unwrap();
    let ns = s.netsuite.as_mut().unwrap();
    let roles = ns.accounts[0].roles.as_mut().unwrap();
    f(roles.iter_mut().find(|r| r.id == 1001).unwrap());
    s
}

#[tokio::test]
async fn role_permissions_come_back_as_strings() {
    // Oracle's sample rows: {"name":"Custom Fields","permkey":"ADMI_CUSTFIELD",
    // "permlevel":"4","restriction":"-1","role":"1028"} (help section_0210123130).
    let s = happy_with_role(|r| {
        r.permissions.insert("ADMI_MANAGEROLES".into(), 4);
    });
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
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
    // The integration role has no Lists > Employee Record permission (the
    // Records Catalog's permission for the `employee` table).
    assert_eq!(r.status, 400);
    assert!(r.body["o:errorDetails"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("Unknown identifier 'employee'"));
    let s = happy_with_role(|r| {
        r.permissions.insert("LIST_EMPLOYEE_RECORD".into(), 1);
        r.permissions.insert("ADMI_MANAGEROLES".into(), 1);
    });
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    // Oracle's samples: `SELECT rolesforsearch FROM employee WHERE id = 13`
    // and `SELECT name FROM role WHERE id = 7` (help section_0210124841, section_0210125706).
    let r = query(
        &sim,
        &signer,
        "",
        "transient",
        "SELECT rolesforsearch FROM employee WHERE id = 13",
    )
    .await;
    assert_eq!(r.body["items"][0]["rolesforsearch"], "1001", "{}", r.body);
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
async fn role_tables_need_manage_roles_by_default() {
    let (sim, signer, _) = happy().await;
    for q in [
        "SELECT permkey, permlevel FROM rolepermissions WHERE role = 1001",
        "SELECT id FROM role WHERE name = 'Onramp Integration'",
        "SELECT restriction FROM rolerestrictions WHERE role = 1001",
    ] {
        let r = query(&sim, &signer, "", "transient", q).await;
        assert_eq!(r.status, 400, "{q}: {}", r.body);
        assert_eq!(
            r.body["o:errorDetails"][0]["o:errorCode"],
            "INVALID_PARAMETER"
        );
    }
    // The setting is kept: a scenario may let any role read them.
    let mut s = Scenario::builtin("netsuite/happy").unwrap();
    s.netsuite.as_mut().unwrap().behaviour.role_tables_require = "any".into();
    let sim = start(&s, SimOptions::default()).await;
    let r = query(
        &sim,
        &Signer::from_scenario(&s),
        "",
        "transient",
        "SELECT id FROM role WHERE name = 'Onramp Integration'",
    )
    .await;
    assert_eq!(r.body["items"], json!([{"links": [], "id": "1001"}]));
}

#[tokio::test]
async fn bind_params_are_refused_unless_the_scenario_binds_them() {
    let (sim, signer, s) = happy().await;
    let body = json!({"q": "SELECT id FROM currency WHERE id = ?", "params": [2]}).to_string();
    let r = post_body(&sim, &signer, &body).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(
        r.body["o:errorDetails"][0]["o:errorCode"],
        "INVALID_CONTENT"
    );
    assert_eq!(r.body["o:errorDetails"][0]["o:errorPath"], "params");
    let mut s = s;
    s.netsuite.as_mut().unwrap().behaviour.suiteql_params =
        onramp_sim::netsuite::model::SuiteqlParams::Bind;
    let sim = start(&s, SimOptions::default()).await;
    let r = post_body(&sim, &signer, &body).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["items"], json!([{"links": [], "id": "2"}]));
}

#[tokio::test]
async fn suiteql_needs_suiteanalytics_workbook() {
    let s = happy_with_role(|r| {
        r.permissions.insert("REPO_ANALYTICS".into(), 0);
    });
    let sim = start(&s, SimOptions::default()).await;
    let r = query(
        &sim,
        &Signer::from_scenario(&s),
        "",
        "transient",
        "SELECT id FROM currency",
    )
    .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(
        r.body["o:errorDetails"][0]["detail"],
        "Permission Violation: You need the 'Reports -> SuiteAnalytics Workbook' permission to access this page. Please contact your account administrator."
    );
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
