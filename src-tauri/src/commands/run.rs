//! Runs stream `RunEvent`s over a Tauri channel and can be cancelled by id;
//! everything else is `onramp_application::run`.

use std::sync::Arc;

use onramp_application::run::{self, EventSink, RunOptions};
use onramp_core::runner::RunEvent;
use onramp_core::IpcError;
use tauri::ipc::Channel;
use tauri::State;

use crate::ctx::AppCtx;

pub(super) fn sink(channel: Channel<RunEvent>) -> EventSink {
    Arc::new(move |event| {
        if let Err(e) = channel.send(event) {
            tracing::warn!(error = %e, "the window stopped listening to a run");
        }
    })
}

/// Starts the setup's validation (see `run::start_setup_run`) and returns the
/// run id once it has started; progress and the summary arrive on `on_event`.
/// `options` defaults to `RunOptions::default()`, as in the CLI.
#[tauri::command]
#[specta::specta]
pub async fn start_run(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    only: Option<Vec<String>>,
    options: Option<RunOptions>,
    on_event: Channel<RunEvent>,
) -> Result<String, IpcError> {
    let options = options.unwrap_or_default();
    run::start_setup_run(&ctx, setup_id, only, options, sink(on_event)).await
}

/// Cancels a run in flight; its unfinished checks are reported as skipped.
/// Cancelling a run that already finished does nothing: the user's click may
/// cross the last event.
#[tauri::command]
#[specta::specta]
pub fn cancel_run(ctx: State<'_, AppCtx>, run_id: String) -> Result<(), IpcError> {
    let cancelled = run::cancel(&ctx, &run_id);
    tracing::info!(%run_id, cancelled, "cancel requested");
    Ok(())
}
