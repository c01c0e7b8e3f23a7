//! The "system check" suite: proves that this computer can hold a setup —
//! the app data folder, the settings store and the OS keychain all work.
//! Real operations only: files are written and read back, and a throwaway
//! keychain entry is created, read and deleted.

use std::path::PathBuf;
use std::sync::Arc;

use onramp_core::runner::{CheckSpec, Suite};
use onramp_core::state;
use onramp_core::{CheckResult, Diagnosis, Secret, SecretKey, SecretStore};

use crate::store::StateRepo;

pub const DATA_DIR: &str = "app.data_dir";
pub const SETTINGS: &str = "app.settings_store";
pub const KEYCHAIN: &str = "app.keychain";
pub const SIMULATOR: &str = "app.simulator";

/// The Practice mode scenario the simulator check starts.
const SIM_SCENARIO: &str = "netsuite/happy";

pub struct Deps {
    pub secrets: Arc<dyn SecretStore>,
    pub state: Arc<StateRepo>,
    pub data_dir: PathBuf,
}

pub fn suite(deps: Deps) -> Suite {
    let Deps {
        secrets,
        state,
        data_dir,
    } = deps;
    vec![
        CheckSpec::new(DATA_DIR, "App data folder", move |_| async move {
            blocking(DATA_DIR, move || data_dir_check(&data_dir)).await
        }),
        CheckSpec::new(SETTINGS, "Settings store", move |_| async move {
            blocking(SETTINGS, move || settings_check(&state)).await
        })
        .needs([DATA_DIR]),
        CheckSpec::new(KEYCHAIN, "System keychain", move |_| async move {
            blocking(KEYCHAIN, move || keychain_check(secrets.as_ref())).await
        }),
        CheckSpec::new(SIMULATOR, "Practice mode simulator", |_| simulator_check()),
    ]
}

async fn blocking(
    id: &'static str,
    f: impl FnOnce() -> CheckResult + Send + 'static,
) -> CheckResult {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| {
        CheckResult::fail(
            id,
            id,
            format!("the check stopped unexpectedly: {e}"),
            Diagnosis::new(
                "An internal error interrupted the check.",
                "Run the check again; if it keeps failing, send the log file to support.",
                "Onramp log folder",
            ),
        )
    })
}

fn local_fix(summary: String) -> Diagnosis {
    Diagnosis::new(
        summary,
        "Free some disk space and make sure your user owns this folder, then run the check again.",
        "Your file manager",
    )
}

fn data_dir_check(dir: &std::path::Path) -> CheckResult {
    let title = "App data folder";
    let probe = dir.join(".onramp-write-probe");
    let token = uuid::Uuid::new_v4().to_string();
    let outcome = std::fs::create_dir_all(dir)
        .and_then(|_| state::atomic_write(&probe, token.as_bytes()))
        .and_then(|_| std::fs::read_to_string(&probe))
        .and_then(|read| {
            std::fs::remove_file(&probe)?;
            Ok(read)
        });
    match outcome {
        Ok(read) if read == token => {
            CheckResult::pass(DATA_DIR, title, "Onramp can write to its data folder.")
                .with_evidence("Folder", dir.display().to_string())
        }
        Ok(_) => CheckResult::fail(
            DATA_DIR,
            title,
            "A file written to the data folder read back different.",
            local_fix("The disk or file system returned other data than was written.".into()),
        ),
        Err(e) => CheckResult::fail(
            DATA_DIR,
            title,
            format!("Onramp cannot write to {}.", dir.display()),
            local_fix(format!("Writing a test file failed: {e}.")),
        )
        .with_evidence("Folder", dir.display().to_string()),
    }
}

/// Saves the current settings again (atomically) and loads the file back
/// through the same validation the app uses at start-up.
fn settings_check(repo: &StateRepo) -> CheckResult {
    let title = "Settings store";
    let saved = repo.update(|_| Ok(()));
    let reread = saved.and_then(|_| {
        let text = std::fs::read_to_string(repo.path()).map_err(|e| {
            onramp_core::IpcError::new(onramp_core::ErrorKind::Storage, e.to_string())
        })?;
        state::load_json(&text)
            .map_err(|e| onramp_core::IpcError::new(onramp_core::ErrorKind::Storage, e.to_string()))
    });
    match reread {
        Ok((saved_state, _)) => {
            CheckResult::pass(SETTINGS, title, "Settings are saved and read back intact.")
                .with_evidence("File", repo.path().display().to_string())
                .with_evidence("Setups", saved_state.setups.len().to_string())
        }
        Err(e) => CheckResult::fail(
            SETTINGS,
            title,
            "Settings could not be saved and read back.",
            local_fix(e.message),
        )
        .with_evidence("File", repo.path().display().to_string()),
    }
}

/// Creates, reads back and deletes a throwaway entry under its own setup id.
fn keychain_check(secrets: &dyn SecretStore) -> CheckResult {
    let title = "System keychain";
    let key = SecretKey::new("system-check", format!("probe-{}", uuid::Uuid::new_v4()));
    let value = Secret::new(uuid::Uuid::new_v4().to_string());
    let outcome = (|| {
        secrets.set(&key, &value)?;
        let back = secrets.get(&key)?;
        secrets.delete(&key)?;
        let gone = !secrets.exists(&key)?;
        Ok::<_, onramp_core::SecretError>((back, gone))
    })();
    match outcome {
        Ok((Some(back), true)) if back == value => CheckResult::pass(
            KEYCHAIN,
            title,
            "The keychain stores, returns and deletes Onramp's entries.",
        ),
        Ok((back, gone)) => CheckResult::fail(
            KEYCHAIN,
            title,
            "The keychain did not keep a test entry as written.",
            Diagnosis::new(
                format!(
                    "A test entry {} and {} after deletion.",
                    if back.is_some() {
                        "read back different"
                    } else {
                        "was missing"
                    },
                    if gone { "was gone" } else { "was still there" }
                ),
                "Restart the keychain (sign out and in again), then run the check again.",
                "Your desktop's Passwords and Keys settings",
            ),
        ),
        Err(e) => {
            let err = onramp_core::IpcError::from(e);
            let diagnosis = err.diagnosis.clone().unwrap_or_else(|| {
                Diagnosis::new(
                    err.message.clone(),
                    "Run the check again.",
                    "Your desktop's Passwords and Keys settings",
                )
            });
            CheckResult::fail(KEYCHAIN, title, err.message, diagnosis)
        }
    }
}

/// Starts the built-in simulator on loopback and asks it over HTTP which
/// scenario it serves: proves Practice mode can run on this computer.
async fn simulator_check() -> CheckResult {
    let title = "Practice mode simulator";
    let fail = |summary: String, cause: String| {
        CheckResult::fail(
            SIMULATOR,
            title,
            summary,
            Diagnosis::new(
                cause,
                "Check that no firewall or security tool blocks programs from listening on 127.0.0.1, then run the check again.",
                "Your firewall or security software settings",
            ),
        )
    };
    let scenario = match onramp_sim::Scenario::builtin(SIM_SCENARIO) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                "The Practice scenario could not be loaded.".into(),
                e.to_string(),
            )
        }
    };
    let expected_title = scenario.title.clone();
    let sim = match onramp_sim::Simulator::start(scenario, onramp_sim::SimOptions::default()).await
    {
        Ok(sim) => sim,
        Err(e) => return fail("The simulator could not start.".into(), e.to_string()),
    };
    let base = sim.base_url();
    let answer = ask_scenario_title(&base).await;
    sim.shutdown().await;
    match answer {
        Ok(served) if served == expected_title => CheckResult::pass(
            SIMULATOR,
            title,
            "The simulator starts and answers on this computer.",
        )
        .with_evidence("Scenario", served)
        .with_evidence("Address", base),
        Ok(served) => fail(
            "The simulator answered with another scenario.".into(),
            format!("Expected \"{expected_title}\", got \"{served}\"."),
        ),
        Err(e) => fail("The simulator started but did not answer.".into(), e),
    }
}

async fn ask_scenario_title(base: &str) -> Result<String, String> {
    use onramp_core::http::{client, read_body, Expect};
    let http = client(std::time::Duration::from_secs(10)).map_err(|e| e.to_string())?;
    let resp = http
        .get(format!("{base}/__sim/scenario"))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let (_, body) = read_body(resp, 64 * 1024, Expect::Json)
        .await
        .map_err(|e| e.to_string())?;
    let info: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
    info["title"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "the answer has no scenario title".to_string())
}
