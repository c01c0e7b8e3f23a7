import type { RunSummary } from "../api";

/** The end of a run in one sentence, plus whether it was cut short, and what to do next. */
export function RunSummaryView({ summary, next }: { summary: RunSummary; next?: string | null }) {
  const ok = summary.failed === 0 && !summary.cancelled && !summary.timed_out;
  return (
    <section className={`run-summary ${ok ? "ok" : "not-ok"}`} aria-label="Run summary" role="status">
      <h3>
        <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
        {summary.cancelled
          ? "Run cancelled"
          : summary.timed_out
            ? "Run stopped: time limit reached"
            : !ok
              ? "Some checks failed"
              : summary.warned > 0
                ? "Checks passed, with warnings"
                : "All checks passed"}
      </h3>
      <p>
        {summary.passed} passed, {summary.failed} failed, {summary.warned} warnings, {summary.skipped} skipped.
      </p>
      {next != null && (
        <p className="run-next" data-testid="run-next">
          <strong>Next: </strong>
          {next}
        </p>
      )}
    </section>
  );
}
