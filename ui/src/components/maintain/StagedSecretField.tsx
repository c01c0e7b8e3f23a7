import { useId, useRef, useState, type FormEvent } from "react";
import { api, toApiError, type ApiError } from "../../api";
import { ErrorPanel } from "../ErrorPanel";

interface Props {
  setupId: string;
  name: string;
  label: string;
  stored: boolean;
  onStored: () => void;
}

/**
 * Write-only, like every secret field: the new value goes to the keychain
 * beside the working one and waits there until a run proves it.
 */
export function StagedSecretField({ setupId, name, label, stored, onStored }: Props) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const field = input.current;
    const value = field?.value.trim() ?? "";
    if (field === null || value === "") return;
    setSaving(true);
    setError(null);
    try {
      await api.rotationStage(setupId, name, value);
      field.value = "";
      onStored();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="secret-form staged" onSubmit={(e) => void save(e)}>
      <p role="status" className={`secret-status ${stored ? "stored" : "absent"}`} data-testid={`staged-status-${name}`}>
        {stored ? `New ${label}: stored, waiting to be proven` : `New ${label}: not stored yet`}
      </p>
      <label htmlFor={inputId}>New {label}</label>
      <input
        id={inputId}
        ref={input}
        type="password"
        autoComplete="off"
        spellCheck={false}
        data-testid={`staged-input-${name}`}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={saving} data-testid={`staged-save-${name}`}>
          {saving ? "Storing…" : stored ? "Replace the new value" : "Store in keychain"}
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} title={`Could not store the new ${label.toLowerCase()}`} />}
    </form>
  );
}
