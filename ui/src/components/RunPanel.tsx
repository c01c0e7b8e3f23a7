import { useEffect, useState, type ReactNode } from "react";
import type { CheckResult, RunSummary } from "../api";
import { useRun, type Run } from "../hooks/useRun";
import { CheckResultItem } from "./CheckResultItem";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressBar } from "./ProgressBar";
import { RunSummaryView } from "./RunSummaryView";

interface Props {
  setupId: string;
  onFinished?: (summary: RunSummary) => void;
  /** Shown after the results, e.g. Practice mode's "make this change". */
  after?: (run: Run) => ReactNode;
  /** Asked once as the panel opens: true starts the run without a click. */
  takeAutoStart?: () => boolean;
}

/** What "Re-run failed checks" runs: failures, and checks skipped because of them. */
export function toRerun(results: CheckResult[]): string[] {
  return results.filter((r) => r.status === "fail" || r.status === "skip").map((r) => r.id);
}

/** What to do after a finished run: fix the first failure (its own fix), or go on. */
export function nextAction(summary: RunSummary, results: CheckResult[]): string {
  if (summary.cancelled || summary.timed_out) return "run the checks again to see every result.";
  const first = results.find((r) => r.status === "fail");
  if (first === undefined && summary.passed + summary.warned === 0) {
    // Nothing proven: the skipped check that says why leads.
    const why = results.find((r) => "fix" in r);
    return why !== undefined && "fix" in why ? why.fix : "nothing could be checked; see why below.";
  }
  if (first === undefined) return "continue to the Report step to export the proof of this setup.";
  const fix = "fix" in first ? first.fix : null;
  return `fix “${first.title}”${fix !== null ? `: ${fix}` : " (see below)."} Then re-run the failed checks.`;
}

/** Starts a validation run and shows each check as it finishes. */
export function RunPanel({ setupId, onFinished, after, takeAutoStart }: Props) {
  const run = useRun(setupId, onFinished, true);
  const { start } = run;
  useEffect(() => {
    if (takeAutoStart?.() === true) start();
  }, [takeAutoStart, start]);
  // Results a re-run did not repeat stay visible, marked as earlier.
  const [earlier, setEarlier] = useState<CheckResult[]>([]);
  const active = run.phase === "starting" || run.phase === "running" || run.phase === "cancelling";
  const rerun = run.phase === "finished" ? toRerun(run.results) : [];
  const hasFailures = run.results.some((r) => r.status === "fail");
  const partial = run.only !== null;

  function startAll() {
    setEarlier([]);
    run.start();
  }

  function startFailed() {
    setEarlier([...earlier.filter((r) => !rerun.includes(r.id)), ...run.results.filter((r) => !rerun.includes(r.id))]);
    run.start(rerun);
  }

  return (
    <section className="run-panel" aria-label="Validation run">
      <div className="actions">
        <button type="button" className="button primary" data-testid="run-start" onClick={startAll} disabled={active}>
          {run.phase === "idle" ? "Run checks" : "Run all checks again"}
        </button>
        {!active && hasFailures && (
          <button type="button" className="button" data-testid="run-failed" onClick={startFailed}>
            Re-run failed checks ({rerun.length})
          </button>
        )}
        {active && (
          <button
            type="button"
            className="button"
            data-testid="run-cancel"
            onClick={run.cancel}
            disabled={run.runId === null || run.phase === "cancelling"}
          >
            {run.phase === "cancelling" ? "Cancelling…" : "Cancel"}
          </button>
        )}
      </div>

      {run.phase !== "idle" && run.phase !== "failed" && (
        <ProgressBar done={run.results.length} total={run.total} label="Checks finished" />
      )}

      {run.inProgress.length > 0 && (
        <p className="muted" aria-live="polite">
          Checking: {run.inProgress.map((c) => c.title).join(", ")}…
        </p>
      )}

      {partial && run.phase === "finished" && (
        <p role="status" data-testid="rerun-verdict" className={hasFailures ? "check-verdict fail" : "check-verdict pass"}>
          {hasFailures
            ? "Re-run: some checks still fail."
            : "Re-run: every check that failed now passes, so the setup is recorded as validated."}
        </p>
      )}

      {run.summary !== null && <RunSummaryView summary={run.summary} next={nextAction(run.summary, run.results)} />}

      <ol className="check-list" data-testid="run-results" aria-label="Check results" aria-live="polite">
        {run.results.map((result) => (
          <CheckResultItem key={result.id} result={result} />
        ))}
      </ol>

      {earlier.length > 0 && (
        <details className="earlier-results">
          <summary>Earlier results, not re-run ({earlier.length})</summary>
          <ol className="check-list" aria-label="Earlier results">
            {earlier.map((result) => (
              <CheckResultItem key={result.id} result={result} />
            ))}
          </ol>
        </details>
      )}

      {run.error !== null && <ErrorPanel error={run.error} title="The checks could not run" />}
      {after?.(run)}
    </section>
  );
}
