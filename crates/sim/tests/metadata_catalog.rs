//! The REST metadata catalog over real HTTP, held against Oracle's samples in
//! `fixtures/netsuite/metadata-catalog/` (sources in `fixtures/README.md`).

mod common;

use std::collections::BTreeSet;

use common::*;
use onramp_sim::{Scenario, SimHandle, SimOptions};
use serde_json::Value;

const CATALOG: &str = "/services/rest/record/v1/metadata-catalog";

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/fixtures/netsuite/metadata-catalog/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

async fn happy() -> (SimHandle, Signer) {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    (
        start(&s, SimOptions::default()).await,
        Signer::from_scenario(&s),
    )
}

/// A signed GET with an optional `Accept` header.
async fn fetch(sim: &SimHandle, signer: &Signer, path: &str, accept: Option<&str>) -> Reply {
    let mut s = signer.clone();
    s.nonce = fresh_nonce();
    let url = format!("{}/{PROD_HOST}{path}", sim.base_url());
    let mut req = reqwest::Client::new()
        .get(url)
        .header("Authorization", s.header("GET", PROD_HOST, path));
    if let Some(a) = accept {
        req = req.header("Accept", a);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.json().await.unwrap();
    Reply {
        status,
        headers,
        body,
    }
}

#[tokio::test]
async fn catalog_lists_the_account_records_like_oracles_sample() {
    let (sim, signer) = happy().await;
    let r = fetch(&sim, &signer, CATALOG, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/json");
    let sample = fixture("list.json");
    assert_eq!(keys(&r.body), keys(&sample));
    let items = r.body["items"].as_array().unwrap();
    let names: Vec<&str> = items.iter().map(|i| i["name"].as_str().unwrap()).collect();
    for t in ["customer", "invoice", "subsidiary", "currency"] {
        assert!(names.contains(&t), "{t} missing from {names:?}");
    }
    let sample_item = &sample["items"][0];
    let customer = &items[names.iter().position(|n| *n == "customer").unwrap()];
    assert_eq!(keys(customer), keys(sample_item));
    // Oracle's links for `account` on demo123, retold for `customer` on 1234567.
    let retold = |link: &Value| {
        let mut l = link.clone();
        l["href"] = Value::String(
            l["href"]
                .as_str()
                .unwrap()
                .replace("demo123", "1234567")
                .replace("/account", "/customer"),
        );
        l
    };
    let links = customer["links"].as_array().unwrap();
    for (i, link) in sample_item["links"].as_array().unwrap().iter().enumerate() {
        assert_eq!(links[i], retold(link), "link {i}");
    }
    assert_eq!(links[2]["rel"], "alternate");
    assert_eq!(links[2]["mediaType"], "application/schema+json");
    assert_eq!(links[2]["href"], links[0]["href"]);
}

#[tokio::test]
async fn json_schema_of_a_record_uses_oracles_field_keys() {
    let (sim, signer) = happy().await;
    let path = format!("{CATALOG}/customer");
    let r = fetch(&sim, &signer, &path, Some("application/schema+json")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/schema+json");
    let sample = fixture("customer.schema.json");
    assert_eq!(r.body["type"], sample["type"]);
    let allowed: BTreeSet<String> = sample["properties"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(keys)
        .collect();
    let props = r.body["properties"].as_object().unwrap();
    for (name, field) in props {
        assert!(keys(field).is_subset(&allowed), "{name}: {field}");
    }
    assert_eq!(props["companyName"]["type"], "string");
    assert_eq!(props["companyName"]["nullable"], true);
    assert_eq!(props["subsidiary"]["type"], "object");
    let filterable: Vec<&str> = r.body["x-ns-filterable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(filterable.contains(&"companyName") && filterable.contains(&"id"));
    assert!(!filterable.contains(&"subsidiary"));
    let currency = fetch(
        &sim,
        &signer,
        &format!("{CATALOG}/currency"),
        Some("application/schema+json"),
    )
    .await;
    assert_eq!(
        currency.body["properties"]["isBaseCurrency"]["type"],
        "boolean"
    );
}

#[tokio::test]
async fn openapi_follows_the_sample_and_the_select_parameter() {
    let (sim, signer) = happy().await;
    let path = format!("{CATALOG}?select=customer,invoice");
    let r = fetch(&sim, &signer, &path, Some("application/swagger+json")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.headers["content-type"], "application/swagger+json");
    let paths = r.body["paths"].as_object().unwrap();
    assert_eq!(paths.keys().collect::<Vec<_>>(), ["/customer", "/invoice"]);
    let mut expected = fixture("openapi.json")["paths"]["/salesorder"].clone();
    expected["get"]["tags"][0] = Value::String("customer".into());
    assert_eq!(paths["/customer"], expected);
    let schemas = r.body["components"]["schemas"].as_object().unwrap();
    assert_eq!(schemas.len(), 2);
    assert_eq!(schemas["invoice"]["properties"]["tranId"]["type"], "string");
    // One record's OpenAPI, from its own catalog URL.
    let one = fetch(
        &sim,
        &signer,
        &format!("{CATALOG}/customer"),
        Some("application/swagger+json"),
    )
    .await;
    assert_eq!(
        one.body["paths"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["/customer"]
    );
}

#[tokio::test]
async fn a_records_catalog_entry_is_its_item() {
    let (sim, signer) = happy().await;
    let list = fetch(&sim, &signer, CATALOG, None).await;
    let item = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "invoice")
        .unwrap()
        .clone();
    let r = fetch(&sim, &signer, &format!("{CATALOG}/invoice"), None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, item);
}

#[tokio::test]
async fn unknown_records_and_missing_logins_are_refused() {
    let (sim, signer) = happy().await;
    let r = fetch(
        &sim,
        &signer,
        &format!("{CATALOG}/nosuchrecord"),
        Some("application/schema+json"),
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.body["o:errorDetails"][0]["o:errorCode"], "NONEXISTENT_ID");
    let r = fetch(
        &sim,
        &signer,
        &format!("{CATALOG}?select=customer,nosuchrecord"),
        Some("application/swagger+json"),
    )
    .await;
    assert_eq!(r.status, 404);
    let unsigned = send(&sim, "GET", PROD_HOST, CATALOG, None, None).await;
    assert_invalid_login(&unsigned);
}
