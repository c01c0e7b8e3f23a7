//! Harness: the NetSuite checks against the simulator over real HTTP on
//! loopback, with the credentials, account ID and failing checks the scenario
//! files give.
#![allow(dead_code)] // each test binary uses a different subset

use std::sync::Arc;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, CheckStatus};
use onramp_netsuite::checks::{suite, NetSuiteCheckContext};
use onramp_netsuite::{
    profiles, Account, ClientOptions, Credentials, NetSuiteClient, TbaCredentials,
};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};

pub struct Outcome {
    pub scenario: Scenario,
    pub results: Vec<CheckResult>,
    pub sim: SimHandle,
    pub client: Arc<NetSuiteClient>,
}

impl Outcome {
    pub fn get(&self, id: &str) -> &CheckResult {
        self.results
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    }

    pub fn failing(&self) -> Vec<String> {
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
    pub fn assert_expected_failures(&self) {
        let mut want = self.scenario.expect_failing.clone();
        want.sort();
        assert_eq!(self.failing(), want, "{}", dump(&self.results));
    }

    pub fn text(&self, id: &str) -> String {
        let r = self.get(id);
        let d = r
            .diagnosis
            .as_ref()
            .map(|d| format!("{} | {} | {}", d.cause, d.fix, d.where_));
        format!("{} | {}", r.summary, d.unwrap_or_default())
    }

    /// The Detail column of the newest failed login in the checked account's trail.
    pub async fn audit_detail(&self) -> String {
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

pub fn dump(results: &[CheckResult]) -> String {
    results
        .iter()
        .map(|r| format!("{} {:?}: {}", r.id, r.status, r.summary))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How a run is set up beyond the scenario's own client values.
#[derive(Default)]
pub struct Extras {
    /// Read the role with the administrator's (employee 7) token.
    pub admin: bool,
    /// The role's internal ID as the user entered it.
    pub role_id: Option<u64>,
}

pub async fn run_as(
    name: &str,
    options: SimOptions,
    audit_detail: Option<String>,
    profile: &str,
    typed: Option<&str>,
) -> Outcome {
    let scenario = Scenario::builtin(&format!("netsuite/{name}")).unwrap();
    run_scenario(
        scenario,
        options,
        audit_detail,
        profile,
        typed,
        Extras::default(),
    )
    .await
}

pub async fn run_scenario(
    scenario: Scenario,
    options: SimOptions,
    audit_detail: Option<String>,
    profile: &str,
    typed: Option<&str>,
    extras: Extras,
) -> Outcome {
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
    let mut ctx = NetSuiteCheckContext::new(client.clone(), input.clone());
    ctx.role_name = cfg.role_name.clone();
    ctx.audit_detail = audit_detail;
    ctx.role_id = extras.role_id;
    if extras.admin {
        ctx = ctx.with_admin_reader(Arc::new(admin_client(&scenario, &input, &sim)));
    }
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

/// A client signed in with the scenario's administrator token (employee 7, role 3).
fn admin_client(scenario: &Scenario, input: &str, sim: &SimHandle) -> NetSuiteClient {
    let ns = scenario.netsuite.as_ref().unwrap();
    let token = ns
        .accounts
        .iter()
        .flat_map(|a| &a.tokens)
        .find(|t| t.employee == 7 && t.role == 3)
        .expect("the scenario has an administrator token");
    let credentials = Credentials::Tba(TbaCredentials {
        consumer_key: ns.client.consumer_key.clone().unwrap().into(),
        consumer_secret: ns.client.consumer_secret.clone().unwrap().into(),
        token_id: token.id.clone().into(),
        token_secret: token.secret.clone().into(),
    });
    let options = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        },
        ..ClientOptions::default()
    };
    NetSuiteClient::new(Account::parse(input).unwrap(), credentials, options).unwrap()
}

pub async fn run(
    name: &str,
    options: SimOptions,
    audit_detail: Option<String>,
    profile: &str,
) -> Outcome {
    run_as(name, options, audit_detail, profile, None).await
}

/// Fault scenarios are judged against the least-privilege profile, so each
/// failure is the one the scenario plants and not a gap in a larger table.
pub const PROFILE: &str = "netsuite-readonly-reporting";

pub async fn scenario(name: &str) -> Outcome {
    run(name, SimOptions::default(), None, PROFILE).await
}

/// Every row of the permission diff says how it was learnt.
pub fn assert_every_row_proven(o: &Outcome) -> &onramp_core::PermissionDiff {
    let diff = o.get("netsuite.permissions").diff.as_ref().unwrap();
    for r in &diff.rows {
        let proof = r
            .proof
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no proof", r.id));
        assert!(!proof.detail.is_empty(), "{}", r.id);
    }
    diff
}
