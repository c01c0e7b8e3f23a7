import type { ReactNode } from "react";
import type { RotationOutcome, RunEvent } from "../../api";
import { useProof } from "../../hooks/useProof";
import { CheckResultItem } from "../CheckResultItem";
import { ErrorPanel } from "../ErrorPanel";
import { ProgressBar } from "../ProgressBar";

interface Props<T> {
  label: string;
  prove: (onEvent: (e: RunEvent) => void) => Promise<T>;
  rotationOf: (outcome: T) => RotationOutcome;
  /** Extra lines for the outcome (who the credentials act as). */
  details?: (outcome: T) => ReactNode;
  disabled?: boolean;
  onDone: () => void;
}

/** Proves new credentials with a full run; nothing is replaced unless it passes. */
export function ProofPanel<T>({ label, prove, rotationOf, details, disabled, onDone }: Props<T>) {
  const proof = useProof(async (onEvent) => {
    const outcome = await prove(onEvent);
    onDone();
    return outcome;
  });
  const active = proof.phase === "running" || proof.phase === "cancelling";
  const rotation = proof.outcome === null ? null : rotationOf(proof.outcome);
  const failed = (rotation?.checks ?? []).filter((c) => c.status === "fail");

  return (
    <section className="proof" aria-label={label}>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="proof-start"
          disabled={active || disabled === true}
          onClick={() => void proof.start()}
        >
          {label}
        </button>
        {active && (
          <button type="button" className="button" data-testid="proof-cancel" onClick={proof.cancel} disabled={proof.phase === "cancelling"}>
            {proof.phase === "cancelling" ? "Cancelling…" : "Cancel"}
          </button>
        )}
      </div>
      {active && <ProgressBar done={proof.results.length} total={proof.total} label="Checks finished" />}
      {proof.error !== null && <ErrorPanel error={proof.error} title="Could not prove the new credentials" />}
      {rotation !== null && proof.outcome !== null && (
        <div
          role="status"
          data-testid="proof-outcome"
          data-proven={rotation.proven ? "yes" : "no"}
          className={`check-verdict ${rotation.proven ? "pass" : "fail"}`}
        >
          <p>
            {rotation.proven
              ? `Proven: ${rotation.summary.passed} checks passed with the new credentials, which now replace the old ones in the keychain.`
              : "Not proven: nothing was replaced."}
          </p>
          {details?.(proof.outcome)}
          <h4>Next</h4>
          <ol data-testid="proof-next-steps">
            {rotation.next_steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </div>
      )}
      {failed.length > 0 && (
        <ul className="checks" data-testid="proof-failures">
          {failed.map((r) => (
            <CheckResultItem key={r.id} result={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
