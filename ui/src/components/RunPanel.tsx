import { useEffect, useState, type ReactNode } from "react";
import type { CheckResult, RunSummary, StepDef } from "../api";
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
  /** The setup's wizard steps: a failure of an earlier step's check leads. */
  steps?: readonly StepDef[];
}

/** What "Re-run failed checks" runs: failures, and checks skipped because of them. */
export function toRerun(results: CheckResult[]): string[] {
  return results.filter((r) => r.status === "fail" || r.status === "skip").map((r) => r.id);
}

/** Where a check's step is in the wizard; checks no step confirms come last. */
function stepRank(steps: readonly StepDef[], id: string): number {
  const at = steps.findIndex((s) => s.checks.includes(id));
  return at === -1 ? steps.length : at;
}

/**
 * What to do after a finished run: fix the failure of the earliest wizard step
 * (its own fix), or go on. Checks run side by side, so arrival order alone
 * would make the advice depend on timing when one cause fails two checks.
 */
export function nextAction(summary: RunSummary, results: CheckResult[], steps: readonly StepDef[] = []): string {
  if (summary.cancelled || summary.timed_out) return "run the checks again to see every result.";
  const first = results
    .filter((r) => r.status === "fail")
    .reduce<CheckResult | undefined>(
      (best, r) => (best === undefined || stepRank(steps, r.id) < stepRank(steps, best.id) ? r : best),
      undefined,
    );
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
export function RunPanel({ setupId, onFinished, after, takeAutoStart, steps }: Props) {
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

      {run.summary !== null && <RunSummaryView summary={run.summary} next={nextAction(run.summary, run.results, steps)} />}

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
