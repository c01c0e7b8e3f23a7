import type { RunSummary } from "../api";

/** The end of a run in one sentence, plus whether it was cut short, and what to do next. */
export function RunSummaryView({ summary, next }: { summary: RunSummary; next?: string | null }) {
  // A run where every check skipped proved nothing: never a tick.
  const provedNothing = summary.passed + summary.warned === 0;
  const ok = summary.failed === 0 && !summary.cancelled && !summary.timed_out && !provedNothing;
  return (
    <section className={`run-summary ${ok ? "ok" : "not-ok"}`} aria-label="Run summary" role="status">
      <h3>
        <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
        {summary.cancelled
          ? "Run cancelled"
          : summary.timed_out
            ? "Run stopped: time limit reached"
            : summary.failed > 0
              ? "Some checks failed"
              : provedNothing
                ? "Not proven: no check could run"
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
