//! Hostile stand-in servers against both Intacct clients (the XML gateway and
//! the REST token endpoint): every failure is clear and bounded, no password
//! or client secret leaves for another server, and no answer crashes the CLI.

use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints, HttpError};
use onramp_core::Secret;
use onramp_intacct::rest::{RestApp, RestClient, RestError};
use onramp_intacct::{ClientOptions, IntacctClient, IntacctCredentials, IntacctError};
use onramp_sim::standin::{self, StandIn};

const USER_PASSWORD: &str = "user-password-that-must-not-travel";
const SENDER_PASSWORD: &str = "sender-password-that-must-not-travel";
const CLIENT_SECRET: &str = "rest-client-secret-that-must-not-travel";

fn endpoints(base: &str) -> Endpoints {
    Endpoints {
        override_base: Some(EndpointOverride::new(base).unwrap()),
    }
}

fn xml_client(base: &str, opts: ClientOptions) -> IntacctClient {
    IntacctClient::new(
        IntacctCredentials {
            sender_id: "sender".into(),
            sender_password: Secret::new(SENDER_PASSWORD.into()),
            user_id: "user".into(),
            user_password: Secret::new(USER_PASSWORD.into()),
            company_id: "company".into(),
            entity_id: None,
        },
        ClientOptions {
            endpoints: endpoints(base),
            max_retries: 0,
            ..opts
        },
    )
    .unwrap()
}

async fn session_error(base: &str) -> IntacctError {
    xml_client(base, ClientOptions::default())
        .get_api_session()
        .await
        .unwrap_err()
}

/// A gateway answering every request with this XML.
async fn answering_xml(body: String) -> StandIn {
    standin::answering(move |_| standin::reply(200, "text/xml", body.clone())).await
}

async fn redirecting_to(thief: &StandIn) -> StandIn {
    let target = format!("{}/collect?session=SECRET-IN-QUERY", thief.base);
    standin::answering(move |_| standin::redirect(307, &target)).await
}

fn assert_refused_redirect(e: &HttpError, thief: &StandIn) {
    let HttpError::Redirected { to, .. } = e else {
        panic!("expected a refused redirect, got {e:?}")
    };
    assert_eq!(to, &format!("{}/collect", thief.base));
    assert!(!e.to_string().contains("SECRET-IN-QUERY"));
    assert!(
        thief.seen.requests().is_empty(),
        "a request reached the other server"
    );
}

#[tokio::test]
async fn gateway_passwords_are_not_re_posted_to_another_server() {
    let thief = standin::answering(|_| standin::reply(200, "text/xml", "<response/>")).await;
    let gateway = redirecting_to(&thief).await;
    let e = session_error(&gateway.base).await;
    let IntacctError::Http(h) = &e else {
        panic!("{e:?}")
    };
    assert_refused_redirect(h, &thief);
    let seen = gateway.seen.requests();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].1.contains(USER_PASSWORD) && seen[0].1.contains(SENDER_PASSWORD));
}

#[tokio::test]
async fn rest_client_secret_is_not_re_posted_to_another_server() {
    let thief = standin::answering(|_| standin::reply(200, "application/json", "{}")).await;
    let server = redirecting_to(&thief).await;
    let rest = RestClient::new(
        RestApp {
            client_id: "client-id".into(),
            client_secret: Secret::new(CLIENT_SECRET.into()),
        },
        endpoints(&server.base),
        Duration::from_secs(5),
    )
    .unwrap();
    let e = rest
        .client_credentials("user", "company", None)
        .await
        .unwrap_err();
    let RestError::Http(h) = &e else {
        panic!("{e:?}")
    };
    assert_refused_redirect(h, &thief);
    assert!(server.seen.requests()[0].1.contains(CLIENT_SECRET));
}

#[tokio::test]
async fn a_deeply_nested_answer_is_refused_without_crashing() {
    let depth = 20_000;
    let body = format!(
        "<response>{}{}</response>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let gateway = answering_xml(body).await;
    let e = session_error(&gateway.base).await;
    assert!(
        matches!(&e, IntacctError::Malformed(m) if m.contains("nested deeper")),
        "{e:?}"
    );
}

#[tokio::test]
async fn external_entities_and_entity_expansion_are_not_resolved() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<response><control><status>&xxe;</status></control></response>"#;
    let laughs = format!(
        r#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "ha">{}]><response><control><status>&a9;</status></control></response>"#,
        (1..10)
            .map(|i| format!(r#"<!ENTITY a{i} "{}">"#, format!("&a{};", i - 1).repeat(10)))
            .collect::<String>()
            .replace("&a0;", "&a;")
    );
    for body in [xxe.to_string(), laughs] {
        let gateway = answering_xml(body).await;
        let e = session_error(&gateway.base).await;
        assert!(matches!(e, IntacctError::Malformed(_)), "{e:?}");
        assert!(!e.to_string().contains("root:"), "{e}");
    }
}

#[tokio::test]
async fn html_invalid_utf8_truncated_and_looping_answers_are_clear_errors() {
    let html = standin::answering(|_| {
        standin::reply(200, "text/html", "<html><body>Maintenance</body></html>")
    })
    .await;
    let e = session_error(&html.base).await;
    assert!(
        matches!(e, IntacctError::Http(HttpError::HtmlPage { .. })),
        "{e:?}"
    );

    let bad = standin::answering(|_| {
        standin::reply(
            200,
            "text/xml",
            &b"<response><control><status>\xff\xfe</status></control></response>"[..],
        )
    })
    .await;
    let e = session_error(&bad.base).await;
    assert!(matches!(e, IntacctError::Malformed(_)), "{e:?}");

    let cut = standin::raw(
        b"HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: 900\r\n\r\n<response><contr",
    )
    .await;
    let e = session_error(&cut).await;
    assert!(
        matches!(e, IntacctError::Http(HttpError::Truncated { .. })),
        "{e:?}"
    );

    let looping = standin::answering(|_| standin::redirect(307, "/again")).await;
    let e = session_error(&looping.base).await;
    assert!(e.to_string().contains("redirect"), "{e}");
}

#[tokio::test]
async fn a_hanging_gateway_is_a_request_timeout_inside_the_run_deadline() {
    let base = standin::silent().await;
    // A 2 s run: one request may take 1 s, leaving time to report it.
    let e = xml_client(&base, ClientOptions::for_deadline(Duration::from_secs(2)))
        .get_api_session()
        .await
        .unwrap_err();
    assert!(
        matches!(e, IntacctError::Http(HttpError::Timeout { secs: 1, .. })),
        "{e:?}"
    );
    assert!(e.to_string().contains("within 1 s"), "{e}");
    assert_eq!(
        onramp_intacct::client::request_timeout(Duration::from_secs(120)),
        Duration::from_secs(60)
    );
    assert_eq!(
        onramp_intacct::client::request_timeout(Duration::ZERO),
        Duration::from_secs(1)
    );
}
