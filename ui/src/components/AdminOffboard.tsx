import { useState } from "react";
import { api, type OffboardPlan, type Offboarded, type Setup } from "../api";
import { ChangeDone, ChangePreview } from "./ChangePreview";
import { useAction } from "../hooks/useAction";
import { ErrorPanel } from "./ErrorPanel";

/** Offboard the integration user: what stops working, the click, the read-back and refused-login proof. */
export function AdminOffboard({ setup, onChanged }: { setup: Setup; onChanged: () => void }) {
  const [plan, setPlan] = useState<OffboardPlan | null>(null);
  const [done, setDone] = useState<Offboarded | null>(null);
  const { busy, error, run } = useAction();

  return (
    <section className="admin-action" aria-labelledby="admin-offboard-h">
      <h3 id="admin-offboard-h">Offboard the integration user</h3>
      <div className="actions">
        <button
          type="button"
          className="button"
          data-testid="admin-offboard-preview"
          disabled={busy}
          onClick={() => void run(async () => setPlan(await api.adminOffboardPlan(setup.id)))}
        >
          Preview what stops working
        </button>
      </div>
      {plan !== null && (
        <ChangePreview
          preview={plan.preview}
          testId="admin-offboard"
          busy={busy}
          confirm="Deactivate the user"
          onConfirm={() =>
            void run(async () => {
              setDone(await api.adminOffboard(setup.id));
              setPlan(null);
              onChanged();
            })
          }
        />
      )}
      {done !== null && (
        <>
          <ChangeDone change={done.change} testId="admin-offboard" />
          <p>{done.credentials_refused}</p>
        </>
      )}
      {error !== null && <ErrorPanel error={error} title="The user was not offboarded" />}
    </section>
  );
}
