import { useId, useState, type FormEvent } from "react";
import { api, toApiError, type ApiError, type OAuthField } from "../api";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  setupId: string;
  field: OAuthField;
  label: string;
  help: string;
  /** The saved value, if any (these IDs are not secret). */
  value: string | undefined;
  onSaved: () => void;
}

const TEST_ID: Record<OAuthField, string> = {
  client_id: "oauth-client-id",
  certificate_id: "m2m-cert-id",
  admin_client_id: "admin-client-id",
};

/** A NetSuite identifier the user copies in (Client ID, Certificate ID); checked and saved by the backend. */
export function IdField({ setupId, field, label, help, value, onSaved }: Props) {
  const inputId = useId();
  const helpId = useId();
  const [text, setText] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const testId = TEST_ID[field];

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.oauthSetField(setupId, field, text);
      setText("");
      onSaved();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="id-field" onSubmit={(e) => void save(e)}>
      {value !== undefined && (
        <p role="status">
          {label}: <code data-testid={`${testId}-value`}>{value}</code>
        </p>
      )}
      <label htmlFor={inputId}>{value === undefined ? label : `Replace the ${label}`}</label>
      <input
        id={inputId}
        data-testid={`${testId}-input`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={helpId}
      />
      <p id={helpId} className="hint">
        {help}
      </p>
      <div className="actions">
        <button type="submit" className="button primary" data-testid={`${testId}-save`} disabled={saving || text.trim() === ""}>
          {saving ? "Saving…" : `Save ${label}`}
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} title={`Could not save the ${label}`} />}
    </form>
  );
}
