use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::*;

fn pass_after(id: &'static str, ms: u64) -> CheckSpec {
    CheckSpec::new(id, format!("Check {id}"), move |_| async move {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        CheckResult::pass(id, format!("Check {id}"), "ok")
    })
}

fn fail_now(id: &'static str) -> CheckSpec {
    CheckSpec::new(id, format!("Check {id}"), move |_| async move {
        CheckResult::fail(
            id,
            format!("Check {id}"),
            "broken",
            Diagnosis::new("c", "f", "w"),
        )
    })
}

fn opts(concurrency: usize) -> RunOptions {
    RunOptions {
        concurrency,
        ..RunOptions::default()
    }
}

/// Collects every event so tests can assert on order.
fn recorder() -> (Arc<Mutex<Vec<RunEvent>>>, impl Fn(RunEvent) + Send + Sync) {
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&log);
    (log, move |e| sink.lock().unwrap().push(e))
}

fn status_of<'a>(results: &'a [CheckResult], id: &str) -> &'a CheckResult {
    results.iter().find(|r| r.id == id).unwrap()
}

#[tokio::test(start_paused = true)]
async fn prerequisites_finish_before_dependents_start() {
    let (log, sink) = recorder();
    // Listed in reverse so suite order cannot explain the execution order.
    let suite = vec![
        pass_after("c", 1).needs(["b"]),
        pass_after("b", 5).needs(["a"]),
        pass_after("a", 10),
    ];
    let (summary, results) = run_suite(suite, opts(4), sink).await;
    assert_eq!(summary.passed, 3);
    assert_eq!(
        results.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["c", "b", "a"],
        "results come back in suite order"
    );
    let order: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match e {
            RunEvent::CheckStarted { id, .. } => Some(format!("start {id}")),
            RunEvent::CheckFinished { result } => Some(format!("end {}", result.id)),
            _ => None,
        })
        .collect();
    assert_eq!(
        order,
        ["start a", "end a", "start b", "end b", "start c", "end c"]
    );
}

#[tokio::test(start_paused = true)]
async fn failed_prerequisite_skips_dependents_and_names_it() {
    let suite = vec![
        fail_now("auth"),
        pass_after("perms", 1).needs(["auth"]),
        pass_after("probe", 1).needs(["perms"]),
        pass_after("clock", 1),
    ];
    let (summary, results) = run_suite(suite, opts(2), |_| {}).await;
    let perms = status_of(&results, "perms");
    assert_eq!(perms.status, CheckStatus::Skip);
    assert!(perms.summary.contains("Check auth") && perms.summary.contains("(auth)"));
    // Skips cascade: probe names its own prerequisite, which was skipped.
    let probe = status_of(&results, "probe");
    assert_eq!(probe.status, CheckStatus::Skip);
    assert!(probe.summary.contains("(perms)"), "{}", probe.summary);
    assert_eq!((summary.passed, summary.failed, summary.skipped), (1, 1, 2));
}

#[tokio::test(start_paused = true)]
async fn warn_satisfies_a_prerequisite_and_results_reach_the_dependent() {
    let warn = CheckSpec::new("skew", "Clock", |_| async {
        CheckResult::warn("skew", "Clock", "drift", Diagnosis::new("c", "f", "w"))
    });
    let dependent = CheckSpec::new("auth", "Login", |ctx: RunCtx| async move {
        let seen: Vec<_> = ctx.prerequisites.iter().map(|r| r.id.clone()).collect();
        CheckResult::pass("auth", "Login", seen.join(","))
    })
    .needs(["skew"]);
    let (_, results) = run_suite(vec![warn, dependent], opts(1), |_| {}).await;
    assert_eq!(status_of(&results, "auth").status, CheckStatus::Pass);
    assert_eq!(status_of(&results, "auth").summary, "skew");
}

#[tokio::test(start_paused = true)]
async fn unknown_and_circular_prerequisites_are_skipped_with_a_reason() {
    let suite = vec![
        pass_after("a", 1).needs(["nope"]),
        pass_after("x", 1).needs(["y"]),
        pass_after("y", 1).needs(["x"]),
    ];
    let (summary, results) = run_suite(suite, opts(2), |_| {}).await;
    assert!(status_of(&results, "a").summary.contains("nope"));
    assert!(status_of(&results, "x").summary.contains("circle"));
    assert_eq!(summary.skipped, 3);
    assert!(!summary.cancelled && !summary.timed_out);
}

#[tokio::test(start_paused = true)]
async fn concurrency_never_exceeds_the_limit() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let max_seen = Arc::new(AtomicUsize::new(0));
    let suite = (0..12)
        .map(|i| {
            let (in_flight, max_seen) = (Arc::clone(&in_flight), Arc::clone(&max_seen));
            CheckSpec::new(format!("c{i}"), "busy", move |_| async move {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                max_seen.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(10 + i)).await;
                in_flight.fetch_sub(1, Ordering::SeqCst);
                CheckResult::pass(format!("c{i}"), "busy", "ok")
            })
        })
        .collect();
    let (summary, _) = run_suite(suite, opts(3), |_| {}).await;
    assert_eq!(summary.passed, 12);
    assert_eq!(
        max_seen.load(Ordering::SeqCst),
        3,
        "limit reached but never exceeded"
    );
}

#[tokio::test(start_paused = true)]
async fn durations_are_measured_per_check() {
    let (_, results) = run_suite(vec![pass_after("slow", 250)], opts(1), |_| {}).await;
    assert!(results[0].duration_ms >= 250, "{}", results[0].duration_ms);
}

#[tokio::test(start_paused = true)]
async fn cancel_mid_run_skips_unfinished_checks() {
    let cancel = CancellationToken::new();
    let trigger = cancel.clone();
    let (log, record) = recorder();
    let sink = move |e: RunEvent| {
        if matches!(&e, RunEvent::CheckStarted { id, .. } if id == "slow") {
            trigger.cancel();
        }
        record(e);
    };
    let cleanup_saw_cancel = Arc::new(AtomicUsize::new(0));
    let flag = Arc::clone(&cleanup_saw_cancel);
    let slow = CheckSpec::new("slow", "Slow", move |ctx: RunCtx| async move {
        let token = ctx.cancel.clone();
        tokio::spawn(async move {
            token.cancelled().await;
            flag.fetch_add(1, Ordering::SeqCst);
        });
        tokio::time::sleep(Duration::from_secs(3600)).await;
        CheckResult::pass("slow", "Slow", "never")
    })
    .needs(["fast"]);
    let suite = vec![
        pass_after("fast", 1),
        slow,
        pass_after("after", 1).needs(["slow"]),
    ];
    let options = RunOptions {
        concurrency: 2,
        deadline: None,
        cancel,
    };
    let (summary, results) = run_suite(suite, options, sink).await;
    assert!(summary.cancelled && !summary.timed_out);
    assert_eq!(status_of(&results, "fast").status, CheckStatus::Pass);
    for id in ["slow", "after"] {
        let r = status_of(&results, id);
        assert_eq!(
            (r.status, r.summary.as_str()),
            (CheckStatus::Skip, "cancelled")
        );
    }
    tokio::task::yield_now().await;
    assert_eq!(
        cleanup_saw_cancel.load(Ordering::SeqCst),
        1,
        "checks see the token"
    );
    let events = log.lock().unwrap();
    assert!(matches!(events.last(), Some(RunEvent::Finished { summary }) if summary.cancelled));
}

#[tokio::test(start_paused = true)]
async fn deadline_reports_timed_out_without_cancelling_the_callers_token() {
    let cancel = CancellationToken::new();
    let options = RunOptions {
        concurrency: 1,
        deadline: Some(Duration::from_secs(5)),
        cancel: cancel.clone(),
    };
    let suite = vec![pass_after("quick", 1), pass_after("stuck", 3_600_000)];
    let (summary, results) = run_suite(suite, options, |_| {}).await;
    assert!(summary.timed_out && !summary.cancelled);
    assert!(!cancel.is_cancelled());
    assert_eq!(status_of(&results, "quick").status, CheckStatus::Pass);
    assert_eq!(status_of(&results, "stuck").summary, "deadline reached");
}

#[tokio::test(start_paused = true)]
async fn a_panicking_check_fails_without_stopping_the_run() {
    let boom = CheckSpec::new("boom", "Boom", |_| async {
        panic!("index out of range");
    });
    let suite = vec![
        boom,
        pass_after("other", 5),
        pass_after("after", 1).needs(["boom"]),
    ];
    let (log, sink) = recorder();
    let (summary, results) = run_suite(suite, opts(2), sink).await;
    let boom = status_of(&results, "boom");
    assert_eq!(boom.status, CheckStatus::Fail);
    assert!(boom
        .diagnosis
        .as_ref()
        .unwrap()
        .cause
        .contains("index out of range"));
    assert_eq!(status_of(&results, "other").status, CheckStatus::Pass);
    assert_eq!(status_of(&results, "after").status, CheckStatus::Skip);
    assert_eq!((summary.passed, summary.failed, summary.skipped), (1, 1, 1));
    let events = log.lock().unwrap();
    assert!(
        matches!(&events[0], RunEvent::Started { total: 3, run_id } if *run_id == summary.run_id)
    );
    let finished = events
        .iter()
        .filter(|e| matches!(e, RunEvent::CheckFinished { .. }))
        .count();
    assert_eq!(finished, 3, "one CheckFinished per check, skips included");
}

#[test]
fn events_serialise_with_a_type_tag() {
    let e = RunEvent::CheckStarted {
        id: "netsuite.auth".into(),
        title: "Login".into(),
    };
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["type"], "check_started");
    assert_eq!(v["id"], "netsuite.auth");
}

#[tokio::test(start_paused = true)]
async fn a_run_cancelled_before_it_starts_runs_nothing() {
    let ran = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&ran);
    let check = CheckSpec::new("a", "A", move |_| async move {
        counter.fetch_add(1, Ordering::SeqCst);
        CheckResult::pass("a", "A", "ok")
    });
    let options = RunOptions::default();
    options.cancel.cancel();
    let (summary, results) = run_suite(vec![check], options, |_| {}).await;
    assert!(summary.cancelled);
    assert_eq!(results[0].summary, "cancelled");
    assert_eq!(ran.load(Ordering::SeqCst), 0);
}
