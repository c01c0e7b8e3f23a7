//! Records, governance limits and the REST gate over real HTTP.

mod common;

use common::*;
use onramp_sim::{Scenario, SimOptions};
use serde_json::json;

const RECORDS: &str = "/services/rest/record/v1";

async fn happy_sim() -> (onramp_sim::SimHandle, Signer) {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    (
        start(&s, SimOptions::default()).await,
        Signer::from_scenario(&s),
    )
}

fn with_role_change(toml_patch: &str) -> Scenario {
    let text = format!(
        "extends = \"netsuite/happy\"\ntitle = \"t\"\ndescription = \"d\"\n[[netsuite.accounts]]\nid = \"1234567\"\n{toml_patch}"
    );
    Scenario::from_toml_str("patched", &text).unwrap()
}

#[tokio::test]
async fn collection_paging_follows_limit_and_offset_rules() {
    let (sim, signer) = happy_sim().await;
    let r = get(
        &sim,
        &signer,
        PROD_HOST,
        &format!("{RECORDS}/Customer?limit=2&offset=2"),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.headers["content-type"],
        "application/vnd.oracle.resource+json; type=collection"
    );
    assert_eq!(r.body["totalResults"], 3);
    assert_eq!(r.body["count"], 1);
    assert_eq!(r.body["offset"], 2);
    assert_eq!(r.body["hasMore"], false);
    assert_eq!(r.body["items"][0]["id"], "103");
    let first = get(
        &sim,
        &signer,
        PROD_HOST,
        &format!("{RECORDS}/customer?limit=2"),
    )
    .await;
    assert_eq!(first.body["hasMore"], true);
    let next = first.body["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["rel"] == "next")
        .unwrap();
    assert_eq!(
        next["href"],
        "https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer?limit=2&offset=2"
    );
    for bad in ["limit=2&offset=3", "limit=1001", "limit=0", "offset=-1"] {
        let r = get(
            &sim,
            &signer,
            PROD_HOST,
            &format!("{RECORDS}/customer?{bad}"),
        )
        .await;
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(
            r.body["o:errorDetails"][0]["o:errorCode"], "INVALID_PARAMETER",
            "{bad}"
        );
    }
}

#[tokio::test]
async fn single_records_and_missing_ones() {
    let (sim, signer) = happy_sim().await;
    let r = get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/currency/2")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["symbol"], "GBP");
    let r = get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/currency/99")).await;
    assert_eq!(r.status, 404);
    assert_eq!(
        r.body["o:errorDetails"][0],
        json!({"detail": "Record does not exist.", "o:errorCode": "NONEXISTENT_ID"})
    );
    let r = get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/spaceship")).await;
    assert_eq!(r.status, 404);
    let r = get(
        &sim,
        &signer,
        PROD_HOST,
        &format!("{RECORDS}/customerRefund"),
    )
    .await;
    assert_eq!(r.body["totalResults"], 1);
    // The department permission is held, so an id that is not there is simply missing.
    let r = get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/department/7")).await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn missing_record_permission_is_a_permission_violation() {
    let s = Scenario::builtin("netsuite/missing-currency-permission").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    let r = get(
        &sim,
        &signer,
        PROD_HOST,
        &format!("{RECORDS}/currency?limit=5"),
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(
        r.headers["content-type"],
        "application/vnd.oracle.resource+json; type=error"
    );
    assert_eq!(r.body["title"], "Forbidden");
    assert_eq!(
        r.body["o:errorDetails"][0],
        json!({
            "detail": "Permission Violation: You need the 'Lists -> Currency' permission to access this page. Please contact your account administrator.",
            "o:errorCode": "INSUFFICIENT_PERMISSION"
        })
    );
    assert_eq!(
        get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/customer"))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn subsidiary_restriction_refuses_loading_records_it_lists() {
    let s = Scenario::builtin("netsuite/subsidiary-restriction").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    let list = get(
        &sim,
        &signer,
        PROD_HOST,
        &format!("{RECORDS}/customer?limit=5"),
    )
    .await;
    assert_eq!(list.body["count"], 3);
    assert_eq!(
        get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/customer/101"))
            .await
            .status,
        200
    );
    let r = get(&sim, &signer, PROD_HOST, &format!("{RECORDS}/customer/102")).await;
    assert_eq!(r.status, 403);
    assert_eq!(
        r.body["o:errorDetails"][0]["o:errorCode"],
        "INSUFFICIENT_PERMISSION"
    );
}

#[tokio::test]
async fn role_without_rest_permission_gets_user_error() {
    let s = with_role_change(
        "[[netsuite.accounts.roles]]\nid = 1001\npermissions = { ADMI_RESTWEBSERVICES = 0 }",
    );
    let sim = start(&s, SimOptions::default()).await;
    let r = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        "/services/rest/system/v1/serverTime",
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        r.body["o:errorDetails"][0],
        json!({"detail": "Your current role does not have permission to perform this action.", "o:errorCode": "USER_ERROR"})
    );
}

const GOVERNANCE: &str = "/services/rest/system/v1/governanceLimits";

/// The token acts as the Administrator (employee 7, role 3), who may read limits.
const ADMIN_TOKEN: &str = "[[netsuite.accounts.tokens]]\nid = \"38549f67703fc6455172327c67d891ab3e76ad3a28a5dc41f035f20052f81f8f\"\nemployee = 7\nrole = 3";

/// governanceLimits as the Administrator, on an account whose pool is `account_limit`.
async fn governance_as_admin(extra: &str, account_limit: u32) -> Reply {
    let s = with_role_change(&format!("{ADMIN_TOKEN}\n{extra}"));
    let options = SimOptions {
        concurrency_limit: Some(account_limit),
        ..Default::default()
    };
    let sim = start(&s, options).await;
    get(&sim, &Signer::from_scenario(&s), PROD_HOST, GOVERNANCE).await
}

#[tokio::test]
async fn governance_limits_are_for_administrators_only() {
    let (sim, signer) = happy_sim().await;
    let r = get(&sim, &signer, PROD_HOST, GOVERNANCE).await;
    assert_eq!(r.status, 403);
    assert_eq!(
        r.body["o:errorDetails"][0]["o:errorCode"],
        "INSUFFICIENT_PERMISSION"
    );

    let r = governance_as_admin("", 7).await;
    assert_eq!(r.status, 200, "{}", r.body);
    // Oracle's "accountLimit" sample shape (help article_0625010817).
    assert_eq!(
        r.body,
        json!({"accountConcurrencyLimit": 7, "accountUnallocatedConcurrencyLimit": 7, "integrationLimitType": "accountLimit"})
    );

    // An integration with its own limit: the "integrationSpecific" sample shape.
    let own = "[[netsuite.accounts.integrations]]\nid = \"A1B2C3D4-0000-4000-8000-0000000000AA\"\nconcurrency_limit = 2";
    let r = governance_as_admin(own, 5).await;
    assert_eq!(
        r.body,
        json!({"accountConcurrencyLimit": 5, "accountUnallocatedConcurrencyLimit": 3, "integrationConcurrencyLimit": 2, "integrationLimitType": "integrationSpecific"})
    );
}

#[tokio::test]
async fn the_account_record_is_a_beta_record() {
    let (sim, signer) = happy_sim().await;
    let r = get(
        &sim,
        &signer,
        PROD_HOST,
        &format!("{RECORDS}/account?limit=1"),
    )
    .await;
    assert_eq!(r.status, 403);
    // The body quoted in omniboost/go-netsuite-rest client.go, verbatim.
    assert_eq!(
        r.body,
        json!({"title":"Forbidden","status":403,"o:errorDetails":[{"detail":"The account record is only available as a beta record. Enable the REST Record Service (Beta) feature in Setup > Company > Enable Features to work with this record.","o:errorCode":"INSUFFICIENT_PERMISSION"}]})
    );
    let s = with_role_change("features = [\"REST_WEB_SERVICES\", \"TOKEN_BASED_AUTHENTICATION\", \"REST_RECORD_SERVICE_BETA\"]");
    let sim = start(&s, SimOptions::default()).await;
    let r = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        &format!("{RECORDS}/account?limit=1"),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn rest_feature_off_answers_as_configured() {
    let features = "features = [\"TOKEN_BASED_AUTHENTICATION\"]";
    let s = with_role_change(features);
    let sim = start(&s, SimOptions::default()).await;
    let r = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        "/services/rest/system/v1/serverTime",
    )
    .await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "FeatureDisabled");

    let mut s = with_role_change(features);
    s.netsuite.as_mut().unwrap().behaviour.rest_feature_disabled =
        onramp_sim::netsuite::model::RestDisabledAnswer::InsufficientPermission;
    let sim = start(&s, SimOptions::default()).await;
    let r = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        "/services/rest/system/v1/serverTime",
    )
    .await;
    assert_eq!(r.status, 403);

    let s = with_role_change("features = [\"REST_WEB_SERVICES\"]");
    let sim = start(&s, SimOptions::default()).await;
    let r = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        "/services/rest/system/v1/serverTime",
    )
    .await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "FeatureDisabled");
}

#[tokio::test]
async fn restricted_collections_can_be_filtered() {
    let mut s = Scenario::builtin("netsuite/subsidiary-restriction").unwrap();
    s.netsuite
        .as_mut()
        .unwrap()
        .behaviour
        .restricted_collections = onramp_sim::netsuite::model::RestrictedCollections::Filter;
    let sim = start(&s, SimOptions::default()).await;
    let r = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        &format!("{RECORDS}/customer"),
    )
    .await;
    assert_eq!(r.body["totalResults"], 2);
    let ids: Vec<_> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect();
    assert_eq!(ids, [json!("101"), json!("103")]);
}
