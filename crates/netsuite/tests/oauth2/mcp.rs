//! The AI Connector (MCP) profile against its Practice scenarios: the user
//! signs in with authorization code + PKCE, an administrator's sign-in reads
//! the role, and exactly the checks each scenario names fail.

use std::sync::Arc;

use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, CheckStatus};
use onramp_netsuite::checks::{suite, NetSuiteCheckContext, MCP};
use onramp_netsuite::{
    profiles, Account, ClientOptions, Credentials, NetSuiteClient, TbaCredentials,
};

use crate::support::{token_for, Sim};

/// Runs the MCP profile's suite for `principal` ("employee:role").
async fn run(scenario: &str, principal: &str) -> (Sim, Vec<CheckResult>) {
    let sim = Sim::start(scenario).await;
    let user = Arc::new(sim.rest(&token_for(&sim, principal).await));
    let admin = Arc::new(sim.rest(&token_for(&sim, "7:3").await));
    let profile = profiles::builtin("netsuite-ai-connector-mcp").unwrap();
    let ctx = NetSuiteCheckContext::new(user, "1234567").with_admin_reader(admin);
    let opts = RunOptions {
        concurrency: 4,
        ..RunOptions::default()
    };
    let (_, results) = run_suite(suite(ctx, &profile), opts, |_| {}).await;
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

fn check<'a>(results: &'a [CheckResult], id: &str) -> &'a CheckResult {
    results.iter().find(|r| r.id == id).unwrap()
}

#[tokio::test]
async fn the_practice_scenario_passes_and_hands_over_the_server_url() {
    let (_sim, results) = run("netsuite/oauth-mcp-happy", "13:1001").await;
    assert!(failing(&results).is_empty(), "{results:#?}");
    let mcp = check(&results, MCP);
    assert_eq!(mcp.status, CheckStatus::Pass, "{mcp:?}");
    assert!(mcp
        .evidence
        .iter()
        .any(|e| e.label == "Server URL" && e.value.ends_with("/services/mcp/v1/all")));
}

#[tokio::test]
async fn the_administrator_role_is_refused() {
    let (sim, results) = run("netsuite/oauth-mcp-administrator-role", "13:3").await;
    assert_eq!(failing(&results), sim.scenario.expect_failing);
    let d = check(&results, MCP).diagnosis.clone().unwrap();
    assert!(d.cause.contains("Administrator"), "{d:?}");
    assert!(d.fix.contains("MCP Server Connection"), "{d:?}");
}

#[tokio::test]
async fn a_role_without_mcp_server_connection_fails_the_permissions_check() {
    let (sim, results) = run("netsuite/oauth-mcp-missing-permission", "13:1001").await;
    assert_eq!(failing(&results), sim.scenario.expect_failing);
    let perms = check(&results, "netsuite.permissions");
    let text = format!("{} {:?}", perms.summary, perms.diagnosis);
    assert!(text.contains("MCP Server Connection"), "{text}");
}

/// A TBA sign-in of the same role: the AI Connector Service would refuse it.
#[tokio::test]
async fn a_tba_setup_fails_the_mcp_check() {
    let sim = Sim::start("netsuite/oauth-mcp-happy").await;
    let cfg = &sim.scenario.netsuite.as_ref().unwrap().client;
    let credentials = Credentials::Tba(TbaCredentials {
        consumer_key: cfg.consumer_key.clone().unwrap().into(),
        consumer_secret: cfg.consumer_secret.clone().unwrap().into(),
        token_id: cfg.token_id.clone().unwrap().into(),
        token_secret: cfg.token_secret.clone().unwrap().into(),
    });
    let options = ClientOptions {
        endpoints: sim.endpoints(),
        ..ClientOptions::default()
    };
    let client = NetSuiteClient::new(Account::parse("1234567").unwrap(), credentials, options);
    let mut ctx = NetSuiteCheckContext::new(Arc::new(client.unwrap()), "1234567");
    ctx.role_name = cfg.role_name.clone();
    let profile = profiles::builtin("netsuite-ai-connector-mcp").unwrap();
    let (_, results) = run_suite(suite(ctx, &profile), RunOptions::default(), |_| {}).await;
    assert_eq!(check(&results, "netsuite.auth").status, CheckStatus::Pass);
    let mcp = check(&results, MCP);
    assert_eq!(mcp.status, CheckStatus::Fail, "{mcp:?}");
    let d = mcp.diagnosis.as_ref().unwrap();
    assert!(d.cause.contains("Token-Based Authentication"), "{d:?}");
}
