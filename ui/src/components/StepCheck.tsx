import { useRun } from "../hooks/useRun";
import type { StepDef } from "../model/steps";
import { CheckResultItem } from "./CheckResultItem";
import { ErrorPanel } from "./ErrorPanel";

/** The backend names missing keychain values with this prefix (see erp_run). */
const NOT_STORED = "not stored yet";

/**
 * "I've done this — check it": runs the checks that confirm this step (and
 * what they need) and shows their results here, each failure as cause → fix → where.
 */
interface Props {
  setupId: string;
  step: StepDef;
  /**
   * Where the sign-in every check needs is set up, while it is not yet: the
   * check is then not offered; the step says so and links there.
   */
  signInFirst?: { title: string; number: number; onGoTo: () => void } | null;
  /** A finished (not cancelled) check: whether every check passed, to mark the step done or failed. */
  onVerdict?: (passed: boolean) => void;
}

export function StepCheck({ setupId, step, onVerdict, signInFirst = null }: Props) {
  const run = useRun(setupId, (summary) => {
    if (!summary.cancelled && !summary.timed_out) onVerdict?.(summary.failed === 0);
  });
  const checks = step.checks ?? [];
  if (checks.length === 0) return null;
  const active = run.phase === "starting" || run.phase === "running" || run.phase === "cancelling";
  const failed = run.results.filter((r) => r.status === "fail").length;
  const noCredentials = run.error?.message.startsWith(NOT_STORED) === true;
  if (signInFirst !== null && run.phase === "idle") {
    return (
      <section className="step-check" aria-label="Check this step" data-testid="check-it-panel">
        <p className="hint" data-testid="check-it-needs-sign-in">
          Onramp checks this step by signing in to the account, so it can check it once the sign-in is set up (step{" "}
          {signInFirst.number}, {signInFirst.title}).{" "}
          <button type="button" className="button small" data-testid="check-it-go-sign-in" onClick={signInFirst.onGoTo}>
            Go to {signInFirst.title}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section className="step-check" aria-labelledby={`step-check-${step.id}`} data-testid="check-it-panel">
      <h3 id={`step-check-${step.id}`} className="visually-hidden">
        Check this step
      </h3>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="check-it"
          disabled={active}
          onClick={() => run.start([...checks])}
        >
          {active ? "Checking…" : "I've done this — check it"}
        </button>
        {active && (
          <button type="button" className="button" onClick={run.cancel} disabled={run.runId === null}>
            Cancel
          </button>
        )}
      </div>
      {run.phase === "finished" && (
        <p role="status" className={failed > 0 ? "check-verdict fail" : "check-verdict pass"} data-testid="check-it-verdict">
          {failed > 0
            ? `Not done yet: ${failed} ${failed === 1 ? "check fails" : "checks fail"}. See how to fix below.`
            : "Confirmed: the checks for this step pass."}
        </p>
      )}
      {run.results.length > 0 && (
        <ol className="check-list" data-testid="check-it-results" aria-label="Results for this step" aria-live="polite">
          {run.results.map((result) => (
            <CheckResultItem key={result.id} result={result} />
          ))}
        </ol>
      )}
      {run.error !== null && (
        <ErrorPanel
          error={run.error}
          title={noCredentials ? "Store the credentials first: this check signs in with them" : "The check could not run"}
        />
      )}
    </section>
  );
}
