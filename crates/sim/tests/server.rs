//! The simulator's lifecycle: a chosen port, shutdown, scenario validation.

mod common;

use common::*;
use onramp_sim::{Scenario, SimError, SimOptions, Simulator};

#[tokio::test]
async fn listens_on_the_given_port_and_stops_on_shutdown() {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    // Find a free port, then ask for it explicitly.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sim = Simulator::start(
        s.clone(),
        SimOptions {
            port: Some(port),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(sim
        .base_url()
        .starts_with(&format!("http://127.0.0.1:{port}/")));
    let info: serde_json::Value = reqwest::get(format!("{}/__sim/scenario", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info["title"], s.title);
    let base = sim.base_url();
    sim.shutdown().await;
    assert!(reqwest::get(format!("{base}/__sim/scenario"))
        .await
        .is_err());
}

#[tokio::test]
async fn unknown_paths_say_what_the_simulator_expects() {
    let s = Scenario::builtin("netsuite/happy").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let r = send(
        &sim,
        "GET",
        "1234567.suitetalk.api.netsuite.com",
        "/nope",
        None,
        None,
    )
    .await;
    assert_eq!(r.status, 404);
    assert!(r.body["simulator"]
        .as_str()
        .unwrap()
        .contains("https://1234567.suitetalk.api.netsuite.com/nope"));
    // REST lives on the SuiteTalk domain only.
    let r = send(
        &sim,
        "GET",
        "1234567.restlets.api.netsuite.com",
        "/services/rest/system/v1/serverTime",
        None,
        None,
    )
    .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn inconsistent_scenarios_are_refused_at_start() {
    let text = "extends = \"netsuite/happy\"\ntitle = \"t\"\ndescription = \"d\"\n[[netsuite.accounts]]\nid = \"1234567\"\n[[netsuite.accounts.tokens]]\nid = \"x\"\nsecret = \"y\"\nemployee = 999\nrole = 1001\nintegration = \"A1B2C3D4-0000-4000-8000-0000000000AA\"";
    let s = Scenario::from_toml_str("broken", text).unwrap();
    match Simulator::start(s, SimOptions::default()).await {
        Err(SimError::Scenario(msg)) => assert!(msg.contains("employee 999"), "{msg}"),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a token naming an unknown employee was accepted"),
    }
}
