//! The XML client against the simulator over loopback: sessions, refresh,
//! retries and the failures that carry no XML.

use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints, HttpError};
use onramp_core::Secret;
use onramp_intacct::patterns::Patterns;
use onramp_intacct::xml::request::{Function, Query};
use onramp_intacct::{ClientOptions, IntacctClient, IntacctCredentials, IntacctError};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};

async fn start(extra: &str) -> (SimHandle, IntacctClient) {
    start_with(extra, SimOptions::default()).await
}

async fn start_with(extra: &str, options: SimOptions) -> (SimHandle, IntacctClient) {
    let text = format!("title = \"t\"\ndescription = \"d\"\nextends = \"intacct/happy\"\n{extra}");
    let scenario = Scenario::from_toml_str("test", &text).unwrap();
    let p = scenario.intacct.as_ref().unwrap().practice.clone();
    let sim = Simulator::start(scenario, options).await.unwrap();
    let creds = IntacctCredentials {
        sender_id: p.sender_id,
        sender_password: Secret::new(p.sender_password),
        user_id: p.user_id,
        user_password: Secret::new(p.user_password),
        company_id: p.company_id,
        entity_id: p.entity_id,
    };
    let opts = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        },
        timeout: Duration::from_secs(10),
        max_retries: 2,
        ..ClientOptions::default()
    };
    (sim, IntacctClient::new(creds, opts).unwrap())
}

async fn gateway_requests(sim: &SimHandle) -> u64 {
    let v: serde_json::Value = reqwest::get(format!("{}/__sim/intacct/state", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["gateway_requests"].as_u64().unwrap()
}

#[tokio::test]
async fn session_is_opened_once_and_reused_on_the_pod_endpoint() {
    let (sim, client) = start("").await;
    let s = client.get_api_session().await.unwrap();
    assert_eq!(
        s.endpoint.as_str(),
        "https://na12.intacct.com/ia/xml/xmlgw.phtml"
    );
    assert_eq!(s.location_id, "US");
    assert!(s.expires_at.is_some());
    for _ in 0..2 {
        assert!(client
            .execute_one(Function::GetApplications)
            .await
            .unwrap()
            .is_success());
    }
    assert_eq!(
        gateway_requests(&sim).await,
        3,
        "one sign-in, then two calls in the session"
    );
}

#[tokio::test]
async fn functions_in_one_request_are_answered_one_by_one() {
    let (sim, client) = start("").await;
    let unknown = Function::Query(Query {
        object: "NOSUCHOBJECT".into(),
        fields: vec!["RECORDNO".into()],
        filter: None,
        page_size: 1,
    });
    let permissions = Function::GetUserPermissions {
        user_id: client.credentials().user_id.clone(),
    };
    let results = client
        .execute(&[Function::GetApplications, unknown, permissions])
        .await
        .unwrap();
    let names: Vec<&str> = results.iter().map(|r| r.function.as_str()).collect();
    assert_eq!(names, ["get_applications", "query", "getUserPermissions"]);
    // transaction="false": the failing function is isolated, the others succeed.
    assert!(results[0].is_success() && results[2].is_success());
    assert!(!results[1].is_success());
    assert!(
        results[1].error_text().contains("NOSUCHOBJECT"),
        "{}",
        results[1].error_text()
    );
    assert!(results[2].data.is_some() && results[1].data.is_none());
    assert_eq!(gateway_requests(&sim).await, 2, "sign-in, then one request");
}

#[tokio::test]
async fn calls_in_one_session_are_in_flight_together() {
    let options = SimOptions {
        latency: Duration::from_millis(300),
        ..SimOptions::default()
    };
    let (sim, client) = start_with("", options).await;
    let calls = (0..3).map(|_| client.execute_one(Function::GetApplications));
    for r in futures::future::join_all(calls).await {
        assert!(r.unwrap().is_success());
    }
    assert_eq!(
        gateway_requests(&sim).await,
        4,
        "one sign-in for the three calls"
    );
    let traffic = client.traffic();
    assert_eq!(traffic.requests, 4);
    // The session lock is not held across requests; the allowance caps them.
    assert_eq!(
        traffic.peak_concurrency,
        onramp_intacct::client::DEFAULT_IN_FLIGHT as u32
    );
}

#[tokio::test]
async fn short_sessions_are_refreshed_before_use() {
    // A 4-minute session is inside the 5-minute refresh margin from the start.
    let (sim, client) = start("[intacct]\nsession_timeout_secs = 240\n").await;
    client.get_api_session().await.unwrap();
    client.execute_one(Function::GetApplications).await.unwrap();
    assert_eq!(
        gateway_requests(&sim).await,
        3,
        "sign-in, refresh sign-in, call"
    );
}

#[tokio::test]
async fn an_expired_session_is_replaced_transparently() {
    let (sim, client) = start("").await;
    client.get_api_session().await.unwrap();
    let expired: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/__sim/intacct/sessions/expire", sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(expired["expired"], 1);
    assert!(client
        .execute_one(Function::GetApplications)
        .await
        .unwrap()
        .is_success());
    assert_eq!(
        gateway_requests(&sim).await,
        4,
        "sign-in, refused call, new sign-in, call"
    );
}

#[tokio::test]
async fn http_503_is_retried_and_recovers() {
    let (_sim, client) = start("[[intacct.faults]]\nkind = \"http503\"\non_requests = [2]\n").await;
    client.get_api_session().await.unwrap();
    assert!(client
        .execute_one(Function::GetApplications)
        .await
        .unwrap()
        .is_success());
    let log = client.retry_log();
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].status, log[0].gave_up), (503, false));
}

#[tokio::test]
async fn cloudflare_524_is_never_retried() {
    let (sim, client) =
        start("[[intacct.faults]]\nkind = \"cloudflare524\"\non_requests = [2]\n").await;
    client.get_api_session().await.unwrap();
    let e = client
        .execute_one(Function::GetApplications)
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            IntacctError::Server {
                status: 524,
                retried: false
            }
        ),
        "{e:?}"
    );
    assert_eq!(gateway_requests(&sim).await, 2);
    assert_eq!(
        Patterns::builtin().for_error(&e).unwrap().id,
        "server-error"
    );
}

#[tokio::test]
async fn an_html_maintenance_page_is_a_clear_error() {
    let (_sim, client) = start("[[intacct.faults]]\nkind = \"maintenance_html\"\n").await;
    let e = client.get_api_session().await.unwrap_err();
    assert!(
        matches!(e, IntacctError::Http(HttpError::HtmlPage { .. })),
        "{e:?}"
    );
    assert!(e.to_string().contains("web page"));
}

#[tokio::test]
async fn service_offline_is_a_function_failure_explained_as_an_outage() {
    let (_sim, client) =
        start("[[intacct.faults]]\nkind = \"service_offline\"\non_requests = [2]\n").await;
    client.get_api_session().await.unwrap();
    let r = client.execute_one(Function::GetApplications).await.unwrap();
    assert!(!r.is_success());
    let p = Patterns::builtin()
        .find(onramp_intacct::Layer::Function, 200, &r.errors)
        .unwrap();
    assert_eq!(p.id, "outage");
}

/// The gateway's error texts can echo what was sent (a scenario setting here,
/// since Sage publishes no such text): the passwords never reach the error.
#[tokio::test]
async fn passwords_echoed_by_the_gateway_never_reach_the_error() {
    let happy = Scenario::builtin("intacct/happy").unwrap();
    let p = happy.intacct.as_ref().unwrap().practice.clone();
    let extra = format!(
        r#"[[intacct.users]]
id = "xml_onramp"
entities = ["EU"]
top_level = false

[intacct.texts.entity_not_permitted]
errorno = "XL03000006"
description2 = "User password {} and sender password {} may not sign in to {{entity}}"
correction = "<password>{}</password>"
"#,
        p.user_password, p.sender_password, p.user_password
    );
    let (_sim, client) = start(&extra).await;
    let e = client.open_session(Some("US")).await.unwrap_err();
    let text = format!("{e} | {e:?}");
    assert!(
        text.contains("XL03000006") && text.contains("may not sign in to US"),
        "{text}"
    );
    assert!(text.contains("[redacted]"), "{text}");
    for secret in [&p.user_password, &p.sender_password] {
        assert!(!text.contains(secret.as_str()), "{text}");
    }
}
