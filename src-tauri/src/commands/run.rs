//! Runs stream `RunEvent`s over a Tauri channel and can be cancelled by id.

use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use onramp_core::runner::{run_suite, select, RunEvent, RunOptions, RunSummary};
use onramp_core::{CheckResult, Suite};
use onramp_core::{ErrorKind, IpcError};
use tauri::ipc::Channel;
use tauri::State;
use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::runs::{self, Observer};
use crate::store::StateRepo;
use crate::{erp_run, system_check};

/// Generous: a whole ERP suite, with retries after rate limits.
const RUN_DEADLINE: Duration = Duration::from_secs(120);

/// Starts the setup's validation (the NetSuite or Intacct suite, against the
/// practice simulator for practice setups) and returns the run id as soon as
/// the run has started; progress and the final summary arrive on `on_event`.
/// With `only`, runs just those checks and what they need ("check this step",
/// "re-run failed checks"); such a partial run is not recorded as the setup's
/// last run, which stays the last full validation.
#[tauri::command]
#[specta::specta]
pub async fn start_run(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    only: Option<Vec<String>>,
    on_event: Channel<RunEvent>,
) -> Result<String, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let cancel = CancellationToken::new();
    let prepared = erp_run::suite(&ctx, &setup, RUN_DEADLINE, cancel.clone()).await?;
    let suite = prepared.suite;
    let (suite, record_on) = match only {
        // A refused sign-in is the answer to any check the user asked for.
        Some(_) if prepared.refused => (suite, None),
        Some(ids) => {
            let picked = select(suite, &ids)
                .map_err(|e| IpcError::new(ErrorKind::InvalidInput, e.to_string()))?;
            (picked, None)
        }
        None => (suite, Some((setup_id, prepared.observe))),
    };
    spawn_run(&ctx, suite, cancel, record_on, on_event).await
}

/// Checks this computer: data folder, settings file, keychain, simulator.
#[tauri::command]
#[specta::specta]
pub async fn start_system_check(
    ctx: State<'_, AppCtx>,
    on_event: Channel<RunEvent>,
) -> Result<String, IpcError> {
    let suite = system_check::suite(system_check::Deps {
        secrets: ctx.secrets.clone(),
        state: ctx.state.clone(),
        data_dir: ctx.data_dir.clone(),
    });
    spawn_run(&ctx, suite, CancellationToken::new(), None, on_event).await
}

/// Runs `suite` in the background; a setup's run is recorded on the setup
/// (summary) and in its run records (full results and what was observed).
async fn spawn_run(
    ctx: &AppCtx,
    suite: Suite,
    cancel: CancellationToken,
    setup_run: Option<(String, Observer)>,
    on_event: Channel<RunEvent>,
) -> Result<String, IpcError> {
    let options = RunOptions {
        concurrency: 4,
        deadline: Some(RUN_DEADLINE),
        cancel: cancel.clone(),
    };
    let (started_tx, started_rx) = oneshot::channel::<String>();
    let started_tx = Mutex::new(Some(started_tx));
    let runs = ctx.runs.clone();
    let state = ctx.state.clone();
    let data_dir = ctx.data_dir.clone();
    let register = runs.clone();
    let on_event = std::sync::Arc::new(on_event);
    let events = on_event.clone();
    // `Finished` is held back until the run is recorded, so a window that
    // reloads the setup on `Finished` already finds this run.
    let finished = std::sync::Arc::new(Mutex::new(None));
    let held = finished.clone();
    tauri::async_runtime::spawn(async move {
        let (summary, results) = run_suite(suite, options, move |event| {
            if let RunEvent::Started { run_id, .. } = &event {
                // Registered before the first check starts, so it can always be cancelled.
                register.insert(run_id.clone(), cancel.clone());
                if let Some(tx) = started_tx.lock().ok().and_then(|mut t| t.take()) {
                    let _ = tx.send(run_id.clone());
                }
            }
            if matches!(event, RunEvent::Finished { .. }) {
                if let Ok(mut slot) = held.lock() {
                    *slot = Some(event);
                    return;
                }
            }
            send(&events, event);
        })
        .await;
        if let Some((setup_id, observe)) = setup_run {
            let summary = summary.clone();
            let recorded = tauri::async_runtime::spawn_blocking(move || {
                record(&state, &data_dir, &setup_id, summary, results, observe)
            })
            .await;
            if let Err(e) = recorded {
                tracing::warn!(error = %e, "recording the run failed");
            }
        }
        if let Some(event) = finished.lock().ok().and_then(|mut e| e.take()) {
            send(&on_event, event);
        }
        runs.remove(&summary.run_id);
        tracing::info!(?summary, "run finished");
    });
    started_rx
        .await
        .map_err(|_| IpcError::new(ErrorKind::Internal, "the run stopped before it started"))
}

fn send(channel: &Channel<RunEvent>, event: RunEvent) {
    if let Err(e) = channel.send(event) {
        tracing::warn!(error = %e, "the window stopped listening to a run");
    }
}

/// Stores the run's record (full results) and its summary on the setup.
fn record(
    state: &StateRepo,
    data_dir: &Path,
    setup_id: &str,
    summary: RunSummary,
    results: Vec<CheckResult>,
    observe: Observer,
) {
    let saved = state.update(|s| {
        let setup = s.setups.iter_mut().find(|s| s.id == setup_id);
        if let Some(setup) = setup {
            setup.last_run = Some(summary.clone());
            Ok(Some(setup.clone()))
        } else {
            Ok(None)
        }
    });
    let setup = match saved {
        Ok(Some(setup)) => setup,
        // Deleted while it ran: nothing to keep.
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(error = %e, "could not record the run on its setup");
            return;
        }
    };
    let record = runs::build(&setup, summary, results, observe);
    if let Err(e) = runs::store(data_dir).save(setup_id, &record) {
        tracing::warn!(error = %e, "could not keep the run's results");
    }
}

/// Cancels a run in flight; its unfinished checks are reported as skipped.
/// Cancelling a run that already finished does nothing: the user's click may
/// cross the last event.
#[tauri::command]
#[specta::specta]
pub fn cancel_run(ctx: State<'_, AppCtx>, run_id: String) -> Result<(), IpcError> {
    let cancelled = ctx.runs.cancel(&run_id);
    tracing::info!(%run_id, cancelled, "cancel requested");
    Ok(())
}
