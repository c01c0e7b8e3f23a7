//! Rate limit with recovery, and injected outages.

use std::time::Duration;

use super::*;
use crate::intacct::{Fault, FaultKind, RateLimit};

const API: &str = "api.intacct.com";
const APPS_FN: &str = r#"<function controlid="apps"><get_applications/></function>"#;

#[tokio::test]
async fn rate_limit_then_recovery() {
    let mut sc = happy();
    sc.rate_limit = Some(RateLimit {
        requests: 2,
        window_ms: 1500,
    });
    let sim = start(sc).await;
    let body = as_practice_user(APPS_FN);
    assert_schema_valid(&body);
    // A quick burst well inside the window.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(sim.raw(API, &body, "application/xml").await);
    }
    assert_eq!(statuses[0].status, 200);
    assert_eq!(statuses[1].status, 200);
    let r = &statuses[2];
    assert_eq!(r.status, 429);
    assert_eq!(text_of(&r.body, "errorno"), Some("GW-0010"));
    assert!(
        r.body
            .contains("<control><status>failure</status></control>"),
        "{}",
        r.body
    );
    // Once the window has passed, requests go through again.
    tokio::time::sleep(Duration::from_millis(1600)).await;
    let r = sim.raw(API, &body, "application/xml").await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("<result><status>success</status>"),
        "{}",
        r.body
    );
}

fn with_fault(kind: FaultKind, on: &[u64]) -> IntacctScenario {
    let mut sc = happy();
    sc.faults = vec![Fault {
        kind,
        on_requests: on.to_vec(),
    }];
    sc
}

#[tokio::test]
async fn cloudflare_524_then_normal_service() {
    let sim = start(with_fault(FaultKind::Cloudflare524, &[1])).await;
    let body = as_practice_user(APPS_FN);
    let r = sim.xml(API, &body).await;
    assert_eq!(r.status, 524);
    assert!(
        r.content_type.starts_with("text/html"),
        "{}",
        r.content_type
    );
    assert!(r.body.contains("cf-error-details"), "{}", r.body);
    let r = sim.xml(API, &body).await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("<result><status>success</status>"),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn html_maintenance_page_and_5xx() {
    let sim = start(with_fault(FaultKind::MaintenanceHtml, &[])).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert_eq!(r.status, 200);
    assert!(r.content_type.starts_with("text/html"));
    assert!(
        r.body.starts_with("<!DOCTYPE html>") && !r.body.contains("<response>"),
        "{}",
        r.body
    );

    for (kind, status) in [(FaultKind::Http502, 502), (FaultKind::Http503, 503)] {
        let sim = start(with_fault(kind, &[])).await;
        assert_eq!(
            sim.xml(API, &as_practice_user(APPS_FN)).await.status,
            status
        );
    }
}

#[tokio::test]
async fn service_offline_fails_each_function() {
    let sim = start(with_fault(FaultKind::ServiceOffline, &[1])).await;
    let r = sim.xml(API, &as_practice_user(APPS_FN)).await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("<authentication><status>success</status>"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("<result><status>failure</status><function>get_applications</function>"),
        "{}",
        r.body
    );
    assert_eq!(
        text_of(&r.body, "description2"),
        Some("The Service is Temporarily Off-line")
    );
    assert!(text_of(&r.body, "correction")
        .unwrap()
        .contains("Please Try Again Later"));
}
