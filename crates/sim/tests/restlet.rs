//! RESTlet calls over real HTTP: a Released deployment answers its body to a
//! role in its audience; everything else gets the answers public sources record.

mod common;

use common::*;
use onramp_sim::{Scenario, SimHandle, SimOptions};
use serde_json::{json, Value};

const RESTLET_HOST: &str = "1234567.restlets.api.netsuite.com";
const CALL: &str =
    "/app/site/hosting/restlet.nl?script=customscript_onramp_connector&deploy=customdeploy_onramp_connector";

/// Recorded by a public NetSuite client (see `crates/netsuite/src/checks/restlet.rs`), verbatim.
const INVALID_SCRIPTLET: &str = r#"{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That Suitelet is invalid, disabled, or no longer exists."}}"#;

async fn call(name: &str, path: &str) -> (SimHandle, Reply) {
    let s = Scenario::builtin(name).unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let r = get(&sim, &Signer::from_scenario(&s), RESTLET_HOST, path).await;
    (sim, r)
}

fn invalid_scriptlet() -> Value {
    serde_json::from_str(INVALID_SCRIPTLET).unwrap()
}

#[tokio::test]
async fn a_released_deployment_answers_its_body_to_its_audience() {
    let (_sim, r) = call("netsuite/restlet-happy", CALL).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body, json!({"ok": true}));
}

#[tokio::test]
async fn a_testing_deployment_is_an_invalid_scriptlet() {
    let (_sim, r) = call("netsuite/restlet-not-released", CALL).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(r.body, invalid_scriptlet());
}

#[tokio::test]
async fn unknown_ids_are_an_invalid_scriptlet() {
    let wrong = CALL.replace("customdeploy_onramp_connector", "customdeploy_other");
    let (_sim, r) = call("netsuite/restlet-happy", &wrong).await;
    assert_eq!((r.status, r.body), (400, invalid_scriptlet()));
    let (_sim, r) = call("netsuite/restlet-happy", "/app/site/hosting/restlet.nl").await;
    assert_eq!((r.status, r.body), (400, invalid_scriptlet()));
}

#[tokio::test]
async fn a_role_outside_the_audience_is_an_invalid_scriptlet() {
    let mut s = Scenario::builtin("netsuite/restlet-happy").unwrap();
    let ns = s.netsuite.as_mut().unwrap();
    ns.accounts[0].restlets.as_mut().unwrap()[0].audience_roles = vec![3];
    ns.behaviour.restlet.invalid_scriptlet_status = 403;
    let sim = start(&s, SimOptions::default()).await;
    let r = get(&sim, &Signer::from_scenario(&s), RESTLET_HOST, CALL).await;
    assert_eq!((r.status, r.body), (403, invalid_scriptlet()));
}

#[tokio::test]
async fn a_web_services_only_role_gets_invalid_login_credentials() {
    let (_sim, r) = call("netsuite/restlet-web-services-only-role", CALL).await;
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(r.body["error"]["code"], "INVALID_LOGIN_CREDENTIALS");
    // The same role still reaches REST web services.
    let s = Scenario::builtin("netsuite/restlet-web-services-only-role").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let t = get(
        &sim,
        &Signer::from_scenario(&s),
        PROD_HOST,
        "/services/rest/system/v1/serverTime",
    )
    .await;
    assert_eq!(t.status, 200, "{}", t.body);
}

#[tokio::test]
async fn the_query_is_signed_and_the_host_must_be_the_restlets_domain() {
    let s = Scenario::builtin("netsuite/restlet-happy").unwrap();
    let sim = start(&s, SimOptions::default()).await;
    let signer = Signer::from_scenario(&s);
    // Signed for other query parameters than the ones sent.
    let auth = signer.header(
        "GET",
        RESTLET_HOST,
        "/app/site/hosting/restlet.nl?script=1&deploy=1",
    );
    let r = send(&sim, "GET", RESTLET_HOST, CALL, Some(auth), None).await;
    assert_invalid_login(&r);
    assert_eq!(last_detail(&sim).await, "InvalidSignature");
    // The SuiteTalk domain does not serve RESTlets.
    let r = get(&sim, &signer, PROD_HOST, CALL).await;
    assert_eq!(r.status, 404, "{}", r.body);
}
