//! Runs stream `RunEvent`s over a Tauri channel and can be cancelled by id.

use std::sync::Mutex;
use std::time::Duration;

use onramp_core::runner::{run_suite, RunEvent, RunOptions};
use onramp_core::{ErrorKind, IpcError};
use tauri::ipc::Channel;
use tauri::State;
use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::system_check;

/// Generous: the slowest check is a keychain round trip or a simulator start.
const RUN_DEADLINE: Duration = Duration::from_secs(120);

/// Starts the checks of a setup and returns the run id as soon as the run has
/// started; progress and the final summary arrive on `on_event`.
#[tauri::command]
#[specta::specta]
pub async fn start_run(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    on_event: Channel<RunEvent>,
) -> Result<String, IpcError> {
    if !ctx.state.read()?.setups.iter().any(|s| s.id == setup_id) {
        return Err(super::not_found("setup", &setup_id));
    }
    // Until the ERP suites are wired in, every setup runs the system check.
    let suite = system_check::suite(system_check::Deps {
        secrets: ctx.secrets.clone(),
        state: ctx.state.clone(),
        data_dir: ctx.data_dir.clone(),
    });
    let cancel = CancellationToken::new();
    let options = RunOptions {
        concurrency: 2,
        deadline: Some(RUN_DEADLINE),
        cancel: cancel.clone(),
    };
    let (started_tx, started_rx) = oneshot::channel::<String>();
    let started_tx = Mutex::new(Some(started_tx));
    let runs = ctx.runs.clone();
    let state = ctx.state.clone();
    let register = runs.clone();
    tauri::async_runtime::spawn(async move {
        let (summary, _) = run_suite(suite, options, move |event| {
            if let RunEvent::Started { run_id, .. } = &event {
                // Registered before the first check starts, so it can always be cancelled.
                register.insert(run_id.clone(), cancel.clone());
                if let Some(tx) = started_tx.lock().ok().and_then(|mut t| t.take()) {
                    let _ = tx.send(run_id.clone());
                }
            }
            if let Err(e) = on_event.send(event) {
                tracing::warn!(error = %e, "the window stopped listening to a run");
            }
        })
        .await;
        runs.remove(&summary.run_id);
        tracing::info!(?summary, "run finished");
        let saved = state.update(|s| {
            if let Some(setup) = s.setups.iter_mut().find(|s| s.id == setup_id) {
                setup.last_run = Some(summary);
            }
            Ok(())
        });
        if let Err(e) = saved {
            tracing::warn!(error = %e, "could not record the run on its setup");
        }
    });
    started_rx
        .await
        .map_err(|_| IpcError::new(ErrorKind::Internal, "the run stopped before it started"))
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
