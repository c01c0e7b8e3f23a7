//! The same Practice scenario run from the app (a practice setup, its
//! credentials in the keychain, the run recorded in the data folder) and from
//! the CLI (`check --save` against the scenario's simulator, credentials in
//! the environment) gives the same run record, apart from run ids, times and
//! durations: NetSuite TBA, Sage Intacct with the REST check, and an OAuth 2.0
//! sign-in NetSuite refuses.

mod common;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use onramp_application::api::oauth::{oauth_set_field, oauth_set_method, OAuthField};
use onramp_application::api::practice::practice_credentials;
use onramp_application::api::setups::create_setup;
use onramp_application::ctx::AppCtx;
use onramp_application::run::{start_setup_run, RunOptions};
use onramp_application::{connector_profiles, runs};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::report::RunRecord;
use onramp_core::runner::RunEvent;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::NewSetup;
use onramp_core::{CheckStatus, Secret, SecretKey, SecretStore};
use onramp_sim::Scenario;
use serde_json::Value;

const SPENT_REFRESH_TOKEN: &str = "a-refresh-token-netsuite-never-issued";

fn s(v: &str) -> String {
    v.to_string()
}

/// The app's side: a practice setup of `scenario`, run to the end.
struct App {
    ctx: AppCtx,
    secrets: Arc<MemorySecretStore>,
    setup_id: String,
    _dir: tempfile::TempDir,
}

impl App {
    async fn practice(erp: Erp, scenario: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(MemorySecretStore::default());
        let ctx = AppCtx::open(dir.path().to_path_buf(), secrets.clone()).unwrap();
        let setup = create_setup(
            &ctx,
            NewSetup {
                erp,
                label: "Practice".into(),
                client_id: None,
                account_id: String::new(),
                entity_id: None,
                practice_scenario: Some(scenario.into()),
            },
        )
        .await
        .unwrap();
        Self {
            ctx,
            secrets,
            setup_id: setup.id,
            _dir: dir,
        }
    }

    fn store(&self, name: &str, value: &str) {
        let key = SecretKey::new(self.setup_id.as_str(), name);
        self.secrets.set(&key, &Secret::new(value.into())).unwrap();
    }

    /// Pastes every simulated value shown in Practice mode, as the user does.
    async fn paste_practice_values(&self) -> Vec<String> {
        let values = practice_credentials(&self.ctx, self.setup_id.clone())
            .await
            .unwrap();
        for v in &values {
            self.store(&v.name, &v.value);
        }
        values.into_iter().map(|v| v.name).collect()
    }

    /// Runs the setup's whole suite and returns the run record it kept.
    async fn run(&self) -> RunRecord {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let sink = Arc::new(move |e: RunEvent| {
            if matches!(e, RunEvent::Finished { .. }) {
                let _ = tx.send(());
            }
        });
        start_setup_run(
            &self.ctx,
            self.setup_id.clone(),
            None,
            RunOptions::default(),
            sink,
        )
        .await
        .unwrap();
        tokio::time::timeout(Duration::from_secs(120), rx.recv())
            .await
            .expect("the app's run finished");
        runs::store(&self.ctx.data_dir)
            .latest(&self.setup_id)
            .unwrap()
            .expect("the app recorded its run")
    }
}

/// Evidence that differs between any two runs of the same front end: the
/// server's clock, an Intacct session's expiry (an hour from its sign-in,
/// so a second apart when the runs straddle a second), and how many requests
/// had been sent when the concurrency check looked (checks run side by side).
const PER_RUN_EVIDENCE: &[&str] = &["Server time", "This run", "Session expires"];

/// The record without what differs between any two runs: ids, times, durations.
fn comparable(record: &RunRecord) -> Value {
    let mut v = serde_json::to_value(record).unwrap();
    v["generated_at"] = Value::Null;
    // The wizard's steps (marked failed or done by the run) exist only in the app.
    v["steps"] = Value::Null;
    for key in ["run_id", "started_at", "finished_at"] {
        v["summary"][key] = Value::Null;
    }
    // How many requests overlapped depends on timing; how many were sent does not.
    if let Some(traffic) = v.get_mut("traffic") {
        traffic["peak_concurrency"] = Value::Null;
    }
    for check in v["checks"].as_array_mut().unwrap() {
        check["duration_ms"] = Value::Null;
        for ev in check["evidence"].as_array_mut().unwrap() {
            if PER_RUN_EVIDENCE.contains(&ev["label"].as_str().unwrap()) {
                ev["value"] = Value::Null;
            }
        }
    }
    v
}

fn assert_same(app: &RunRecord, cli: &RunRecord) {
    let (a, c) = (comparable(app), comparable(cli));
    assert_eq!(
        a,
        c,
        "app:\n{}\ncli:\n{}",
        serde_json::to_string_pretty(&a).unwrap(),
        serde_json::to_string_pretty(&c).unwrap()
    );
}

async fn cli_run(args: Vec<String>, env: Vec<(String, String)>, save: &Path) -> RunRecord {
    let out = cli(args, env).await;
    read_record(save, &out)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_netsuite_tba_practice_run_records_the_same_from_app_and_cli() {
    let name = "netsuite/missing-currency-permission";
    let app = App::practice(Erp::Netsuite, name).await;
    oauth_set_method(&app.ctx, app.setup_id.clone(), AuthMethod::Tba)
        .await
        .unwrap();
    app.paste_practice_values().await;
    let from_app = app.run().await;

    let scenario = Scenario::builtin(name).unwrap();
    let sim = start(scenario.clone()).await;
    let dir = workdir("same-tba");
    // Told which scenario the simulator plays, the CLI marks its run as the app does.
    let more = vec![s("--auth"), s("tba"), s("--practice-scenario"), s(name)];
    let (from_cli, _) = netsuite_check_with(
        &scenario,
        &sim.base_url(),
        &dir.join("run.json"),
        None,
        more,
    )
    .await;
    assert_eq!(
        from_cli
            .setup
            .simulation
            .as_ref()
            .map(|s| s.scenario.as_str()),
        Some(name)
    );

    assert!(
        from_app
            .checks
            .iter()
            .any(|c| c.status == CheckStatus::Fail),
        "the scenario's fault shows"
    );
    // The simulated account is never called a production account.
    for record in [&from_app, &from_cli] {
        let account = record
            .checks
            .iter()
            .find(|c| c.id == "netsuite.account")
            .unwrap();
        assert!(
            account
                .summary
                .contains("simulated by Practice scenario netsuite/missing-currency-permission")
                && !account.summary.contains("Production"),
            "{}",
            account.summary
        );
    }
    assert_same(&from_app, &from_cli);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_intacct_practice_run_with_the_rest_check_records_the_same_from_app_and_cli() {
    let name = "intacct/happy";
    // The connector's profile uses the REST API, so the REST check runs too.
    let mut profile = onramp_intacct::profiles::builtin("intacct-accounting-sync").unwrap();
    profile.id = "intacct-with-rest".into();
    profile.intacct.as_mut().unwrap().rest = true;
    let toml = connector_profiles::to_toml(&profile).unwrap();

    let app = App::practice(Erp::Intacct, name).await;
    connector_profiles::save(&app.ctx.data_dir, profile.clone()).unwrap();
    app.ctx
        .state
        .update_setup(&app.setup_id, |s| {
            s.profile_id = Some(profile.id.clone());
            Ok(())
        })
        .unwrap();
    let pasted = app.paste_practice_values().await;
    assert!(pasted.contains(&s("intacct.client_id")), "{pasted:?}");
    let from_app = app.run().await;

    let scenario = Scenario::builtin(name).unwrap();
    let p = scenario.intacct.as_ref().unwrap().practice.clone();
    let sim = start(scenario).await;
    let dir = workdir("same-intacct");
    let profile_file = dir.join("profile.toml");
    std::fs::write(&profile_file, toml).unwrap();
    let save = dir.join("run.json");
    let mut args = vec![
        s("intacct"),
        s("check"),
        s("--company-id"),
        p.company_id.clone(),
        s("--profile"),
        profile_file.display().to_string(),
        s("--base-url"),
        sim.base_url(),
        s("--save"),
        save.display().to_string(),
        s("--practice-scenario"),
        s(name),
    ];
    if let Some(entity) = &p.entity_id {
        args.extend([s("--entity"), entity.clone()]);
    }
    let env = vec![
        (s("ONRAMP_INTACCT_SENDER_ID"), p.sender_id),
        (s("ONRAMP_INTACCT_SENDER_PASSWORD"), p.sender_password),
        (s("ONRAMP_INTACCT_USER_ID"), p.user_id),
        (s("ONRAMP_INTACCT_USER_PASSWORD"), p.user_password),
        (s("ONRAMP_INTACCT_CLIENT_ID"), p.client_id.unwrap()),
        (s("ONRAMP_INTACCT_CLIENT_SECRET"), p.client_secret.unwrap()),
    ];
    let from_cli = cli_run(args, env, &save).await;

    let rest = from_app
        .checks
        .iter()
        .find(|c| c.id == "intacct.rest")
        .expect("the REST check ran in the app");
    assert_eq!(rest.status, CheckStatus::Pass, "{rest:?}");
    assert_same(&from_app, &from_cli);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_oauth_sign_in_is_recorded_the_same_from_app_and_cli() {
    let name = "netsuite/oauth-happy";
    let scenario = Scenario::builtin(name).unwrap();
    let client = &scenario.netsuite.as_ref().unwrap().client;
    let client_id = scenario
        .netsuite
        .as_ref()
        .unwrap()
        .oauth2
        .client
        .public_client_id
        .clone()
        .unwrap();

    let app = App::practice(Erp::Netsuite, name).await;
    oauth_set_method(&app.ctx, app.setup_id.clone(), AuthMethod::Oauth2Code)
        .await
        .unwrap();
    oauth_set_field(
        &app.ctx,
        app.setup_id.clone(),
        OAuthField::ClientId,
        client_id.clone(),
    )
    .await
    .unwrap();
    app.store("netsuite.oauth2_refresh_token", SPENT_REFRESH_TOKEN);
    let from_app = app.run().await;

    let sim = start(scenario.clone()).await;
    let dir = workdir("same-refused");
    let save = dir.join("run.json");
    let args = vec![
        s("netsuite"),
        s("check"),
        s("--auth"),
        s("oauth2-code"),
        s("--client-id"),
        client_id,
        s("--account"),
        client.account_id.clone().unwrap(),
        s("--role-name"),
        client.role_name.clone().unwrap(),
        s("--profile"),
        client.profile.clone().unwrap(),
        s("--base-url"),
        sim.base_url(),
        s("--save"),
        save.display().to_string(),
        s("--practice-scenario"),
        s(name),
    ];
    let env = vec![(
        s("ONRAMP_NETSUITE_OAUTH2_REFRESH_TOKEN"),
        s(SPENT_REFRESH_TOKEN),
    )];
    let from_cli = cli_run(args, env, &save).await;

    assert_eq!(from_app.checks.len(), 1, "{:?}", from_app.checks);
    assert_eq!(from_app.checks[0].id, "netsuite.auth");
    assert_eq!(from_app.checks[0].status, CheckStatus::Fail);
    assert_same(&from_app, &from_cli);
}
