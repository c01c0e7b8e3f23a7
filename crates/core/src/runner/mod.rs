//! Runs a suite of checks with bounded concurrency, prerequisites (`needs`), a
//! deadline, cancellation and progress events. The ERP crates build the checks;
//! the front ends (app, CLI) only see `RunEvent`s and the final results.

mod model;
mod select;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::{Id, JoinError, JoinSet};
use tokio::time::Instant;

pub use model::{CheckFn, CheckSpec, RunCtx, RunEvent, RunOptions, RunSummary, Suite};
pub use select::{select, UnknownChecks};

use crate::check::{CheckResult, CheckStatus, Diagnosis};
use crate::clock::now_rfc3339;

type EventSink = Arc<dyn Fn(RunEvent) + Send + Sync>;

enum Slot {
    Pending(CheckFn),
    Running,
    Done(Box<CheckResult>),
}

struct Entry {
    id: String,
    title: String,
    needs: Vec<String>,
    slot: Slot,
}

#[derive(Clone, Copy)]
enum Stop {
    Cancelled,
    Deadline,
}

/// Runs every check once and returns the summary and the results in suite order.
/// Never panics because a check did: a panicking check is reported as a Fail.
pub async fn run_suite(
    suite: Suite,
    options: RunOptions,
    on_event: impl Fn(RunEvent) + Send + Sync + 'static,
) -> (RunSummary, Vec<CheckResult>) {
    let run_id = uuid::Uuid::new_v4().to_string();
    let started_at = now_rfc3339();
    let total = u32::try_from(suite.len()).unwrap_or(u32::MAX);
    let mut run = Run {
        run_id: run_id.clone(),
        entries: suite
            .into_iter()
            .map(|spec| Entry {
                id: spec.id,
                title: spec.title,
                needs: spec.needs,
                slot: Slot::Pending(spec.run),
            })
            .collect(),
        events: Arc::new(on_event),
        semaphore: Arc::new(Semaphore::new(options.concurrency.max(1))),
        // A child token, so that a deadline can stop the checks without
        // cancelling the caller's token.
        cancel: options.cancel.child_token(),
        tasks: JoinSet::new(),
        task_entry: HashMap::new(),
    };
    (run.events)(RunEvent::Started {
        run_id: run_id.clone(),
        total,
    });

    let stop = run.drive(&options).await;
    if let Some(stop) = stop {
        run.cancel.cancel();
        run.tasks.shutdown().await;
        let reason = match stop {
            Stop::Cancelled => "cancelled",
            Stop::Deadline => "deadline reached",
        };
        run.skip_unfinished(|_| reason.to_string());
    } else {
        // Only checks waiting on each other in a circle can be left.
        run.skip_unfinished(|e| {
            format!(
                "Not run: its prerequisites ({}) depend on it in a circle.",
                e.needs.join(", ")
            )
        });
    }

    let results: Vec<CheckResult> = run
        .entries
        .into_iter()
        .map(|e| match e.slot {
            Slot::Done(r) => *r,
            _ => unreachable!("every check is finished or skipped by now"),
        })
        .collect();
    let count = |s: CheckStatus| results.iter().filter(|r| r.status == s).count() as u32;
    let summary = RunSummary {
        run_id,
        passed: count(CheckStatus::Pass),
        failed: count(CheckStatus::Fail),
        warned: count(CheckStatus::Warn),
        skipped: count(CheckStatus::Skip),
        cancelled: matches!(stop, Some(Stop::Cancelled)),
        timed_out: matches!(stop, Some(Stop::Deadline)),
        started_at,
        finished_at: now_rfc3339(),
    };
    (run.events)(RunEvent::Finished {
        summary: summary.clone(),
    });
    (summary, results)
}

struct Run {
    run_id: String,
    entries: Vec<Entry>,
    events: EventSink,
    semaphore: Arc<Semaphore>,
    cancel: tokio_util::sync::CancellationToken,
    tasks: JoinSet<CheckResult>,
    task_entry: HashMap<Id, usize>,
}

enum Readiness {
    Ready(Vec<CheckResult>),
    Waiting,
    Blocked(String),
}

impl Run {
    /// Runs until every reachable check finished, or returns why it stopped early.
    async fn drive(&mut self, options: &RunOptions) -> Option<Stop> {
        let deadline = options.deadline.map(|d| Instant::now() + d);
        self.schedule();
        while !self.tasks.is_empty() {
            let joined = tokio::select! {
                biased;
                _ = options.cancel.cancelled() => return Some(Stop::Cancelled),
                _ = sleep_until(deadline) => return Some(Stop::Deadline),
                joined = self.tasks.join_next_with_id() => joined,
            };
            match joined {
                Some(Ok((id, result))) => self.finish(id, result),
                Some(Err(e)) => {
                    let task = e.id();
                    let result = panic_result(&self.entries[self.task_entry[&task]], e);
                    self.finish(task, result);
                }
                None => break,
            }
            self.schedule();
        }
        None
    }

    fn finish(&mut self, task: Id, result: CheckResult) {
        let idx = self
            .task_entry
            .remove(&task)
            .expect("every task maps to a check");
        self.record(idx, result);
    }

    fn record(&mut self, idx: usize, result: CheckResult) {
        (self.events)(RunEvent::CheckFinished {
            result: result.clone(),
        });
        self.entries[idx].slot = Slot::Done(Box::new(result));
    }

    /// Starts every check whose prerequisites passed and skips those whose
    /// prerequisites did not, repeating until nothing changes (skips cascade).
    fn schedule(&mut self) {
        loop {
            let mut changed = false;
            for idx in 0..self.entries.len() {
                if !matches!(self.entries[idx].slot, Slot::Pending(_)) {
                    continue;
                }
                match self.readiness(idx) {
                    Readiness::Waiting => {}
                    Readiness::Ready(prerequisites) => {
                        self.spawn(idx, prerequisites);
                        changed = true;
                    }
                    Readiness::Blocked(reason) => {
                        let e = &self.entries[idx];
                        let result = CheckResult::skip(&e.id, &e.title, reason);
                        self.record(idx, result);
                        changed = true;
                    }
                }
            }
            if !changed {
                return;
            }
        }
    }

    fn readiness(&self, idx: usize) -> Readiness {
        let mut prerequisites = Vec::new();
        for need in &self.entries[idx].needs {
            let Some(dep) = self.entries.iter().find(|e| &e.id == need) else {
                return Readiness::Blocked(format!(
                    "Not run: it needs the check {need}, which is not part of this run."
                ));
            };
            match &dep.slot {
                Slot::Done(r) if matches!(r.status, CheckStatus::Pass | CheckStatus::Warn) => {
                    prerequisites.push((**r).clone());
                }
                Slot::Done(_) => {
                    return Readiness::Blocked(format!(
                        "Not run: it needs “{}” ({}) to pass first.",
                        dep.title, dep.id
                    ))
                }
                _ => return Readiness::Waiting,
            }
        }
        Readiness::Ready(prerequisites)
    }

    fn spawn(&mut self, idx: usize, prerequisites: Vec<CheckResult>) {
        let Slot::Pending(run) = std::mem::replace(&mut self.entries[idx].slot, Slot::Running)
        else {
            unreachable!("only pending checks are spawned");
        };
        let ctx = RunCtx {
            run_id: self.run_id.clone(),
            cancel: self.cancel.clone(),
            prerequisites,
        };
        let (id, title) = (
            self.entries[idx].id.clone(),
            self.entries[idx].title.clone(),
        );
        let semaphore = Arc::clone(&self.semaphore);
        let events = Arc::clone(&self.events);
        let handle = self.tasks.spawn(async move {
            // Waiting for a permit happens inside the task so that the loop in
            // `drive` keeps reacting to cancellation and the deadline.
            let _permit = semaphore
                .acquire_owned()
                .await
                .expect("the run's semaphore is never closed");
            events(RunEvent::CheckStarted { id, title });
            let started = Instant::now();
            let mut result = run(ctx).await;
            result.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            result
        });
        self.task_entry.insert(handle.id(), idx);
    }

    fn skip_unfinished(&mut self, reason: impl Fn(&Entry) -> String) {
        for idx in 0..self.entries.len() {
            if matches!(self.entries[idx].slot, Slot::Done(_)) {
                continue;
            }
            let e = &self.entries[idx];
            let result = CheckResult::skip(&e.id, &e.title, reason(e));
            self.record(idx, result);
        }
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// A check that panicked is a bug in Onramp, not in the user's setup: say so.
fn panic_result(entry: &Entry, err: JoinError) -> CheckResult {
    let detail = match err.try_into_panic() {
        Ok(payload) => payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no details".into()),
        Err(e) => e.to_string(),
    };
    CheckResult::fail(
        &entry.id,
        &entry.title,
        "The check stopped because of an internal error in Onramp.",
        Diagnosis::new(
            format!("Onramp hit an unexpected condition while running this check ({detail})."),
            "Run the checks again; if this keeps happening, export the report and send it to support.",
            "Onramp > Validate",
        ),
    )
}
