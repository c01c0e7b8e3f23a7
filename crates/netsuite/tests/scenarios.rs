//! The NetSuite checks against each built-in fault scenario of the simulator
//! over real HTTP on loopback, and the diagnosis each gets.

mod common;

use common::*;
use onramp_core::CheckStatus;
use onramp_sim::{Scenario, SimOptions};

#[tokio::test]
async fn realm_in_wrong_case_is_normalised_and_flagged() {
    let o = scenario("realm-wrong-case").await;
    o.assert_expected_failures();
    let account = o.get("netsuite.account");
    assert_eq!(account.status, CheckStatus::Warn);
    let t = o.text("netsuite.account");
    assert!(
        t.contains("'1234567_sb1'") && t.contains("'1234567_SB1'"),
        "{t}"
    );
    assert_eq!(o.get("netsuite.auth").status, CheckStatus::Pass);
}

#[tokio::test]
async fn sandbox_mixup_names_the_account_the_token_belongs_to() {
    let o = scenario("sandbox-mixup").await;
    o.assert_expected_failures();
    let t = o.text("netsuite.auth");
    assert!(t.contains("belong to account 1234567,"), "{t}");
    assert!(t.contains("View Login Audit Trail"), "{t}");
}

#[tokio::test]
async fn clock_skew_of_ten_minutes() {
    let o = scenario("clock-skew").await;
    o.assert_expected_failures();
    let clock = o.get("netsuite.clock");
    let skew: i64 = clock
        .evidence
        .iter()
        .find(|e| e.label.starts_with("Skew"))
        .unwrap()
        .value
        .parse()
        .unwrap();
    assert!((595..=605).contains(&skew), "{skew}");
    let t = o.text("netsuite.auth");
    assert!(
        t.starts_with("NetSuite refused the login") && t.contains("InvalidTimestamp"),
        "{t}"
    );
    // Ranked first: the clock.
    assert!(
        t.contains("Most likely, in order: This computer's clock is about 10 min"),
        "{t}"
    );
}

/// Refused logins look identical from outside; the ranked list names the
/// cause, and the audit trail's Detail gives the exact fix.
async fn refused_login(name: &str, expect_detail: &str, expect_where: &str) {
    let o = scenario(name).await;
    o.assert_expected_failures();
    let t = o.text("netsuite.auth");
    assert!(t.contains(expect_detail), "{t}");
    let detail = o.audit_detail().await;
    assert_eq!(detail, expect_detail);
    let again = run(name, SimOptions::default(), Some(detail), PROFILE).await;
    let auth = again.get("netsuite.auth");
    assert_eq!(auth.status, CheckStatus::Fail);
    let d = auth.diagnosis.as_ref().unwrap();
    assert!(d.where_.contains(expect_where), "{d:?}");
    assert!(auth.summary.contains(expect_detail), "{}", auth.summary);
}

#[tokio::test]
async fn revoked_token() {
    refused_login("revoked-token", "token_rejected", "Access Tokens").await;
}

#[tokio::test]
async fn inactive_employee() {
    refused_login(
        "inactive-employee",
        "permission_denied",
        "Lists > Employees",
    )
    .await;
}

#[tokio::test]
async fn role_without_token_login() {
    refused_login(
        "role-without-token-login",
        "permission_denied",
        "Permissions > Setup",
    )
    .await;
}

#[tokio::test]
async fn blocked_integration_record() {
    refused_login(
        "blocked-integration",
        "consumer_key_refused",
        "Manage Integrations",
    )
    .await;
    let o = run(
        "blocked-integration",
        SimOptions::default(),
        Some("consumer_key_refused".into()),
        PROFILE,
    )
    .await;
    let i = o.get("netsuite.integration");
    assert_eq!(i.status, CheckStatus::Fail);
    assert!(o.text("netsuite.integration").contains("State to Enabled"));
}

#[tokio::test]
async fn missing_currency_permission() {
    let o = scenario("missing-currency-permission").await;
    o.assert_expected_failures();
    let diff = o.get("netsuite.permissions").diff.as_ref().unwrap();
    let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
    assert_eq!(currency.status, onramp_core::DiffStatus::Missing);
    assert!(o.text("netsuite.permissions").contains("Lists > Currency"));
    let records = o.text("netsuite.records");
    assert!(records.contains("Lists -> Currency"), "{records}");
}

#[tokio::test]
async fn subsidiary_restriction() {
    let o = scenario("subsidiary-restriction").await;
    o.assert_expected_failures();
    let t = o.text("netsuite.subsidiary");
    assert!(
        t.contains("listed but refused when loaded") && t.contains("Subsidiary Restrictions"),
        "{t}"
    );
}

#[tokio::test]
async fn concurrency_limit_one_fails_no_check() {
    // Requests must overlap for the limit to bite: 100 ms per request.
    let options = SimOptions {
        latency: std::time::Duration::from_millis(100),
        ..SimOptions::default()
    };
    let o = run("concurrency-limit-1", options, None, PROFILE).await;
    o.assert_expected_failures();
    let stats = o.client.governor().stats();
    assert!(
        stats.throttled > 0,
        "the limit of 1 was never hit: {stats:?}"
    );
    assert_eq!(o.get("netsuite.concurrency").status, CheckStatus::Warn);
}

#[tokio::test]
async fn mistyped_account_id_is_flagged_by_domain_discovery() {
    let o = run_as(
        "happy",
        SimOptions::default(),
        None,
        PROFILE,
        Some("7654321"),
    )
    .await;
    let account = o.get("netsuite.account");
    assert_eq!(account.status, CheckStatus::Warn);
    assert!(o
        .text("netsuite.account")
        .contains("does not know account 7654321"));
    assert_eq!(o.get("netsuite.auth").status, CheckStatus::Fail);
}

#[tokio::test]
async fn a_tba_setup_is_told_that_tba_support_ends_tentatively() {
    let o = scenario("happy").await;
    let lifecycle = o.get("netsuite.lifecycle");
    let retirement = lifecycle
        .evidence
        .iter()
        .find(|e| e.label == "TBA retirement")
        .expect("TBA setups are told about TBA's retirement");
    assert!(
        retirement.value.contains("tentatively"),
        "{}",
        retirement.value
    );
    assert!(
        retirement.value.contains("section_0525020842"),
        "{}",
        retirement.value
    );
}

#[tokio::test]
async fn requests_keep_within_the_headroom_governance_limits_report() {
    // An administrator's token (governanceLimits is readable) of an integration
    // with its own limit of 2: the run's requests follow that limit, not the
    // client's default of 5.
    let scenario = Scenario::from_toml_str(
        "t",
        r#"title = "t"
description = "d"
extends = "netsuite/happy"
[netsuite.client]
token_id = "5d2f0c9e7b3a41c8a6e9f1d3b5c7e9a1f3d5b7c9e1a3c5e7f9b1d3f5a7c9e1b3"
token_secret = "a8c6e4f2d0b9a7c5e3f1d9b7a5c3e1f9d7b5a3c1e9f7d5b3a1c9e7f5d3b1a9c7"
[[netsuite.accounts]]
id = "1234567"
[[netsuite.accounts.integrations]]
id = "A1B2C3D4-0000-4000-8000-0000000000AA"
concurrency_limit = 2
"#,
    )
    .unwrap();
    let options = SimOptions {
        latency: std::time::Duration::from_millis(50),
        ..SimOptions::default()
    };
    let o = run_scenario(scenario, options, None, PROFILE, None, Extras::default()).await;
    let concurrency = o.get("netsuite.concurrency");
    assert!(
        o.text("netsuite.concurrency")
            .contains("2 concurrent requests, from its own limit"),
        "{concurrency:#?}"
    );
    let stats = o.client.governor().stats();
    assert!(stats.requests > 10, "{stats:?}");
    assert_eq!(stats.peak_concurrency, 2, "{stats:?}");
    assert_eq!(stats.throttled, 0, "{stats:?}");
}
