//! Running a setup's checks: the options every front end shares, starting a
//! run in the background with its events sent to the front end's sink, and
//! recording the finished run on the setup and in its run records.

use crate::errors::OrIpc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use onramp_core::runner::{self, run_suite, select, RunEvent, RunSummary};
use onramp_core::{CheckResult, ErrorKind, IpcError, Suite};
use serde::{Deserialize, Serialize};
use specta::Type;
use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::erp_run;
use crate::runs::{self, Observer};

/// How a run is carried out, the same from the app and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RunOptions {
    /// Most requests in flight at once to the ERP account. The account's pool
    /// is shared with the customer's live connector (NetSuite allows as few as
    /// 5 concurrent requests per account), so the default is a small share;
    /// NetSuite runs also keep within the headroom governanceLimits reports,
    /// and Sage Intacct runs send at most 2 at once.
    pub concurrency: u32,
    /// Time budget for the whole run, in seconds (a whole suite, with retries
    /// after rate limits).
    pub deadline_secs: u32,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            concurrency: 3,
            deadline_secs: 120,
        }
    }
}

impl RunOptions {
    pub fn concurrency(&self) -> usize {
        self.concurrency.max(1) as usize
    }

    pub fn deadline(&self) -> Duration {
        Duration::from_secs(u64::from(self.deadline_secs.max(1)))
    }

    /// The runner's options for a run stopped by `cancel`. Checks mostly wait
    /// on facts they share, and the clients bound the requests, so every check
    /// of a suite may start at once.
    pub fn runner(&self, cancel: CancellationToken) -> runner::RunOptions {
        runner::RunOptions {
            concurrency: CHECKS_AT_ONCE,
            deadline: Some(self.deadline()),
            cancel,
        }
    }
}

/// Checks started at once (suites have about a dozen).
const CHECKS_AT_ONCE: usize = 32;

/// Where a run's events go: the window's channel, the terminal, a test.
pub type EventSink = Arc<dyn Fn(RunEvent) + Send + Sync>;

/// Starts the setup's validation (the NetSuite or Intacct suite, against the
/// practice simulator for practice setups) and returns the run id as soon as
/// the run has started; progress and the final summary go to `events`.
/// With `only`, runs just those checks and what they need ("check this step",
/// "re-run failed checks"); such a partial run is recorded as the setup's last
/// run only when it clears every failure of the last full validation (see
/// `runs::record_rerun`), which otherwise stays the last run.
pub async fn start_setup_run(
    ctx: &AppCtx,
    setup_id: String,
    only: Option<Vec<String>>,
    options: RunOptions,
    events: EventSink,
) -> Result<String, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let cancel = CancellationToken::new();
    let prepared = erp_run::suite(ctx, &setup, &options, cancel.clone()).await?;
    let suite = prepared.suite;
    let (suite, record_on) = match only {
        // A refused sign-in is the answer to any check the user asked for.
        Some(_) if prepared.refused => (suite, Record::Nothing),
        Some(ids) => {
            let picked = select(suite, &ids).or_ipc()?;
            (picked, Record::IfItClears(setup_id))
        }
        None => (suite, Record::Full(setup_id, prepared.observe)),
    };
    start(ctx, suite, options, cancel, record_on, events).await
}

/// What a finished run leaves on its setup.
enum Record {
    /// A full validation: its summary and record.
    Full(String, Observer),
    /// Part of the suite: recorded only if it clears the last validation's failures.
    IfItClears(String),
    Nothing,
}

/// Runs `suite` in the background; a setup's run is recorded on the setup
/// (summary) and in its run records (full results and what was observed).
async fn start(
    ctx: &AppCtx,
    suite: Suite,
    options: RunOptions,
    cancel: CancellationToken,
    setup_run: Record,
    events: EventSink,
) -> Result<String, IpcError> {
    let runner_options = options.runner(cancel.clone());
    let (started_tx, started_rx) = oneshot::channel::<String>();
    let started_tx = Mutex::new(Some(started_tx));
    let runs = ctx.runs.clone();
    let state = ctx.state.clone();
    let data_dir = ctx.data_dir.clone();
    let register = runs.clone();
    let sink = events.clone();
    // `Finished` is held back until the run is recorded, so a window that
    // reloads the setup on `Finished` already finds this run.
    let finished = Arc::new(Mutex::new(None));
    let held = finished.clone();
    tokio::spawn(async move {
        let (summary, results) = run_suite(suite, runner_options, move |event| {
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
            sink(event);
        })
        .await;
        let summary_now = summary.clone();
        let recording = match setup_run {
            Record::Full(setup_id, observe) => Some(tokio::task::spawn_blocking(move || {
                runs::record(&state, &data_dir, &setup_id, summary_now, results, observe)
            })),
            Record::IfItClears(setup_id) => Some(tokio::task::spawn_blocking(move || {
                runs::record_rerun(&state, &data_dir, &setup_id, &summary_now, results)
            })),
            Record::Nothing => None,
        };
        if let Some(recording) = recording {
            let recorded = recording.await;
            if let Err(e) = recorded {
                tracing::warn!(error = %e, "recording the run failed");
            }
        }
        if let Some(event) = finished.lock().ok().and_then(|mut e| e.take()) {
            events(event);
        }
        runs.remove(&summary.run_id);
        tracing::info!(?summary, "run finished");
    });
    started_rx
        .await
        .map_err(|_| IpcError::new(ErrorKind::Internal, "the run stopped before it started"))
}

/// Runs a prepared suite to the end (no setup to record it on): what the CLI
/// does, and what tests compare against the app's recorded runs.
pub async fn run_to_end(
    suite: Suite,
    options: &RunOptions,
    cancel: CancellationToken,
    on_event: impl Fn(RunEvent) + Send + Sync + 'static,
) -> (RunSummary, Vec<CheckResult>) {
    run_suite(suite, options.runner(cancel), on_event).await
}

/// Cancels a run in flight; false when it already finished.
pub fn cancel(ctx: &AppCtx, run_id: &str) -> bool {
    ctx.runs.cancel(run_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::runner::CheckSpec;
    use onramp_core::secret::MemorySecretStore;
    use onramp_core::{CheckResult, CheckStatus};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn cancelling_a_run_skips_the_check_in_flight() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = AppCtx::open(
            dir.path().to_path_buf(),
            Arc::new(MemorySecretStore::default()),
        )
        .unwrap();
        let (started_tx, mut started_rx) = tokio::sync::mpsc::unbounded_channel();
        let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
        let suite = vec![
            CheckSpec::new("quick", "Quick", |_| async {
                CheckResult::pass("quick", "Quick", "done")
            }),
            // Never answers: only cancelling ends it.
            CheckSpec::new("stuck", "Stuck", move |_| async move {
                let _ = started_tx.send(());
                std::future::pending::<CheckResult>().await
            }),
        ];
        let events: EventSink = Arc::new(move |e| {
            let _ = done_tx.send(e);
        });
        let cancel = CancellationToken::new();
        let run_id = start(
            &ctx,
            suite,
            RunOptions::default(),
            cancel,
            Record::Nothing,
            events,
        )
        .await
        .unwrap();
        started_rx.recv().await.expect("the stuck check started");
        assert!(super::cancel(&ctx, &run_id), "the run is in flight");

        let mut seen = Vec::new();
        while let Some(e) = done_rx.recv().await {
            let finished = matches!(e, RunEvent::Finished { .. });
            seen.push(e);
            if finished {
                break;
            }
        }
        let Some(RunEvent::Finished { summary }) = seen.last() else {
            panic!("the run finished: {seen:?}");
        };
        assert!(summary.cancelled);
        let stuck = seen.iter().find_map(|e| match e {
            RunEvent::CheckFinished { result } if result.id == "stuck" => Some(result),
            _ => None,
        });
        assert_eq!(stuck.map(|r| r.status), Some(CheckStatus::Skip));
    }
}
