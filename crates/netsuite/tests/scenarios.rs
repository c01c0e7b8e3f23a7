//! The NetSuite checks against the simulator over real HTTP on loopback: the
//! happy path and each built-in scenario's diagnosis. Credentials, the
//! account ID as the user typed it and the failing checks come from the
//! scenario files.

use std::sync::Arc;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, CheckStatus};
use onramp_netsuite::checks::{suite, NetSuiteCheckContext};
use onramp_netsuite::{
    profiles, Account, ClientOptions, Credentials, NetSuiteClient, TbaCredentials,
};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};

struct Outcome {
    scenario: Scenario,
    results: Vec<CheckResult>,
    sim: SimHandle,
    client: Arc<NetSuiteClient>,
}

impl Outcome {
    fn get(&self, id: &str) -> &CheckResult {
        self.results
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    }

    fn failing(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .results
            .iter()
            .filter(|r| r.status == CheckStatus::Fail)
            .map(|r| r.id.clone())
            .collect();
        v.sort();
        v
    }

    /// Exactly the checks the scenario file names fail.
    fn assert_expected_failures(&self) {
        let mut want = self.scenario.expect_failing.clone();
        want.sort();
        assert_eq!(self.failing(), want, "{}", dump(&self.results));
    }

    fn text(&self, id: &str) -> String {
        let r = self.get(id);
        let d = r
            .diagnosis
            .as_ref()
            .map(|d| format!("{} | {} | {}", d.cause, d.fix, d.where_));
        format!("{} | {}", r.summary, d.unwrap_or_default())
    }

    /// The Detail column of the newest failed login in the checked account's trail.
    async fn audit_detail(&self) -> String {
        let account = self.client.account().realm().to_string();
        let url = format!("{}/__sim/netsuite/login-audit-trail", self.sim.base_url());
        let body: serde_json::Value = reqwest::get(url).await.unwrap().json().await.unwrap();
        body["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["status"] == "Failure" && r["account"] == account.as_str())
            .and_then(|r| r["detail"].as_str())
            .expect("a failed login in the audit trail")
            .to_string()
    }
}

fn dump(results: &[CheckResult]) -> String {
    results
        .iter()
        .map(|r| format!("{} {:?}: {}", r.id, r.status, r.summary))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn run_as(
    name: &str,
    options: SimOptions,
    audit_detail: Option<String>,
    profile: &str,
    typed: Option<&str>,
) -> Outcome {
    let scenario = Scenario::builtin(&format!("netsuite/{name}")).unwrap();
    let cfg = scenario.netsuite.as_ref().unwrap().client.clone();
    let sim = Simulator::start(scenario.clone(), options).await.unwrap();
    let input = typed.map_or_else(|| cfg.account_id.clone().unwrap(), str::to_owned);
    let credentials = Credentials::Tba(TbaCredentials {
        consumer_key: cfg.consumer_key.clone().unwrap().into(),
        consumer_secret: cfg.consumer_secret.clone().unwrap().into(),
        token_id: cfg.token_id.clone().unwrap().into(),
        token_secret: cfg.token_secret.clone().unwrap().into(),
    });
    let client_options = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        },
        ..ClientOptions::default()
    };
    let client = Arc::new(
        NetSuiteClient::new(Account::parse(&input).unwrap(), credentials, client_options).unwrap(),
    );
    let mut ctx = NetSuiteCheckContext::new(client.clone(), input);
    ctx.role_name = cfg.role_name.clone();
    ctx.audit_detail = audit_detail;
    let specs = suite(ctx, &profiles::builtin(profile).unwrap());
    let opts = RunOptions {
        concurrency: specs.len(),
        ..RunOptions::default()
    };
    let (_, results) = run_suite(specs, opts, |_| {}).await;
    Outcome {
        scenario,
        results,
        sim,
        client,
    }
}

async fn run(
    name: &str,
    options: SimOptions,
    audit_detail: Option<String>,
    profile: &str,
) -> Outcome {
    run_as(name, options, audit_detail, profile, None).await
}

/// Fault scenarios are judged against the least-privilege profile, so each
/// failure is the one the scenario plants and not a gap in a larger table.
const PROFILE: &str = "netsuite-readonly-reporting";

async fn scenario(name: &str) -> Outcome {
    run(name, SimOptions::default(), None, PROFILE).await
}

#[tokio::test]
async fn happy_path_passes_for_every_builtin_profile() {
    for profile in [PROFILE, "netsuite-zuora-billing"] {
        let o = run("happy", SimOptions::default(), None, profile).await;
        o.assert_expected_failures();
        for r in &o.results {
            assert!(
                matches!(r.status, CheckStatus::Pass),
                "{profile}: {}",
                dump(&o.results)
            );
        }
        let diff = o.get("netsuite.permissions").diff.as_ref().unwrap();
        assert!(diff.source.contains("rolepermissions"), "{}", diff.source);
        assert!(diff
            .rows
            .iter()
            .any(|r| r.id == "LIST_CURRENCY" && r.actual.as_deref() == Some("Full")));
    }
}

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
