import { useCallback, useId, useRef, useState, type FormEvent } from "react";
import { api, type IntacctOffboardPlan, type IntacctOffboarded, type PracticeValue, type Setup } from "../../api";
import { useAction } from "../../hooks/useAction";
import { useLoad } from "../../hooks/useLoad";
import { ChangeDone, ChangePreview } from "../ChangePreview";
import { ErrorPanel } from "../ErrorPanel";
import { SimulatedValues } from "./SimulatedValues";

interface Props {
  setup: Setup;
  /** Practice mode: the simulated company's administrator, to paste. */
  practiceAdmin: PracticeValue[];
  onDone: () => void;
}

/**
 * Sage Intacct: an administrator of the company sets the Web Services user
 * inactive. Their own user ID and password go to the keychain (write-only),
 * the preview says what stops working, and only the click changes anything.
 */
export function IntacctOffboardPanel({ setup, practiceAdmin, onDone }: Props) {
  const userId = useId();
  const passwordId = useId();
  const user = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const stored = useLoad(useCallback(() => api.intacctAdminStored(setup.id), [setup.id]));
  const [plan, setPlan] = useState<IntacctOffboardPlan | null>(null);
  const [done, setDone] = useState<IntacctOffboarded | null>(null);
  const { busy, error, run } = useAction();

  function store(event: FormEvent) {
    event.preventDefault();
    const u = user.current;
    const p = password.current;
    if (u === null || p === null || u.value.trim() === "" || p.value === "") return;
    void run(async () => {
      await api.intacctAdminStore(setup.id, u.value.trim(), p.value);
      u.value = "";
      p.value = "";
      stored.reload();
    });
  }

  return (
    <section className="maintain-flow" aria-labelledby="intacct-offboard-h" data-testid="intacct-offboard-panel">
      <h3 id="intacct-offboard-h">Offboard the Web Services user</h3>
      <p>
        A company administrator sets the Web Services user inactive: every connector signing in as it stops at once.
        Onramp reads the user back to prove it, then shows the setup's own sign-in refused.
      </p>
      <SimulatedValues values={practiceAdmin} what="administrator" />
      {done === null && (
        <form className="secret-form" onSubmit={store}>
          <p role="status" className={`secret-status ${stored.data === true ? "stored" : "absent"}`} data-testid="intacct-admin-status">
            {stored.data === true
              ? "Administrator's sign-in: stored in the keychain until the change is made"
              : "Administrator's sign-in: not stored yet"}
          </p>
          <label htmlFor={userId}>Administrator user ID</label>
          <input id={userId} ref={user} autoComplete="off" spellCheck={false} data-testid="intacct-admin-user" />
          <label htmlFor={passwordId}>Administrator password</label>
          <input id={passwordId} ref={password} type="password" autoComplete="off" data-testid="intacct-admin-password" />
          <p className="hint">
            A user with administrative privileges, not the Web Services user itself. It signs in through the setup's
            Sender ID; the password stays in the keychain and is forgotten after the change.
          </p>
          <div className="actions">
            <button type="submit" className="button" disabled={busy} data-testid="intacct-admin-save">
              Store in keychain
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || stored.data !== true}
              data-testid="intacct-offboard-preview"
              onClick={() => void run(async () => setPlan(await api.intacctOffboardPlan(setup.id)))}
            >
              Preview what stops working
            </button>
          </div>
        </form>
      )}
      {plan !== null && done === null && (
        <ChangePreview
          preview={plan.preview}
          testId="intacct-offboard"
          busy={busy}
          confirm="Set the user inactive"
          onConfirm={() =>
            void run(async () => {
              setDone(await api.intacctOffboard(setup.id));
              setPlan(null);
              onDone();
            })
          }
        />
      )}
      {done !== null && (
        <>
          <ChangeDone change={done.change} testId="intacct-offboard" />
          <p data-testid="intacct-offboard-refused">{done.credentials_refused}</p>
          <p className="hint" data-testid="intacct-offboard-sender">
            {done.sender_note}
          </p>
        </>
      )}
      {error !== null && <ErrorPanel error={error} title="The user was not offboarded" />}
    </section>
  );
}
