//! `start_run` streams the system check over a channel, records the summary on
//! the setup, and `cancel_run` stops a run whose check is still in flight.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::host::Host;
use onramp_app::commands::run::{cancel_run, start_run};
use onramp_core::runner::RunEvent;
use onramp_core::secret::MemorySecretStore;
use onramp_core::{CheckStatus, Secret, SecretError, SecretKey, SecretStore};
use serde_json::{json, Value};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::Manager;

/// Collects the events a run sends; `Finished` is forwarded to `done`.
fn channel(done: mpsc::Sender<()>) -> (Channel<RunEvent>, Arc<Mutex<Vec<RunEvent>>>) {
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

fn setup_id(host: &Host) -> String {
    let setup: Value = host
        .invoke(
            "create_setup",
            json!({ "input": {
                "erp": "intacct", "label": "Practice", "client_id": null,
                "account_id": "acme", "entity_id": null, "practice_scenario": "happy"
            }}),
        )
        .unwrap();
    setup["id"].as_str().unwrap().to_owned()
}

#[test]
fn system_check_streams_every_check_and_records_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let id = setup_id(&host);
    let (tx, rx) = mpsc::channel();
    let (chan, events) = channel(tx);

    let run_id =
        tauri::async_runtime::block_on(start_run(host.app.state(), id.clone(), chan)).unwrap();
    rx.recv_timeout(Duration::from_secs(30))
        .expect("run finished");

    let events = events.lock().unwrap().clone();
    assert!(matches!(&events[0], RunEvent::Started { run_id: r, total: 4 } if *r == run_id));
    let finished: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            RunEvent::CheckFinished { result } => Some(result.clone()),
            _ => None,
        })
        .collect();
    let mut ids: Vec<_> = finished.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "app.data_dir",
            "app.keychain",
            "app.settings_store",
            "app.simulator"
        ]
    );
    for result in &finished {
        assert_eq!(result.status, CheckStatus::Pass, "{result:?}");
    }
    let RunEvent::Finished { summary } = events.last().unwrap() else {
        panic!("last event is Finished");
    };
    assert_eq!((summary.passed, summary.failed), (4, 0));

    // The summary lands on the setup once the run is over.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let setup: Value = host.invoke("get_setup", json!({ "id": id })).unwrap();
        if setup["last_run"]["run_id"] == run_id.as_str() {
            assert_eq!(setup["last_run"]["passed"], 4);
            break;
        }
        assert!(std::time::Instant::now() < deadline, "last_run recorded");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A keychain that hangs on `set` until the test lets it go.
struct StuckKeychain {
    release: Mutex<mpsc::Receiver<()>>,
}

impl SecretStore for StuckKeychain {
    fn set(&self, _: &SecretKey, _: &Secret<String>) -> Result<(), SecretError> {
        let _ = self.release.lock().unwrap().recv();
        Err(SecretError::Other("released".into()))
    }
    fn get(&self, _: &SecretKey) -> Result<Option<Secret<String>>, SecretError> {
        Ok(None)
    }
    fn delete(&self, _: &SecretKey) -> Result<(), SecretError> {
        Ok(())
    }
}

#[test]
fn cancelling_a_run_skips_the_check_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let (release, wait) = mpsc::channel();
    let keychain = Arc::new(StuckKeychain {
        release: Mutex::new(wait),
    });
    let host = Host::new(dir.path(), keychain);
    let id = setup_id(&host);
    let (tx, rx) = mpsc::channel();
    let (chan, events) = channel(tx);

    let run_id = tauri::async_runtime::block_on(start_run(host.app.state(), id, chan)).unwrap();
    // Wait until the other checks are done and only the keychain one hangs.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while events
        .lock()
        .unwrap()
        .iter()
        .filter(|e| matches!(e, RunEvent::CheckFinished { .. }))
        .count()
        < 3
    {
        assert!(
            std::time::Instant::now() < deadline,
            "other checks finished"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    cancel_run(host.app.state(), run_id).unwrap();
    rx.recv_timeout(Duration::from_secs(10))
        .expect("a cancelled run finishes without waiting for the stuck check");
    let _ = release.send(());

    let events = events.lock().unwrap().clone();
    let RunEvent::Finished { summary } = events.last().unwrap() else {
        panic!("last event is Finished");
    };
    assert!(summary.cancelled);
    let keychain_result = events
        .iter()
        .find_map(|e| match e {
            RunEvent::CheckFinished { result } if result.id == "app.keychain" => Some(result),
            _ => None,
        })
        .expect("the stuck check is still reported");
    assert_eq!(keychain_result.status, CheckStatus::Skip);
}
