//! The SuiteAnalytics Connect profile against its Practice scenarios: the
//! role and sign-in method NetSuite2.com accepts (Oracle, "Role and
//! Permission Considerations for NetSuite2.com"), proven over REST with an
//! administrator's sign-in reading the role; exactly the checks each
//! scenario names fail.

use std::sync::Arc;

use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, CheckStatus};
use onramp_netsuite::checks::{suite, NetSuiteCheckContext, CONNECT};
use onramp_netsuite::{
    profiles, Account, ClientOptions, Credentials, NetSuiteClient, TbaCredentials,
};

use crate::support::{token_for, Sim};

const PROFILE: &str = "netsuite-suiteanalytics-connect";

async fn run_with(sim: &Sim, user: NetSuiteClient) -> Vec<CheckResult> {
    let admin = Arc::new(sim.rest(&token_for(sim, "7:3").await));
    let mut ctx = NetSuiteCheckContext::new(Arc::new(user), "1234567").with_admin_reader(admin);
    ctx.role_name = sim
        .scenario
        .netsuite
        .as_ref()
        .unwrap()
        .client
        .role_name
        .clone();
    let opts = RunOptions {
        concurrency: 4,
        ..RunOptions::default()
    };
    let profile = profiles::builtin(PROFILE).unwrap();
    run_suite(suite(ctx, &profile), opts, |_| {}).await.1
}

/// The suite over OAuth 2.0 for `principal` ("employee:role").
async fn oauth(scenario: &str, principal: &str) -> (Sim, Vec<CheckResult>) {
    let sim = Sim::start(scenario).await;
    let user = sim.rest(&token_for(&sim, principal).await);
    let results = run_with(&sim, user).await;
    (sim, results)
}

/// The suite with the scenario's TBA token.
async fn tba(scenario: &str) -> (Sim, Vec<CheckResult>) {
    let sim = Sim::start(scenario).await;
    let cfg = sim.scenario.netsuite.as_ref().unwrap().client.clone();
    let credentials = Credentials::Tba(TbaCredentials {
        consumer_key: cfg.consumer_key.unwrap().into(),
        consumer_secret: cfg.consumer_secret.unwrap().into(),
        token_id: cfg.token_id.unwrap().into(),
        token_secret: cfg.token_secret.unwrap().into(),
    });
    let options = ClientOptions {
        endpoints: sim.endpoints(),
        ..ClientOptions::default()
    };
    let user = NetSuiteClient::new(Account::parse("1234567").unwrap(), credentials, options);
    let results = run_with(&sim, user.unwrap()).await;
    (sim, results)
}

fn failing(results: &[CheckResult]) -> Vec<String> {
    let mut ids: Vec<_> = results
        .iter()
        .filter(|r| r.status == CheckStatus::Fail)
        .map(|r| r.id.clone())
        .collect();
    ids.sort();
    ids
}

fn connect(results: &[CheckResult]) -> &CheckResult {
    results.iter().find(|r| r.id == CONNECT).unwrap()
}

#[tokio::test]
async fn the_practice_scenario_passes_and_names_what_rest_cannot_show() {
    for run in [
        oauth("netsuite/suiteanalytics-happy", "13:1001").await,
        tba("netsuite/suiteanalytics-happy").await,
    ] {
        let results = run.1;
        assert!(failing(&results).is_empty(), "{results:#?}");
        let c = connect(&results);
        assert_eq!(c.status, CheckStatus::Pass, "{c:?}");
        assert!(c.summary.contains("Onramp Integration"), "{}", c.summary);
        assert!(
            c.summary.contains("Two-Factor Authentication Required"),
            "{}",
            c.summary
        );
    }
}

#[tokio::test]
async fn the_administrator_role_over_tba_is_refused() {
    let (sim, results) = tba("netsuite/suiteanalytics-administrator-tba").await;
    assert_eq!(
        failing(&results),
        sim.scenario.expect_failing,
        "{results:#?}"
    );
    let d = connect(&results).diagnosis.clone().unwrap();
    assert!(d.cause.contains("only over OAuth 2.0"), "{d:?}");
    assert!(d.fix.contains("Data Warehouse Integrator"), "{d:?}");
}

#[tokio::test]
async fn the_data_warehouse_integrator_role_over_oauth_is_refused() {
    let (sim, results) = oauth("netsuite/suiteanalytics-dwi-oauth", "13:1002").await;
    assert_eq!(
        failing(&results),
        sim.scenario.expect_failing,
        "{results:#?}"
    );
    let c = connect(&results);
    assert!(c.summary.contains("TBA only"), "{}", c.summary);
    assert!(c
        .diagnosis
        .as_ref()
        .unwrap()
        .fix
        .contains("TBA access token"));
}
