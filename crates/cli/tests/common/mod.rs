//! Runs the real `onramp-cli` binary against simulators started on 127.0.0.1:0
//! in the test process, with credentials passed the way users pass them
//! (environment variables), and reads the files it saves.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use onramp_core::observed::parse_setup_profile;
use onramp_core::report::{parse_run_record, RunRecord};
use onramp_core::{CheckStatus, DiffStatus};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};

pub async fn start(scenario: Scenario) -> SimHandle {
    Simulator::start(scenario, SimOptions::default())
        .await
        .expect("simulator starts")
}

/// A fresh directory for one test's files.
pub fn workdir(name: &str) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "onramp-cli-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the CLI off the async runtime (it is a blocking child process).
pub async fn cli(args: Vec<String>, env: Vec<(String, String)>) -> Output {
    tokio::task::spawn_blocking(move || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_onramp-cli"));
        cmd.args(&args).env_remove("RUST_LOG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("onramp-cli runs")
    })
    .await
    .unwrap()
}

fn s(v: &str) -> String {
    v.to_string()
}

/// `netsuite check --save` with the scenario's practice credentials.
pub async fn netsuite_check(
    scenario: &Scenario,
    base_url: &str,
    save: &Path,
    audit_detail: Option<&str>,
) -> (RunRecord, Output) {
    netsuite_check_with(scenario, base_url, save, audit_detail, Vec::new()).await
}

/// `netsuite_check` with more arguments (`--auth tba`, `--practice-scenario …`).
pub async fn netsuite_check_with(
    scenario: &Scenario,
    base_url: &str,
    save: &Path,
    audit_detail: Option<&str>,
    more: Vec<String>,
) -> (RunRecord, Output) {
    let c = &scenario.netsuite.as_ref().expect("[netsuite]").client;
    let mut args = vec![
        s("netsuite"),
        s("check"),
        s("--account"),
        c.account_id.clone().unwrap(),
        s("--base-url"),
        s(base_url),
        s("--role-name"),
        c.role_name.clone().unwrap(),
        s("--save"),
        save.display().to_string(),
    ];
    if let Some(p) = &c.profile {
        args.extend([s("--profile"), p.clone()]);
    }
    if let Some(d) = audit_detail {
        args.extend([s("--audit-detail"), s(d)]);
    }
    args.extend(more);
    let env = vec![
        (
            s("ONRAMP_NETSUITE_CONSUMER_KEY"),
            c.consumer_key.clone().unwrap(),
        ),
        (
            s("ONRAMP_NETSUITE_CONSUMER_SECRET"),
            c.consumer_secret.clone().unwrap(),
        ),
        (s("ONRAMP_NETSUITE_TOKEN_ID"), c.token_id.clone().unwrap()),
        (
            s("ONRAMP_NETSUITE_TOKEN_SECRET"),
            c.token_secret.clone().unwrap(),
        ),
    ];
    let out = cli(args, env).await;
    (read_record(save, &out), out)
}

/// `intacct check --save` with the scenario's practice credentials.
pub async fn intacct_check(
    scenario: &Scenario,
    base_url: &str,
    save: &Path,
) -> (RunRecord, Output) {
    let p = &scenario.intacct.as_ref().expect("[intacct]").practice;
    let mut args = vec![
        s("intacct"),
        s("check"),
        s("--company-id"),
        p.company_id.clone(),
        s("--base-url"),
        s(base_url),
        s("--save"),
        save.display().to_string(),
    ];
    if let Some(e) = &p.entity_id {
        args.extend([s("--entity"), e.clone()]);
    }
    let env = vec![
        (s("ONRAMP_INTACCT_SENDER_ID"), p.sender_id.clone()),
        (
            s("ONRAMP_INTACCT_SENDER_PASSWORD"),
            p.sender_password.clone(),
        ),
        (s("ONRAMP_INTACCT_USER_ID"), p.user_id.clone()),
        (s("ONRAMP_INTACCT_USER_PASSWORD"), p.user_password.clone()),
    ];
    let out = cli(args, env).await;
    (read_record(save, &out), out)
}

pub fn read_record(path: &Path, out: &Output) -> RunRecord {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "no run record at {} ({e}); stderr:\n{}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    parse_run_record(&text).unwrap()
}

/// `profile export --from <run> --out <file>`, read back strictly.
pub async fn export_profile(run: &Path, out: &Path) -> onramp_core::observed::SetupProfile {
    let o = cli(
        vec![
            s("profile"),
            s("export"),
            s("--from"),
            run.display().to_string(),
            s("--out"),
            out.display().to_string(),
        ],
        Vec::new(),
    )
    .await;
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    parse_setup_profile(&std::fs::read_to_string(out).unwrap()).unwrap()
}

pub fn failing(r: &RunRecord) -> Vec<String> {
    let mut ids: Vec<String> = r
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| c.id.clone())
        .collect();
    ids.sort();
    ids
}

/// `(check id, permission id)` of every diff row that is missing or too low.
pub fn short_permissions(r: &RunRecord) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = r
        .checks
        .iter()
        .filter_map(|c| Some((c.id.clone(), c.diff.as_ref()?)))
        .flat_map(|(id, d)| {
            d.rows
                .iter()
                .filter(|row| matches!(row.status, DiffStatus::Missing | DiffStatus::Insufficient))
                .map(move |row| (id.clone(), row.id.clone()))
        })
        .collect();
    rows.sort();
    rows
}

pub fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}
