//! Practice mode end to end in the shell: scenarios, practice setups, and the
//! real NetSuite / Intacct suites run against the embedded simulator on loopback.

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use super::host::Host;
use onramp_app::commands::run::start_run;
use onramp_core::check::CheckResult;
use onramp_core::runner::{RunEvent, RunSummary};
use onramp_core::secret::MemorySecretStore;
use onramp_core::{CheckStatus, ErrorKind};
use serde_json::{json, Value};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::Manager;

/// Collects the events a run sends; `Finished` is forwarded to `done`.
pub fn channel(done: mpsc::Sender<()>) -> (Channel<RunEvent>, Arc<Mutex<Vec<RunEvent>>>) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let channel = Channel::new(move |body: InvokeResponseBody| {
        let event: RunEvent = body.deserialize().expect("a RunEvent");
        let finished = matches!(event, RunEvent::Finished { .. });
        sink.lock().unwrap().push(event);
        if finished {
            let _ = done.send(());
        }
        Ok(())
    });
    (channel, events)
}

pub(super) fn practice_setup(host: &Host, erp: &str, scenario: &str) -> Value {
    host.invoke(
        "create_setup",
        json!({ "input": {
            "erp": erp, "label": "", "client_id": null,
            "account_id": "", "entity_id": null, "practice_scenario": scenario
        }}),
    )
    .unwrap()
}

/// A practice setup with the scenario's simulated values stored: its id.
pub(super) fn ready_practice_setup(host: &Host, erp: &str, scenario: &str) -> String {
    let id = practice_setup(host, erp, scenario)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    paste_practice_values(host, &id);
    id
}

/// Stores the scenario's simulated values as the user would paste them.
pub(super) fn paste_practice_values(host: &Host, id: &str) {
    let values: Vec<Value> = host
        .invoke("practice_credentials", json!({ "setupId": id }))
        .unwrap();
    // A value for every field the Credentials step shows; the Intacct REST
    // application is optional (a reproduced customer setup has none).
    let setup: Value = host.invoke("get_setup", json!({ "id": id })).unwrap();
    let specs: Vec<Value> = host
        .invoke(
            "secret_specs",
            json!({ "erp": setup["erp"], "authMethod": setup["auth_method"] }),
        )
        .unwrap();
    let shown: Vec<&str> = values.iter().filter_map(|v| v["name"].as_str()).collect();
    for spec in &specs {
        let name = spec["name"].as_str().unwrap();
        let optional = ["intacct.client_id", "intacct.client_secret"].contains(&name);
        assert!(optional || shown.contains(&name), "{name} in {shown:?}");
    }
    assert!(shown.iter().all(|n| specs.iter().any(|s| s["name"] == *n)));
    for v in values {
        let key = json!({ "setup_id": id, "name": v["name"] });
        host.invoke::<()>("secret_set", json!({ "key": key, "value": v["value"] }))
            .unwrap();
    }
}

pub(super) fn run(host: &Host, id: &str) -> (RunSummary, Vec<CheckResult>) {
    run_only(host, id, None)
}

/// A run of the setup's suite, or of only some checks and what they need.
pub(super) fn run_only(
    host: &Host,
    id: &str,
    only: Option<Vec<String>>,
) -> (RunSummary, Vec<CheckResult>) {
    let (tx, rx) = mpsc::channel();
    let (chan, events) = channel(tx);
    tauri::async_runtime::block_on(start_run(host.app.state(), id.to_owned(), only, None, chan))
        .unwrap();
    rx.recv_timeout(Duration::from_secs(60))
        .expect("run finished");
    let events = events.lock().unwrap().clone();
    let results = events
        .iter()
        .filter_map(|e| match e {
            RunEvent::CheckFinished { result } => Some(result.clone()),
            _ => None,
        })
        .collect();
    let Some(RunEvent::Finished { summary }) = events.last().cloned() else {
        panic!("last event is Finished");
    };
    (summary, results)
}

pub(super) fn host() -> (tempfile::TempDir, Host) {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    (dir, host)
}

#[test]
fn list_scenarios_names_both_erps_and_the_oauth_ones() {
    let (_dir, host) = host();
    let list: Vec<Value> = host.invoke("list_scenarios", json!({})).unwrap();
    let names: Vec<&str> = list.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"netsuite/happy"), "{names:?}");
    assert!(names.contains(&"netsuite/missing-currency-permission"));
    assert!(names.contains(&"intacct/happy"));
    assert!(names.contains(&"netsuite/oauth-happy"), "{names:?}");
    for s in &list {
        let erp = s["erp"].as_str().unwrap();
        assert!(s["name"].as_str().unwrap().starts_with(&format!("{erp}/")));
        assert!(!s["title"].as_str().unwrap().is_empty());
    }
}

#[test]
fn a_practice_setup_takes_its_account_from_the_scenario() {
    let (_dir, host) = host();
    let ns = practice_setup(&host, "netsuite", "happy");
    assert_eq!(ns["practice_scenario"], "netsuite/happy");
    assert_eq!(ns["account_id"], "1234567");
    assert_eq!(ns["auth_method"], "tba");
    assert_eq!(ns["profile_id"], "netsuite-zuora-billing");
    assert_eq!(ns["fields"]["role_name"], "Onramp Integration");

    let ia = practice_setup(&host, "intacct", "intacct/happy");
    assert_eq!(ia["account_id"], "onramp-practice");
    assert_eq!(ia["entity_id"], "US");
    assert_eq!(ia["profile_id"], "intacct-accounting-sync");

    let err = host
        .invoke::<Value>(
            "create_setup",
            json!({ "input": {
                "erp": "netsuite", "label": "", "client_id": null,
                "account_id": "", "entity_id": null, "practice_scenario": "no-such-scenario"
            }}),
        )
        .unwrap_err();
    assert!(err.message.contains("no-such-scenario"), "{}", err.message);
}

#[test]
fn a_run_without_credentials_names_the_missing_ones_before_any_request() {
    let (_dir, host) = host();
    let id = practice_setup(&host, "netsuite", "happy")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (tx, _rx) = mpsc::channel();
    let (chan, events) = channel(tx);
    let err = tauri::async_runtime::block_on(start_run(host.app.state(), id, None, None, chan))
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    for label in [
        "Consumer key",
        "Consumer secret",
        "Token ID",
        "Token secret",
    ] {
        assert!(err.message.contains(label), "{}", err.message);
    }
    assert!(err.diagnosis.unwrap().fix.contains("Credentials"));
    assert!(events.lock().unwrap().is_empty());
}

#[test]
fn netsuite_happy_practice_run_passes_and_logs_the_logins() {
    let (_dir, host) = host();
    let id = ready_practice_setup(&host, "netsuite", "happy");
    let (summary, results) = run(&host, &id);
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.status == CheckStatus::Fail)
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    // The integration role may not read its own permission list (Manage
    // Roles): levels above what a request proves stay unconfirmed, so it warns.
    assert!(results.iter().any(|r| r.id == "netsuite.permissions"
        && r.status == CheckStatus::Warn
        && r.diff
            .as_ref()
            .is_some_and(|d| d.rows.iter().all(|row| row.proof.is_some()))));
    assert_eq!(summary.failed, 0);
    assert!(summary.passed > 3, "{summary:?}");
    // Saved before `Finished` reached the window, so a reload shows this run.
    let setup: Value = host.invoke("get_setup", json!({ "id": id })).unwrap();
    assert_eq!(setup["last_run"]["run_id"], summary.run_id.as_str());

    let log: Value = host
        .invoke("practice_audit_trail", json!({ "setupId": id }))
        .unwrap();
    let columns: Vec<&str> = log["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(columns.contains(&"status"), "{columns:?}");
    assert!(!log["rows"].as_array().unwrap().is_empty());
}

#[test]
fn missing_currency_permission_fails_the_permission_check() {
    let (_dir, host) = host();
    let id = ready_practice_setup(&host, "netsuite", "missing-currency-permission");
    let (summary, results) = run(&host, &id);
    let perms = results
        .iter()
        .find(|r| r.id == "netsuite.permissions")
        .expect("netsuite.permissions reported");
    assert_eq!(perms.status, CheckStatus::Fail, "{perms:#?}");
    let d = perms.diagnosis.as_ref().expect("a diagnosis");
    let text = format!("{} {} {} {}", perms.summary, d.cause, d.fix, d.where_);
    assert!(text.contains("Currenc"), "{text}");
    assert!(summary.failed >= 1);
}

#[test]
fn intacct_happy_practice_run_passes() {
    let (_dir, host) = host();
    let id = ready_practice_setup(&host, "intacct", "happy");
    let (summary, results) = run(&host, &id);
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.status == CheckStatus::Fail)
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(results.iter().all(|r| r.id.starts_with("intacct.")));
    assert_eq!(summary.failed, 0);
    assert!(summary.passed > 3, "{summary:?}");
    let log: Value = host
        .invoke("practice_audit_trail", json!({ "setupId": id }))
        .unwrap();
    assert!(!log["rows"].as_array().unwrap().is_empty());
}
