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
use onramp_intacct::{ClientOptions, IntacctCredentials};
use onramp_sim::{Scenario, SimOptions, Simulator};

const PROFILE: &str = include_str!("../../../profiles/intacct-accounting-sync.toml");

struct Run {
    results: Vec<CheckResult>,
    expect_failing: BTreeSet<String>,
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
    let scenario = Scenario::builtin(name).unwrap();
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
    };
    let ctx = Arc::new(IntacctCtx::new(creds, opts).unwrap());
    let profile: ConnectorProfile = toml::from_str(PROFILE).unwrap();
    let (_, results) = run_suite(suite(ctx, &profile), RunOptions::default(), |_| {}).await;
    Run {
        results,
        expect_failing,
    }
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
}
