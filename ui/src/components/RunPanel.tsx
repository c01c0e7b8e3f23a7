import type { RunSummary } from "../api";
import { useRun } from "../hooks/useRun";
import { CheckResultItem } from "./CheckResultItem";
import { ErrorPanel } from "./ErrorPanel";
import { ProgressBar } from "./ProgressBar";
import { RunSummaryView } from "./RunSummaryView";

interface Props {
  setupId: string;
  onFinished?: (summary: RunSummary) => void;
}

/** Starts a validation run and shows each check as it finishes. */
export function RunPanel({ setupId, onFinished }: Props) {
  const run = useRun(setupId, onFinished);
  const active = run.phase === "starting" || run.phase === "running" || run.phase === "cancelling";

  return (
    <section className="run-panel" aria-label="Validation run">
      <div className="actions">
        <button type="button" className="button primary" data-testid="run-start" onClick={run.start} disabled={active}>
          {run.phase === "idle" ? "Run checks" : "Run checks again"}
        </button>
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

      <ol className="check-list" data-testid="run-results" aria-label="Check results" aria-live="polite">
        {run.results.map((result) => (
          <CheckResultItem key={result.id} result={result} />
        ))}
      </ol>

      {run.summary !== null && <RunSummaryView summary={run.summary} />}
      {run.error !== null && <ErrorPanel error={run.error} title="The checks could not run" />}
    </section>
  );
}
