import { useCallback, useId, useState, type FormEvent } from "react";
import { api, toApiError, type ApiError, type Erp } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { ErrorPanel } from "../components/ErrorPanel";
import { useLoad } from "../hooks/useLoad";
import {
  cleanId,
  cleanInput,
  deriveEnvironment,
  ERP_LABEL,
  intacctCompanyProblem,
  netSuiteAccountProblem,
  normaliseNetSuiteAccount,
} from "../model/environment";
import { useScreenHeading } from "../hooks/useScreenHeading";

interface Props {
  initialErp: Erp;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

export function NewSetupScreen({ initialErp, onCreated, onCancel }: Props) {
  const heading = useScreenHeading();
  const ids = { label: useId(), account: useId(), entity: useId(), client: useId(), accountHelp: useId() };
  const [erp, setErp] = useState<Erp>(initialErp);
  const [label, setLabel] = useState("");
  const [account, setAccount] = useState("");
  const [entity, setEntity] = useState("");
  const [clientId, setClientId] = useState("");
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const clients = useLoad(useCallback(() => api.listClients(), []));

  const accountId = erp === "netsuite" ? normaliseNetSuiteAccount(account) : cleanId(account);
  const problem = erp === "netsuite" ? netSuiteAccountProblem(account) : intacctCompanyProblem(account);
  const environment = deriveEnvironment(erp, account);
  const idName = erp === "netsuite" ? "Account ID" : "Company ID";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem !== null) return;
    setSaving(true);
    setError(null);
    try {
      const entityId = cleanId(entity);
      const setup = await api.createSetup({
        erp,
        label: cleanInput(label) || `${ERP_LABEL[erp]} ${accountId}`,
        client_id: clientId === "" ? null : clientId,
        account_id: accountId,
        entity_id: erp === "intacct" && entityId !== "" ? entityId : null,
        practice_scenario: null,
      });
      onCreated(setup.id);
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  }

  return (
    <main className="screen narrow">
      <h1 ref={heading} tabIndex={-1}>New {ERP_LABEL[erp]} setup</h1>
      <p className="lead">Onramp saves your progress as you go, so you can stop and come back at any time.</p>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <fieldset className="radio-row">
          <legend>ERP</legend>
          {(["netsuite", "intacct"] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="erp" value={value} checked={erp === value} onChange={() => setErp(value)} />
              {ERP_LABEL[value]}
            </label>
          ))}
        </fieldset>

        <label htmlFor={ids.label}>Label</label>
        <input
          id={ids.label}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={() => setLabel(cleanInput(label))}
          placeholder={`e.g. Acme ${ERP_LABEL[erp]} – billing connector`}
        />

        <label htmlFor={ids.account}>{idName}</label>
        <input
          id={ids.account}
          value={account}
          // Identifiers never contain whitespace, so what a paste drags along is dropped at once.
          onChange={(e) => setAccount(cleanId(e.target.value))}
          onBlur={() => setTouched(true)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={touched && problem !== null}
          aria-describedby={ids.accountHelp}
        />
        <div id={ids.accountHelp} className="hint" aria-live="polite">
          {touched && problem !== null ? (
            <span className="field-error">{problem}</span>
          ) : erp === "netsuite" && accountId === "" ? (
            "For example 1234567, 1234567_SB1 (sandbox) or TSTDRV1234567 (test drive)."
          ) : erp === "netsuite" ? (
            <>
              {accountId !== "" && accountId !== account && (
                <>
                  Onramp will use <code>{accountId}</code>.{" "}
                </>
              )}
              Environment: <EnvironmentBadge environment={environment} />
            </>
          ) : (
            "The company ID you type on the Sage Intacct sign-in page."
          )}
        </div>

        {erp === "intacct" && (
          <>
            <label htmlFor={ids.entity}>Entity ID (optional)</label>
            <input
              id={ids.entity}
              value={entity}
              onChange={(e) => setEntity(cleanId(e.target.value))}
              autoComplete="off"
              spellCheck={false}
            />
            <p className="hint">Only for multi-entity companies: the entity the connector works in.</p>
          </>
        )}

        <label htmlFor={ids.client}>Client (optional)</label>
        <select id={ids.client} value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <option value="">No client</option>
          {(clients.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>

        {error !== null && <ErrorPanel error={error} title="Could not create the setup" />}

        <div className="actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? "Creating…" : "Create setup"}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Back
          </button>
        </div>
      </form>
    </main>
  );
}
