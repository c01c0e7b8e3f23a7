//! Partial runs: "check this step" and "re-run failed checks" run a few checks
//! of a suite, plus whatever those checks need, so that a check never reports
//! "skipped: its prerequisite is not part of this run".

use std::collections::BTreeSet;

use super::model::Suite;

/// Ids asked for that the suite does not have (a typo, or a check another
/// sign-in method or profile does not include).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no such check in this setup's suite: {}", .0.join(", "))]
pub struct UnknownChecks(pub Vec<String>);

/// Keeps the checks named in `only` and, transitively, the checks they
/// `need`, in suite order. Everything else is dropped, not skipped: a partial
/// run reports only what it ran.
pub fn select(suite: Suite, only: &[String]) -> Result<Suite, UnknownChecks> {
    let unknown: Vec<String> = only
        .iter()
        .filter(|id| !suite.iter().any(|c| &c.id == *id))
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(UnknownChecks(unknown));
    }
    let mut keep: BTreeSet<&str> = BTreeSet::new();
    let mut queue: Vec<&str> = only.iter().map(String::as_str).collect();
    while let Some(id) = queue.pop() {
        if !keep.insert(id) {
            continue;
        }
        if let Some(check) = suite.iter().find(|c| c.id == id) {
            queue.extend(check.needs.iter().map(String::as_str));
        }
    }
    let keep: BTreeSet<String> = keep.into_iter().map(str::to_owned).collect();
    Ok(suite.into_iter().filter(|c| keep.contains(&c.id)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckResult;
    use crate::runner::{run_suite, CheckSpec, RunOptions};

    fn check(id: &'static str, needs: &[&'static str]) -> CheckSpec {
        CheckSpec::new(
            id,
            id,
            move |_| async move { CheckResult::pass(id, id, "ok") },
        )
        .needs(needs.iter().copied())
    }

    /// sender ← login ← {entity, user}; entity ← objects; company stands alone.
    fn suite() -> Suite {
        vec![
            check("sender", &[]),
            check("login", &["sender"]),
            check("entity", &["login"]),
            check("company", &[]),
            check("user", &["login"]),
            check("objects", &["login", "entity"]),
        ]
    }

    fn ids(suite: &Suite) -> Vec<&str> {
        suite.iter().map(|c| c.id.as_str()).collect()
    }

    fn only(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keeps_the_named_checks_and_everything_they_need_in_suite_order() {
        let picked = select(suite(), &only(&["objects"])).unwrap();
        assert_eq!(ids(&picked), ["sender", "login", "entity", "objects"]);
        let picked = select(suite(), &only(&["company", "user"])).unwrap();
        assert_eq!(ids(&picked), ["sender", "login", "company", "user"]);
    }

    #[test]
    fn a_check_without_prerequisites_runs_alone() {
        let picked = select(suite(), &only(&["company"])).unwrap();
        assert_eq!(ids(&picked), ["company"]);
    }

    #[test]
    fn unknown_ids_are_named_and_nothing_is_selected() {
        let err = select(suite(), &only(&["user", "netsuite.nope", "typo"])).unwrap_err();
        assert_eq!(err.0, ["netsuite.nope", "typo"]);
        assert!(err.to_string().contains("netsuite.nope, typo"), "{err}");
    }

    #[test]
    fn prerequisites_in_a_circle_do_not_loop_forever() {
        let circle = vec![check("a", &["b"]), check("b", &["a"]), check("c", &[])];
        let picked = select(circle, &only(&["a"])).unwrap();
        assert_eq!(ids(&picked), ["a", "b"]);
    }

    #[tokio::test]
    async fn a_partial_run_reports_only_what_it_ran() {
        let picked = select(suite(), &only(&["user"])).unwrap();
        let (summary, results) = run_suite(picked, RunOptions::default(), |_| {}).await;
        assert_eq!(summary.passed, 3, "user plus login and sender: {results:?}");
        assert_eq!(summary.skipped, 0);
        assert!(results
            .iter()
            .all(|r| r.id != "objects" && r.id != "company"));
    }
}
