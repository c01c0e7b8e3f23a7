import { useId, useState, type FormEvent } from "react";
import { api, type EmployeeCreated, type EmployeeInput, type EmployeePlan, type Setup } from "../api";
import { ChangeDone, ChangePreview } from "./ChangePreview";
import { ErrorPanel } from "./ErrorPanel";
import { useAction } from "../hooks/useAction";

interface Props {
  setup: Setup;
  onChanged: () => void;
}

/** Create the integration employee: fill in, preview the changes, click, see it read back. */
export function AdminEmployee({ setup, onChanged }: Props) {
  const ids = { first: useId(), last: useId(), email: useId(), sub: useId() };
  const [input, setInput] = useState<EmployeeInput>({
    first_name: "Onramp",
    last_name: "Integration",
    email: setup.fields?.user_email ?? "",
    subsidiary_id: null,
  });
  const [plan, setPlan] = useState<EmployeePlan | null>(null);
  const [done, setDone] = useState<EmployeeCreated | null>(null);
  const { busy, error, run } = useAction();
  const set = (patch: Partial<EmployeeInput>) => {
    setInput({ ...input, ...patch });
    setPlan(null);
  };

  async function preview(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      let p = await api.adminEmployeePlan(setup.id, input);
      const first = p.subsidiaries[0];
      if (input.subsidiary_id === null && first !== undefined) {
        // OneWorld: propose the first (parent) subsidiary, and preview exactly that.
        const next = { ...input, subsidiary_id: first.id };
        p = await api.adminEmployeePlan(setup.id, next);
        setInput(next);
      }
      setPlan(p);
    });
  }

  async function create() {
    await run(async () => {
      setDone(await api.adminCreateEmployee(setup.id, input));
      setPlan(null);
      onChanged();
    });
  }

  return (
    <section className="admin-action" aria-labelledby={`${ids.first}-h`}>
      <h3 id={`${ids.first}-h`}>Create the integration employee</h3>
      <form onSubmit={(e) => void preview(e)}>
        <label htmlFor={ids.first}>First name</label>
        <input id={ids.first} value={input.first_name} onChange={(e) => set({ first_name: e.target.value })} />
        <label htmlFor={ids.last}>Last name</label>
        <input id={ids.last} value={input.last_name} onChange={(e) => set({ last_name: e.target.value })} />
        <label htmlFor={ids.email}>Dedicated email address</label>
        <input
          id={ids.email}
          data-testid="admin-employee-email"
          type="email"
          value={input.email}
          onChange={(e) => set({ email: e.target.value })}
        />
        {plan !== null && plan.subsidiaries.length > 0 && (
          <>
            <label htmlFor={ids.sub}>Subsidiary (OneWorld)</label>
            <select
              id={ids.sub}
              data-testid="admin-employee-subsidiary"
              value={input.subsidiary_id ?? ""}
              onChange={(e) => set({ subsidiary_id: e.target.value === "" ? null : e.target.value })}
            >
              <option value="">Choose…</option>
              {plan.subsidiaries.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} (ID {s.id})
                </option>
              ))}
            </select>
          </>
        )}
        <div className="actions">
          <button type="submit" className="button" data-testid="admin-employee-preview" disabled={busy}>
            Preview the changes
          </button>
        </div>
      </form>
      {plan !== null && (
        <ChangePreview preview={plan.preview} testId="admin-employee" busy={busy} confirm="Create the employee" onConfirm={() => void create()} />
      )}
      {done !== null && <ChangeDone change={done.change} testId="admin-employee" />}
      {error !== null && <ErrorPanel error={error} title="NetSuite did not create the employee" />}
    </section>
  );
}
