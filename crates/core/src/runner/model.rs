//! What a suite is made of and what a run reports.

use std::future::Future;
use std::time::Duration;

use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use specta::Type;
use tokio_util::sync::CancellationToken;

use crate::check::CheckResult;

/// Progress of one run, streamed to the front end in this order:
/// `Started`, then `CheckStarted`/`CheckFinished` per check, then `Finished`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RunEvent {
    Started { run_id: String, total: u32 },
    CheckStarted { id: String, title: String },
    CheckFinished { result: CheckResult },
    Finished { summary: RunSummary },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RunSummary {
    pub run_id: String,
    pub passed: u32,
    pub failed: u32,
    pub warned: u32,
    pub skipped: u32,
    pub cancelled: bool,
    pub timed_out: bool,
    /// RFC 3339, UTC.
    pub started_at: String,
    pub finished_at: String,
}

/// Handed to each check when it starts.
#[derive(Debug, Clone)]
pub struct RunCtx {
    pub run_id: String,
    /// Fires when the run is cancelled or its deadline passes; the runner also
    /// aborts the check, so this is for cleanup, not for correctness.
    pub cancel: CancellationToken,
    /// Results of the checks this one `needs`, in the order it listed them.
    pub prerequisites: Vec<CheckResult>,
}

pub type CheckFn = Box<dyn FnOnce(RunCtx) -> BoxFuture<'static, CheckResult> + Send>;

pub struct CheckSpec {
    pub id: String,
    pub title: String,
    /// Ids of checks that must Pass or Warn first; otherwise this one is skipped.
    pub needs: Vec<String>,
    pub run: CheckFn,
}

impl CheckSpec {
    pub fn new<F, Fut>(id: impl Into<String>, title: impl Into<String>, run: F) -> Self
    where
        F: FnOnce(RunCtx) -> Fut + Send + 'static,
        Fut: Future<Output = CheckResult> + Send + 'static,
    {
        Self {
            id: id.into(),
            title: title.into(),
            needs: Vec::new(),
            run: Box::new(move |ctx| Box::pin(run(ctx))),
        }
    }

    /// A check whose result is known before the run starts (e.g. a sign-in
    /// refused up front): it streams and counts like any other.
    pub fn known(result: CheckResult) -> Self {
        Self::new(
            result.id.clone(),
            result.title.clone(),
            move |_| async move { result },
        )
    }

    pub fn needs<I, S>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.needs.extend(ids.into_iter().map(Into::into));
        self
    }
}

impl std::fmt::Debug for CheckSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckSpec")
            .field("id", &self.id)
            .field("title", &self.title)
            .field("needs", &self.needs)
            .finish_non_exhaustive()
    }
}

pub type Suite = Vec<CheckSpec>;

#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Most checks in flight at once (NetSuite allows as few as 5 concurrent
    /// requests per account, shared with the connector). At least 1.
    pub concurrency: usize,
    /// Time budget for the whole run, counted from its start.
    pub deadline: Option<Duration>,
    pub cancel: CancellationToken,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            concurrency: 4,
            deadline: None,
            cancel: CancellationToken::new(),
        }
    }
}
