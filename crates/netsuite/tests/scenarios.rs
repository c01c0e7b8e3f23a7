//! The NetSuite checks against the simulator over real HTTP on loopback: the
//! happy path and each built-in scenario's diagnosis. Credentials, the
//! account ID as the user typed it and the failing checks come from the
//! scenario files.

use std::sync::Arc;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::runner::{run_suite, RunOptions};
use onramp_core::{CheckResult, CheckStatus};
use onramp_core::{DiffStatus, ProofMethod};
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

/// How a run is set up beyond the scenario's own client values.
#[derive(Default)]
struct Extras {
    /// Read the role with the administrator's (employee 7) token.
    admin: bool,
    /// The role's internal ID as the user entered it.
    role_id: Option<u64>,
}

async fn run_as(
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

async fn run_scenario(
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

/// Every row of the permission diff says how it was learnt.
fn assert_every_row_proven(o: &Outcome) -> &onramp_core::PermissionDiff {
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

#[tokio::test]
async fn happy_path_passes_for_every_builtin_profile_with_an_administrators_sign_in() {
    for profile in [PROFILE, "netsuite-zuora-billing"] {
        let scenario = Scenario::builtin("netsuite/happy").unwrap();
        let extras = Extras {
            admin: true,
            ..Extras::default()
        };
        let o = run_scenario(scenario, SimOptions::default(), None, profile, None, extras).await;
        o.assert_expected_failures();
        for r in &o.results {
            assert!(
                matches!(r.status, CheckStatus::Pass),
                "{profile}: {}",
                dump(&o.results)
            );
        }
        let diff = assert_every_row_proven(&o);
        assert!(diff.source.contains("administrator"), "{}", diff.source);
        let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
        assert_eq!(currency.actual.as_deref(), Some("Full"));
        assert_eq!(
            currency.proof.as_ref().unwrap().method,
            ProofMethod::AdminRoleList
        );
    }
}

#[tokio::test]
async fn happy_path_without_an_administrator_warns_only_about_unprovable_levels() {
    for profile in [PROFILE, "netsuite-zuora-billing"] {
        let o = run("happy", SimOptions::default(), None, profile).await;
        o.assert_expected_failures();
        let perms = o.get("netsuite.permissions");
        assert_eq!(
            perms.status,
            CheckStatus::Warn,
            "{profile}: {}",
            dump(&o.results)
        );
        assert!(!o
            .text("netsuite.permissions")
            .contains("right to read roles"));
        let diff = assert_every_row_proven(&o);
        assert!(diff.source.contains("could not be read"), "{}", diff.source);
        // The role cannot read roles: no row claims to come from its list.
        assert!(diff.rows.iter().all(|r| !matches!(
            r.proof.as_ref().unwrap().method,
            ProofMethod::RoleList | ProofMethod::AdminRoleList
        )));
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

/// A role with exactly the Zuora billing connector's permissions and no
/// Manage Roles: every profile permission still has a row saying how it was
/// proven, the check warns (never fails) while levels are unprovable, fails on
/// a real gap, and passes once an administrator's sign-in reads the role.
#[tokio::test]
async fn least_privilege_role_is_proven_row_by_row() {
    let billing = "netsuite-zuora-billing";
    let o = run("least-privilege", SimOptions::default(), None, billing).await;
    o.assert_expected_failures();
    let perms = o.get("netsuite.permissions");
    assert_eq!(perms.status, CheckStatus::Warn, "{}", dump(&o.results));
    let diff = assert_every_row_proven(&o);
    let wanted = profiles::builtin(billing)
        .unwrap()
        .netsuite
        .unwrap()
        .permissions;
    for p in &wanted {
        assert!(
            diff.rows.iter().any(|r| r.id == p.id),
            "no row for {}",
            p.id
        );
    }
    let row = |id: &str| diff.rows.iter().find(|r| r.id == id).unwrap();
    let how = |id: &str| row(id).proof.as_ref().unwrap().method;
    // The login proves the login permissions (their only level is Full).
    assert_eq!(
        (row("ADMI_LOGIN_OAUTH").status, how("ADMI_LOGIN_OAUTH")),
        (DiffStatus::Ok, ProofMethod::Probe)
    );
    // A read proves View, not the Full the profile asks for.
    let currency = row("LIST_CURRENCY");
    assert_eq!(
        (currency.status, how("LIST_CURRENCY")),
        (DiffStatus::Unknown, ProofMethod::Probe)
    );
    assert!(currency
        .proof
        .as_ref()
        .unwrap()
        .detail
        .contains("proves View, not Full"));
    // Accounts are probed with SuiteQL, which needs SuiteAnalytics Workbook the role lacks.
    assert_eq!(how("LIST_ACCOUNT"), ProofMethod::NotProvable);
    assert!(row("LIST_ACCOUNT")
        .proof
        .as_ref()
        .unwrap()
        .detail
        .contains("SuiteAnalytics Workbook"));
    // Nothing but the role's list shows CRM Groups.
    assert_eq!(
        (row("LIST_CRMGROUP").status, how("LIST_CRMGROUP")),
        (DiffStatus::Unknown, ProofMethod::NotProvable)
    );
    // The beta REST record is never probed: no feature is reported off.
    assert_eq!(
        o.get("netsuite.features").status,
        CheckStatus::Pass,
        "{}",
        dump(&o.results)
    );

    // A real gap still fails, proven by the refused read.
    let mut gap = Scenario::builtin("netsuite/least-privilege").unwrap();
    let ns = gap.netsuite.as_mut().unwrap();
    let role = ns.accounts[0]
        .roles
        .as_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r.id == 1001)
        .unwrap();
    role.permissions.insert("LIST_CURRENCY".into(), 0);
    let o = run_scenario(
        gap,
        SimOptions::default(),
        None,
        billing,
        None,
        Extras::default(),
    )
    .await;
    assert_eq!(o.get("netsuite.permissions").status, CheckStatus::Fail);
    let diff = assert_every_row_proven(&o);
    let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
    assert_eq!(currency.status, DiffStatus::Missing);
    assert_eq!(currency.proof.as_ref().unwrap().method, ProofMethod::Probe);

    // With the administrator's sign-in the role's list is read: every level is known.
    let scenario = Scenario::builtin("netsuite/least-privilege").unwrap();
    let extras = Extras {
        admin: true,
        ..Extras::default()
    };
    let o = run_scenario(scenario, SimOptions::default(), None, billing, None, extras).await;
    let perms = o.get("netsuite.permissions");
    assert_eq!(perms.status, CheckStatus::Pass, "{}", dump(&o.results));
    let diff = assert_every_row_proven(&o);
    assert!(diff
        .rows
        .iter()
        .all(|r| r.proof.as_ref().unwrap().method == ProofMethod::AdminRoleList));
    // governanceLimits is for administrators: read with their sign-in.
    let concurrency = o.get("netsuite.concurrency");
    assert!(
        concurrency
            .evidence
            .iter()
            .any(|e| e.label == "Account concurrency limit" && e.value == "5"),
        "{concurrency:?}"
    );
}

/// NetSuite may answer `rolepermissions` with no rows for a role this sign-in
/// may not see: that is "could not read", never "the role holds nothing".
#[tokio::test]
async fn zero_rolepermissions_rows_fall_back_to_probes() {
    let mut scenario = Scenario::builtin("netsuite/happy").unwrap();
    scenario
        .netsuite
        .as_mut()
        .unwrap()
        .behaviour
        .role_tables_require = "any".into();
    // A role ID with no rows in this account (as if hidden from this sign-in).
    let extras = Extras {
        role_id: Some(4242),
        ..Extras::default()
    };
    let o = run_scenario(scenario, SimOptions::default(), None, PROFILE, None, extras).await;
    let perms = o.get("netsuite.permissions");
    assert_ne!(perms.status, CheckStatus::Fail, "{}", dump(&o.results));
    let diff = assert_every_row_proven(&o);
    assert!(
        diff.source.contains("no permission rows"),
        "{}",
        diff.source
    );
    assert!(diff.rows.iter().all(|r| r.status != DiffStatus::Missing));
    let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
    assert_eq!(currency.status, DiffStatus::Ok);
    assert_eq!(currency.proof.as_ref().unwrap().method, ProofMethod::Probe);
}
