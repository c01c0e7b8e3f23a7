//! The checks against the built-in simulator over real HTTP on loopback: each
//! scenario must yield exactly its expected failures, with the right diagnosis.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::profile::ConnectorProfile;
use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, CheckStatus, DiffStatus, Secret};
use onramp_intacct::checks::{suite, IntacctCtx};
use onramp_intacct::patterns::Patterns;
use onramp_intacct::{ClientOptions, IntacctCredentials, RetryEvent};
use onramp_sim::{Scenario, SimOptions, Simulator};

const PROFILE: &str = include_str!("../../../profiles/intacct-accounting-sync.toml");

struct Run {
    results: Vec<CheckResult>,
    expect_failing: BTreeSet<String>,
    /// Every transient answer the clients retried during the whole run.
    retries: Vec<RetryEvent>,
    /// The simulator's own log (`/__sim/intacct/log`), read after the run.
    sim_log: Vec<serde_json::Value>,
    traffic: onramp_core::http::TrafficStats,
}

impl Run {
    fn get(&self, id: &str) -> &CheckResult {
        self.results
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no result for {id}"))
    }

    fn failing(&self) -> BTreeSet<String> {
        self.results
            .iter()
            .filter(|r| r.status == CheckStatus::Fail)
            .map(|r| r.id.clone())
            .collect()
    }

    fn assert_expected_failures(&self) {
        assert_eq!(
            self.failing(),
            self.expect_failing,
            "results: {:#?}",
            self.results
        );
    }

    /// The scenario's failures, exactly `warned` as warnings, every other check passed.
    fn assert_outcome(&self, warned: &[&str]) {
        self.assert_expected_failures();
        for r in &self.results {
            let want = if self.expect_failing.contains(&r.id) {
                CheckStatus::Fail
            } else if warned.contains(&r.id.as_str()) {
                CheckStatus::Warn
            } else {
                CheckStatus::Pass
            };
            assert_eq!(r.status, want, "{r:#?}");
        }
    }

    fn evidence<'a>(&'a self, id: &str, label: &str) -> Vec<&'a str> {
        self.get(id)
            .evidence
            .iter()
            .filter(|e| e.label == label)
            .map(|e| e.value.as_str())
            .collect()
    }

    /// HTTP 429 answers the simulator sent, by its own account.
    fn sim_429s(&self) -> usize {
        self.sim_log
            .iter()
            .filter(|e| {
                e["outcome"] == "http" && e["detail"].as_str().unwrap_or("").contains("429")
            })
            .count()
    }

    fn where_(&self, id: &str) -> String {
        self.get(id)
            .diagnosis
            .as_ref()
            .map(|d| d.where_.clone())
            .unwrap_or_default()
    }

    fn cause(&self, id: &str) -> String {
        self.get(id)
            .diagnosis
            .as_ref()
            .map(|d| d.cause.clone())
            .unwrap_or_default()
    }
}

async fn run(name: &str) -> Run {
    run_scenario(Scenario::builtin(name).unwrap()).await
}

/// A variant of the happy scenario, for behaviours no built-in scenario shows.
async fn run_variant(extra: &str) -> Run {
    let text = format!("title = \"t\"\ndescription = \"d\"\nextends = \"intacct/happy\"\n{extra}");
    run_scenario(Scenario::from_toml_str("variant", &text).unwrap()).await
}

async fn run_scenario(scenario: Scenario) -> Run {
    run_with_patterns(scenario, None).await
}

async fn run_with_patterns(scenario: Scenario, patterns: Option<Patterns>) -> Run {
    let expect_failing = scenario.expect_failing.iter().cloned().collect();
    let p = scenario
        .intacct
        .as_ref()
        .expect("an Intacct scenario")
        .practice
        .clone();
    let sim = Simulator::start(scenario, SimOptions::default())
        .await
        .unwrap();
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
        timeout: Duration::from_secs(20),
        max_retries: 3,
        ..ClientOptions::default()
    };
    let mut ctx = IntacctCtx::new(creds, opts).unwrap();
    if let Some(p) = patterns {
        ctx = ctx.with_patterns(p);
    }
    let ctx = Arc::new(ctx);
    let profile: ConnectorProfile = toml::from_str(PROFILE).unwrap();
    let (_, results) = run_suite(suite(ctx.clone(), &profile), RunOptions::default(), |_| {}).await;
    let log: serde_json::Value = reqwest::get(format!("{}/__sim/intacct/log", sim.base_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    Run {
        results,
        expect_failing,
        retries: ctx.retry_log(),
        traffic: ctx.traffic(),
        sim_log: log["entries"].as_array().cloned().unwrap_or_default(),
    }
}

#[tokio::test]
async fn the_reads_travel_with_the_sign_in() {
    let r = run("intacct/happy").await;
    assert!(r.failing().is_empty(), "{:#?}", r.results);
    // The sign-in carries the company, user, permission and twelve object
    // reads; the rate check's burst of light calls follows.
    assert_eq!(r.traffic.requests, 3, "{:#?}", r.sim_log);
    assert_eq!(r.sim_log.len(), 3, "{:#?}", r.sim_log);
    assert!(r.traffic.peak_concurrency <= 2, "{:?}", r.traffic);
}

#[tokio::test]
async fn happy_path_passes_every_check() {
    let r = run("intacct/happy").await;
    r.assert_expected_failures();
    for res in &r.results {
        assert_eq!(res.status, CheckStatus::Pass, "{res:#?}");
    }
    let objects = r.get("intacct.objects").diff.as_ref().unwrap();
    assert_eq!(objects.rows.len(), 12);
    assert!(objects.rows.iter().all(|row| row.status == DiffStatus::Ok));
    let login = r.get("intacct.login");
    assert!(login
        .evidence
        .iter()
        .any(|e| e.label == "Session endpoint" && e.value.contains("na12.intacct.com")));
    assert!(login
        .evidence
        .iter()
        .any(|e| e.label == "Session works in" && e.value == "US"));
}

#[tokio::test]
async fn sender_not_authorised_points_at_web_services_authorizations() {
    let r = run("intacct/sender-not-authorized").await;
    r.assert_expected_failures();
    assert!(r
        .where_("intacct.sender")
        .contains("Web Services authorizations"));
    assert!(r.cause("intacct.sender").contains("has not authorised"));
    assert_eq!(r.get("intacct.login").status, CheckStatus::Skip);
}

#[tokio::test]
async fn wrong_sender_password_is_a_sender_credential_problem() {
    let r = run("intacct/wrong-sender-password").await;
    r.assert_expected_failures();
    assert!(r
        .cause("intacct.sender")
        .contains("Sender ID or its password is wrong"));
}

#[tokio::test]
async fn not_subscribed_points_at_subscriptions() {
    let r = run("intacct/not-subscribed").await;
    r.assert_expected_failures();
    assert_eq!(
        r.where_("intacct.sender"),
        "Company > Subscriptions > Web Services"
    );
}

#[tokio::test]
async fn wrong_company_is_a_login_problem() {
    let r = run("intacct/wrong-company").await;
    r.assert_expected_failures();
    assert!(r
        .cause("intacct.login")
        .contains("company ID does not exist"));
    // HTTP 400 GW-0011 at the gateway: the sender could not be judged on its own.
    assert_eq!(r.get("intacct.sender").status, CheckStatus::Warn);
}

#[tokio::test]
async fn employee_user_fails_the_user_check_and_object_probes() {
    let r = run("intacct/user-not-business").await;
    r.assert_expected_failures();
    assert!(r.cause("intacct.user").contains("not Business"));
    let rows = &r.get("intacct.objects").diff.as_ref().unwrap().rows;
    let customer = rows.iter().find(|row| row.id == "CUSTOMER").unwrap();
    assert_eq!(
        customer.status,
        DiffStatus::Ok,
        "employee users may still list customers"
    );
    assert!(rows
        .iter()
        .any(|row| row.id == "ARINVOICE" && row.status == DiffStatus::Missing));
}

#[tokio::test]
async fn missing_ar_permissions_are_named_in_the_diff() {
    let r = run("intacct/missing-ar-permission").await;
    r.assert_expected_failures();
    let diff = r.get("intacct.permissions").diff.as_ref().unwrap();
    let missing: BTreeSet<&str> = diff
        .rows
        .iter()
        .filter(|row| row.status == DiffStatus::Missing)
        .map(|row| row.id.as_str())
        .collect();
    assert_eq!(missing, BTreeSet::from(["CUSTOMER", "ARINVOICE", "ARPYMT"]));
    assert!(r
        .cause("intacct.permissions")
        .contains("Accounts Receivable > Invoices: List, View"));
    assert!(r.cause("intacct.objects").contains("PL04000005"));
}

#[tokio::test]
async fn refused_entity_is_an_entity_problem_not_a_login_problem() {
    let r = run("intacct/entity-not-permitted").await;
    r.assert_expected_failures();
    assert_ne!(r.get("intacct.login").status, CheckStatus::Fail);
    assert!(r.where_("intacct.entity").contains("Entities"));
    assert!(r.get("intacct.entity").summary.contains("US"));
}

#[tokio::test]
async fn rate_limit_is_reported_after_backing_off() {
    let r = run("intacct/rate-limited").await;
    r.assert_expected_failures();
    let rate = r.get("intacct.rate");
    assert!(
        rate.evidence.iter().any(|e| e.value.contains("waited")),
        "{rate:#?}"
    );
    assert!(
        rate.evidence.iter().any(|e| e.value.contains("GW-0010")),
        "{rate:#?}"
    );
    assert!(r.where_("intacct.rate").contains("account manager"));
    // Sign-in came first, inside the allowance.
    assert_eq!(r.get("intacct.login").status, CheckStatus::Pass);
    assert!(r.retries.iter().any(|e| e.gave_up), "{:#?}", r.retries);
    let retried = r.evidence("intacct.rate", "Retried").len();
    assert_eq!(
        r.evidence("intacct.rate", "Rate limited (HTTP 429)"),
        [format!("{retried} time(s)")]
    );
}

#[tokio::test]
async fn rate_limit_that_clears_is_a_warning_and_every_check_completes() {
    let r = run("intacct/rate-limited-recovers").await;
    // No check failed or went unchecked: only the rate check warns.
    r.assert_outcome(&["intacct.rate"]);
    assert!(r.retries.iter().all(|e| !e.gave_up), "{:#?}", r.retries);

    // Every 429 the simulator sent was absorbed by a retry, and nothing else was.
    let sent = r.sim_429s();
    assert!(
        sent >= 1,
        "the run never reached the limit: {:#?}",
        r.sim_log
    );
    assert_eq!(r.retries.len(), sent, "{:#?}", r.retries);
    assert!(r
        .retries
        .iter()
        .all(|e| e.status == 429 && e.errorno.as_deref() == Some("GW-0010")));

    // The rate check reports what it saw (the run may throttle other checks after it).
    let rate = r.get("intacct.rate");
    let retried = r.evidence("intacct.rate", "Retried");
    assert!(!retried.is_empty() && retried.len() <= sent, "{rate:#?}");
    assert!(retried
        .iter()
        .all(|v| v.starts_with("HTTP 429 GW-0010: waited ") && v.ends_with(" ms and retried")));
    assert_eq!(
        r.evidence("intacct.rate", "Rate limited (HTTP 429)"),
        [format!("{} time(s)", retried.len())]
    );
    let waited: u64 = retried
        .iter()
        .map(|v| v.split(' ').nth(4).unwrap().parse::<u64>().unwrap())
        .sum();
    assert!(waited > 0);
    assert_eq!(
        r.evidence("intacct.rate", "Waited before retrying"),
        [format!("{waited} ms in total")]
    );
    assert!(
        rate.summary.contains(&format!("{} time(s)", retried.len())),
        "{rate:#?}"
    );

    // cause → fix → where: the level of service, spread the sync, Sage's tier.
    assert!(r.cause("intacct.rate").contains("performance tier"));
    let fix = &rate.diagnosis.as_ref().unwrap().fix;
    assert!(fix.contains("spread its sync") && fix.contains("higher performance tier"));
    assert!(r
        .where_("intacct.rate")
        .contains("account manager (performance tier)"));
}

#[tokio::test]
async fn wrong_password_on_the_newer_gateway_is_a_login_problem() {
    let r = run_variant("[intacct]\ncredential_errors = \"gateway401\"\n[intacct.practice]\nuser_password = \"wrong\"\n").await;
    assert_eq!(
        r.failing(),
        BTreeSet::from(["intacct.login".to_string()]),
        "{:#?}",
        r.results
    );
    assert!(r.cause("intacct.login").contains("refused the sign-in"));
    assert!(r
        .get("intacct.login")
        .evidence
        .iter()
        .any(|e| e.value.contains("XMLGW_JPP0002")));
}

#[tokio::test]
async fn wrong_password_classic_passes_the_sender_and_fails_the_login() {
    let r = run_variant("[intacct.practice]\nuser_password = \"wrong\"\n").await;
    assert_eq!(r.get("intacct.sender").status, CheckStatus::Pass);
    assert_eq!(r.failing(), BTreeSet::from(["intacct.login".to_string()]));
    assert!(r
        .cause("intacct.login")
        .contains("user ID, user password or company ID is wrong"));
}

#[tokio::test]
async fn locked_out_user_is_told_apart_from_a_wrong_password() {
    let r = run_variant("[[intacct.users]]\nid = \"xml_onramp\"\nstatus = \"lockedout\"\n").await;
    assert_eq!(r.failing(), BTreeSet::from(["intacct.login".to_string()]));
    assert!(r.cause("intacct.login").contains("locked out"));
}

#[tokio::test]
async fn expired_demo_company_is_a_company_problem() {
    let r = run_variant("[intacct.company]\ndemo_expired = true\n").await;
    assert!(r.failing().contains("intacct.company"), "{:#?}", r.results);
    assert!(r.cause("intacct.company").contains("demo"));
}

#[tokio::test]
async fn texts_a_company_really_returns_can_be_taught_without_code() {
    // A company whose lockout message Onramp's table does not know yet.
    let scenario = "title = \"t\"\ndescription = \"d\"\nextends = \"intacct/happy\"\n\
        [[intacct.users]]\nid = \"xml_onramp\"\nstatus = \"lockedout\"\n\
        [intacct.texts.user_locked_out]\nerrorno = \"XL03000006\"\ndescription2 = \"Account frozen by policy\"\n";
    let scenario = Scenario::from_toml_str("frozen", scenario).unwrap();
    let extra = Patterns::from_toml_str(
        "[[pattern]]\nid = \"frozen\"\ncheck = \"intacct.login\"\nlayer = \"authentication\"\n\
         text = [\"account frozen\"]\ncause = \"Frozen by the company's policy.\"\nfix = \"Unfreeze it.\"\nwhere = \"Company > Admin\"\n",
    )
    .unwrap();
    let r = run_with_patterns(
        scenario,
        Some(Patterns::builtin().clone().preceded_by(extra)),
    )
    .await;
    assert_eq!(r.failing(), BTreeSet::from(["intacct.login".to_string()]));
    assert_eq!(r.cause("intacct.login"), "Frozen by the company's policy.");
}
