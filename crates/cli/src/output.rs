//! How results reach the user: a summary on stdout (human table or JSON) and
//! progress lines on stderr, so `--json` output can be piped untouched.

use std::io::Write;
use std::process::ExitCode;

use onramp_core::check::{CheckResult, CheckStatus, DiffStatus};
use onramp_core::runner::RunEvent;
use onramp_core::RunVerdict;

/// Prints the results and returns the exit code of `verdict`
/// (docs/exit-codes.md): a run that checked nothing is never a success.
pub fn print_checks(results: &[CheckResult], json: bool, verdict: RunVerdict) -> ExitCode {
    let text = if json {
        let doc = serde_json::json!({ "checks": results });
        serde_json::to_string_pretty(&doc).expect("check results always serialise")
    } else {
        human(results)
    };
    // A closed pipe (e.g. `| head`) is not worth a panic.
    let _ = writeln!(std::io::stdout().lock(), "{text}");
    ExitCode::from(verdict.exit_code())
}

fn label(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Pass => "PASS",
        CheckStatus::Fail => "FAIL",
        CheckStatus::Warn => "WARN",
        CheckStatus::Skip => "SKIP",
    }
}

fn human(results: &[CheckResult]) -> String {
    let id_width = results.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for r in results {
        out.push_str(&format!(
            "{}  {:<id_width$}  {}\n",
            label(r.status),
            r.id,
            r.summary
        ));
        if let Some(d) = r
            .diagnosis
            .as_ref()
            .filter(|_| r.status != CheckStatus::Pass)
        {
            out.push_str(&format!("      cause: {}\n", d.cause));
            out.push_str(&format!("      fix:   {}\n", d.fix));
            out.push_str(&format!("      where: {}\n", d.where_));
        }
        if let Some(diff) = &r.diff {
            for row in diff.rows.iter().filter(|row| row.status != DiffStatus::Ok) {
                out.push_str(&format!(
                    "      {:?}: {} ({}) required {}, actual {}\n",
                    row.status,
                    row.name,
                    row.id,
                    row.required.as_deref().unwrap_or("-"),
                    row.actual.as_deref().unwrap_or("-"),
                ));
            }
        }
    }
    let count = |s: CheckStatus| results.iter().filter(|r| r.status == s).count();
    out.push_str(&format!(
        "\n{} passed, {} failed, {} warnings, {} skipped",
        count(CheckStatus::Pass),
        count(CheckStatus::Fail),
        count(CheckStatus::Warn),
        count(CheckStatus::Skip)
    ));
    out
}

/// One stderr line per run event, for `run_suite`'s `on_event`.
pub fn progress_printer() -> impl Fn(RunEvent) + Send + Sync + 'static {
    |event| eprintln!("{}", progress_line(&event))
}

fn progress_line(event: &RunEvent) -> String {
    match event {
        RunEvent::Started { total, .. } => format!("Running {total} checks..."),
        RunEvent::CheckStarted { title, .. } => format!("  ...  {title}"),
        RunEvent::CheckFinished { result } => format!(
            "  {}  {} ({} ms)",
            label(result.status),
            result.title,
            result.duration_ms
        ),
        RunEvent::Finished { summary } => {
            let stopped = if summary.cancelled {
                " (cancelled)"
            } else if summary.timed_out {
                " (deadline reached)"
            } else {
                ""
            };
            format!(
                "Done{stopped}: {} passed, {} failed, {} warnings, {} skipped.",
                summary.passed, summary.failed, summary.warned, summary.skipped
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use onramp_core::check::Diagnosis;

    use super::*;

    fn failing() -> CheckResult {
        CheckResult::fail(
            "netsuite.auth",
            "Login",
            "NetSuite refused the login.",
            Diagnosis::new("Wrong realm.", "Use 123456_SB1.", "Setup > Company"),
        )
    }

    #[test]
    fn human_output_explains_failures_and_counts() {
        let results = [
            CheckResult::pass("netsuite.account", "Account", "Found."),
            failing(),
        ];
        let text = human(&results);
        assert!(text.contains("FAIL  netsuite.auth     NetSuite refused the login."));
        assert!(text.contains("cause: Wrong realm."));
        assert!(text.contains("fix:   Use 123456_SB1."));
        assert!(text.contains("where: Setup > Company"));
        assert!(text.ends_with("1 passed, 1 failed, 0 warnings, 0 skipped"));
    }

    #[test]
    fn json_shape_flattens_the_diagnosis() {
        let doc = serde_json::json!({ "checks": [failing()] });
        let check = &doc["checks"][0];
        assert_eq!(check["status"], "fail");
        assert_eq!(check["cause"], "Wrong realm.");
        assert_eq!(check["where"], "Setup > Company");
    }
}
