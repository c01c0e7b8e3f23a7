//! `start_system_check` streams the system check over a channel, and
//! `cancel_run` stops a run whose check is still in flight.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::host::Host;
use onramp_app::commands::run::{cancel_run, start_system_check};
use onramp_core::runner::RunEvent;
use onramp_core::secret::MemorySecretStore;
use onramp_core::{CheckStatus, Secret, SecretError, SecretKey, SecretStore};
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

#[test]
fn system_check_streams_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let (tx, rx) = mpsc::channel();
    let (chan, events) = channel(tx);

    let run_id =
        tauri::async_runtime::block_on(start_system_check(host.app.state(), chan)).unwrap();
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
    let (tx, rx) = mpsc::channel();
    let (chan, events) = channel(tx);

    let run_id =
        tauri::async_runtime::block_on(start_system_check(host.app.state(), chan)).unwrap();
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
