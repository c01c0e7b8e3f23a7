use super::tests::sample;
use super::*;
use crate::runner::RunSummary;
use crate::state::StateError;

fn record(run_id: &str, at: &str, failed: u32) -> RunRecord {
    let mut r = sample();
    r.generated_at = at.into();
    r.summary = Some(RunSummary {
        run_id: run_id.into(),
        passed: 1,
        failed,
        warned: 0,
        skipped: 0,
        cancelled: false,
        timed_out: false,
        started_at: at.into(),
        finished_at: at.into(),
    });
    r
}

#[test]
fn saved_runs_read_back_newest_first_and_survive_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = RunStore::new(dir.path());
    // Sub-second digits of different lengths must still sort in time order.
    store
        .save("setup-1", &record("run-a", "2026-11-22T10:00:00.5Z", 1))
        .unwrap();
    store
        .save("setup-1", &record("run-b", "2026-11-22T10:00:00.45Z", 2))
        .unwrap();
    store
        .save("setup-1", &record("run-c", "2026-11-22T10:00:01Z", 0))
        .unwrap();

    let reopened = RunStore::new(dir.path());
    let ids: Vec<_> = reopened
        .list("setup-1")
        .unwrap()
        .into_iter()
        .map(|r| (r.run_id, r.failed))
        .collect();
    assert_eq!(
        ids,
        [
            ("run-c".into(), 0),
            ("run-a".into(), 1),
            ("run-b".into(), 2)
        ]
    );
    let latest = reopened.latest("setup-1").unwrap().unwrap();
    assert_eq!(latest.summary.unwrap().run_id, "run-c");
    // The full results are kept, not only the counts.
    let b = reopened.get("setup-1", "run-b").unwrap().unwrap();
    assert_eq!(b.checks, sample().checks);
    assert!(reopened.get("setup-1", "nope").unwrap().is_none());
    assert!(reopened.latest("other").unwrap().is_none());
}

#[test]
fn only_the_newest_runs_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = RunStore::new(dir.path());
    for i in 0..KEEP_PER_SETUP + 3 {
        let at = format!("2026-11-22T10:{:02}:00Z", i);
        store
            .save("s", &record(&format!("run-{i}"), &at, 0))
            .unwrap();
    }
    let list = store.list("s").unwrap();
    assert_eq!(list.len(), KEEP_PER_SETUP);
    assert_eq!(list[0].run_id, format!("run-{}", KEEP_PER_SETUP + 2));
    assert!(list.iter().all(|r| r.run_id != "run-2"));
}

#[test]
fn a_damaged_file_is_skipped_and_the_previous_run_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let store = RunStore::new(dir.path());
    store
        .save("s", &record("good", "2026-11-22T10:00:00Z", 0))
        .unwrap();
    std::fs::write(
        dir.path().join("s/29990101T000000000000000Z-bad.json"),
        "{trunc",
    )
    .unwrap();
    assert_eq!(
        store.latest("s").unwrap().unwrap().summary.unwrap().run_id,
        "good"
    );
    assert_eq!(store.list("s").unwrap().len(), 1);
}

#[test]
fn ids_that_are_not_plain_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = RunStore::new(dir.path().join("runs"));
    for bad in ["../x", "", "a/b", "a b"] {
        assert!(
            matches!(store.latest(bad), Err(StateError::Invalid(_))),
            "{bad:?}"
        );
    }
    assert!(matches!(
        store.save("s", &record("../../evil", "2026-11-22T10:00:00Z", 0)),
        Err(StateError::Invalid(_))
    ));
    assert!(!dir.path().join("evil.json").exists());
}

#[test]
fn removing_a_setup_forgets_its_runs() {
    let dir = tempfile::tempdir().unwrap();
    let store = RunStore::new(dir.path());
    store
        .save("s", &record("r", "2026-11-22T10:00:00Z", 0))
        .unwrap();
    store.remove_setup("s").unwrap();
    assert!(store.list("s").unwrap().is_empty());
    // Removing twice (or a setup that never ran) is fine.
    store.remove_setup("s").unwrap();
}
