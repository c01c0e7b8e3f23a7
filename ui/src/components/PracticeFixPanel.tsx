import { useCallback, useState } from "react";
import { api, toApiError, type ApiError, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { ERP_LABEL } from "../model/environment";
import { ErrorPanel } from "./ErrorPanel";
import { MenuPath } from "./MenuPath";

interface Props {
  setup: Setup;
  /** Called with the saved setup once the change is made. */
  onApplied: (setup: Setup) => void;
}

/**
 * Practice mode, after a failing run: the change a user would make in the
 * real ERP, made here in the simulated account so the re-run can pass.
 */
export function PracticeFixPanel({ setup, onApplied }: Props) {
  const load = useCallback(() => api.practiceFix(setup.id), [setup.id]);
  const { data: fix, error } = useLoad(load);
  const [busy, setBusy] = useState(false);
  const [applyError, setApplyError] = useState<ApiError | null>(null);
  const [appliedNow, setAppliedNow] = useState(false);
  if (error !== null) return <ErrorPanel error={error} title="Could not load the practice fix" />;
  if (fix === null || fix === undefined) return null;
  const applied = fix.applied || appliedNow;
  const erp = ERP_LABEL[setup.erp];
  const heading = fix.in_onramp ? "Practice: correct this in Onramp" : `Simulated ${erp}: make this change`;

  async function apply() {
    setBusy(true);
    setApplyError(null);
    try {
      const saved = await api.applyPracticeFix(setup.id);
      setAppliedNow(true);
      onApplied(saved);
    } catch (e) {
      setApplyError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="practice-fix" aria-labelledby="practice-fix-title" data-testid="practice-fix">
      <h3 id="practice-fix-title">
        <span className="badge env-practice">Simulation</span> {heading}
      </h3>
      <p>{fix.change}</p>
      <p className="where">
        <span className="where-label">Where: </span>
        <MenuPath path={fix.where} />
      </p>
      <p className="hint">
        {fix.in_onramp
          ? "Onramp makes this correction to the practice setup for you."
          : `Nothing real is changed: Onramp restarts its simulated ${erp} with this change made. The simulation stays as strict as the real service.`}
      </p>
      {applied ? (
        <p role="status" data-testid="practice-fix-applied">
          Done in the simulation.{" "}
          {fix.new_credentials
            ? "Store the new values on the Credentials step, then re-run the failed checks."
            : "Now re-run the failed checks."}
        </p>
      ) : (
        <button type="button" className="button primary" data-testid="practice-fix-apply" disabled={busy} onClick={() => void apply()}>
          {busy ? "Making the change…" : fix.in_onramp ? "Correct the setup" : `Make this change in the simulated ${erp}`}
        </button>
      )}
      {applyError !== null && <ErrorPanel error={applyError} title="Could not make the change" />}
    </section>
  );
}
