import { useCallback, useId, useState } from "react";
import { api, toApiError, type ApiError, type Erp, type ScenarioInfo } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { ErrorPanel } from "../components/ErrorPanel";
import { useLoad } from "../hooks/useLoad";
import { cleanInput, ERP_LABEL } from "../model/environment";
import { useScreenHeading } from "../hooks/useScreenHeading";

interface Props {
  onCreated: (id: string) => void;
  onCancel: () => void;
}

export function PracticeScreen({ onCreated, onCancel }: Props) {
  const heading = useScreenHeading();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const scenarios = useLoad(useCallback(() => api.listScenarios(), []));
  const clients = useLoad(useCallback(() => api.listClients(), []));
  const [name, setName] = useState("");
  const [clientId, setClientId] = useState("");
  const ids = { name: useId(), client: useId() };

  async function start(scenario: ScenarioInfo) {
    setBusy(true);
    setError(null);
    try {
      // The scenario defines the simulated account; the backend fills it in.
      const setup = await api.createSetup({
        erp: scenario.erp,
        label: cleanInput(name) === "" ? `Practice: ${scenario.title}` : cleanInput(name),
        client_id: clientId === "" ? null : clientId,
        account_id: "",
        entity_id: null,
        practice_scenario: scenario.name,
      });
      onCreated(setup.id);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  }

  return (
    <main className="screen">
      <button type="button" className="button small" onClick={onCancel}>
        ← Home
      </button>
      <header className="screen-header">
        <h1 ref={heading} tabIndex={-1}>Practice mode</h1>
        <EnvironmentBadge environment="production" practice />
      </header>
      <p className="lead">
        Rehearse a setup against Onramp's built-in simulation. Each scenario is a company with one thing set up
        wrong (or nothing, in the first one), so you can see how Onramp finds and explains it. No real account is
        contacted.
      </p>
      <div className="practice-options">
        <div className="field">
          <label htmlFor={ids.name}>Name (optional)</label>
          <input
            id={ids.name}
            type="text"
            value={name}
            maxLength={120}
            placeholder="Practice: the scenario's title"
            data-testid="practice-name"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        {(clients.data ?? []).length > 0 && (
          <div className="field">
            <label htmlFor={ids.client}>File under client</label>
            <select id={ids.client} value={clientId} data-testid="practice-client" onChange={(e) => setClientId(e.target.value)}>
              <option value="">No client</option>
              {(clients.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} title="Could not start the practice setup" />}
      {scenarios.error !== null && <ErrorPanel error={scenarios.error} title="Could not list the practice scenarios" />}
      {scenarios.loading && <p className="muted">Loading the scenarios…</p>}
      {(["netsuite", "intacct"] as const).map((erp: Erp) => (
        <section key={erp} aria-labelledby={`practice-${erp}`}>
          <h2 id={`practice-${erp}`}>{ERP_LABEL[erp]}</h2>
          <ul className="scenario-list">
            {(scenarios.data ?? []).filter((s) => s.erp === erp).map((s) => (
              <li key={s.name} data-scenario={s.name}>
                <div>
                  <span className="scenario-title">{s.title}</span>
                  <p className="hint">{s.description}</p>
                </div>
                <button type="button" className="button small" disabled={busy} onClick={() => void start(s)}>
                  Practise<span className="visually-hidden"> {ERP_LABEL[erp]}: {s.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
