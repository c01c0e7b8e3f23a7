//! What a finished run means to a script: the process exit code of a check
//! command. "Nothing was checked" must never look like success to cron or CI,
//! so a run that proved nothing (every check skipped, the deadline reached, the
//! run cancelled) has its own code. The codes are documented in docs/exit-codes.md.

use crate::check::{CheckResult, CheckStatus};
use crate::runner::RunSummary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunVerdict {
    /// Every check ran; none failed (warnings allowed).
    AllPassed,
    /// At least one check failed: the setup needs fixing.
    SomeFailed,
    /// Nothing, or not everything, was checked: deadline reached, cancelled,
    /// or every check skipped. The setup is unproven.
    CouldNotCheck,
    /// The command itself was wrong or could not start (bad arguments, an
    /// unreadable profile or key): no check was attempted.
    Usage,
}

impl RunVerdict {
    /// The verdict of a run the runner finished.
    pub fn of_summary(s: &RunSummary) -> Self {
        if s.failed > 0 {
            Self::SomeFailed
        } else if s.timed_out || s.cancelled || s.passed + s.warned == 0 {
            Self::CouldNotCheck
        } else {
            Self::AllPassed
        }
    }

    /// The verdict from results alone (no summary at hand): `incomplete` is
    /// true when the run stopped early (deadline or cancel).
    pub fn of_results(results: &[CheckResult], incomplete: bool) -> Self {
        let count = |st: CheckStatus| results.iter().filter(|r| r.status == st).count();
        if count(CheckStatus::Fail) > 0 {
            Self::SomeFailed
        } else if incomplete || count(CheckStatus::Pass) + count(CheckStatus::Warn) == 0 {
            Self::CouldNotCheck
        } else {
            Self::AllPassed
        }
    }

    /// The process exit code: 0, 1, 3 or 2 (2 is also what the argument
    /// parser uses for a usage error).
    pub const fn exit_code(self) -> u8 {
        match self {
            Self::AllPassed => 0,
            Self::SomeFailed => 1,
            Self::Usage => 2,
            Self::CouldNotCheck => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(passed: u32, failed: u32, warned: u32, skipped: u32, timed_out: bool) -> RunSummary {
        RunSummary {
            run_id: "r".into(),
            passed,
            failed,
            warned,
            skipped,
            cancelled: false,
            timed_out,
            started_at: String::new(),
            finished_at: String::new(),
        }
    }

    fn result(status: CheckStatus) -> CheckResult {
        CheckResult::new("c", "C", status, "s")
    }

    #[test]
    fn a_run_that_checked_nothing_is_not_a_success() {
        // Every check skipped because the deadline was reached.
        let s = summary(0, 0, 0, 5, true);
        assert_eq!(RunVerdict::of_summary(&s), RunVerdict::CouldNotCheck);
        assert_eq!(RunVerdict::of_summary(&s).exit_code(), 3);
        // Deadline 0: nothing ran at all.
        assert_eq!(
            RunVerdict::of_summary(&summary(0, 0, 0, 0, false)),
            RunVerdict::CouldNotCheck
        );
        let skipped = [result(CheckStatus::Skip), result(CheckStatus::Skip)];
        assert_eq!(
            RunVerdict::of_results(&skipped, false),
            RunVerdict::CouldNotCheck
        );
        assert_eq!(
            RunVerdict::of_results(&[], false),
            RunVerdict::CouldNotCheck
        );
    }

    #[test]
    fn partial_runs_and_failures() {
        // Some passed, then the deadline hit: unproven.
        assert_eq!(
            RunVerdict::of_summary(&summary(3, 0, 0, 2, true)),
            RunVerdict::CouldNotCheck
        );
        // A failure wins: there is something to fix either way.
        assert_eq!(
            RunVerdict::of_summary(&summary(3, 1, 0, 2, true)),
            RunVerdict::SomeFailed
        );
        assert_eq!(
            RunVerdict::of_summary(&summary(3, 0, 1, 1, false)),
            RunVerdict::AllPassed
        );
        let mixed = [result(CheckStatus::Pass), result(CheckStatus::Fail)];
        assert_eq!(RunVerdict::of_results(&mixed, false).exit_code(), 1);
        let ok = [result(CheckStatus::Pass), result(CheckStatus::Warn)];
        assert_eq!(RunVerdict::of_results(&ok, false).exit_code(), 0);
        assert_eq!(RunVerdict::of_results(&ok, true).exit_code(), 3);
        assert_eq!(RunVerdict::Usage.exit_code(), 2);
    }
}
