import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { api, toApiError, type ApiError } from "../api";
import type { SecretSpec } from "../api";
import { useReportUnsaved } from "../hooks/unsavedSecrets";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  setupId: string;
  spec: SecretSpec;
  onStored?: () => void;
}

type Stored = "checking" | "stored" | "absent";

/**
 * Write-only: the value goes straight to the system keychain and the field
 * empties itself. Nothing is ever read back; only "stored or not" is shown.
 */
export function SecretField({ setupId, spec, onStored }: Props) {
  const inputId = useId();
  const helpId = useId();
  // Uncontrolled on purpose: a controlled input mirrors its value into the DOM's
  // value attribute, and the secret must not sit in the page's markup.
  const input = useRef<HTMLInputElement>(null);
  const [hasValue, setHasValue] = useState(false);
  const [stored, setStored] = useState<Stored>("checking");
  const [replacing, setReplacing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { name } = spec;
  useReportUnsaved(name, spec.label, hasValue);

  useEffect(() => {
    let live = true;
    api.secretExists({ setup_id: setupId, name }).then(
      (exists) => live && setStored(exists ? "stored" : "absent"),
      (e: unknown) => {
        if (!live) return;
        setStored("absent");
        setError(toApiError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [setupId, name]);

  async function save(event: FormEvent) {
    event.preventDefault();
    // Pasted secrets often carry a line break or spaces around them.
    const field = input.current;
    const secret = field?.value.trim() ?? "";
    if (field === null || secret === "") return;
    setSaving(true);
    setError(null);
    try {
      await api.secretSet({ setup_id: setupId, name }, secret);
      field.value = "";
      setHasValue(false);
      const exists = await api.secretExists({ setup_id: setupId, name });
      setStored(exists ? "stored" : "absent");
      if (exists) {
        setReplacing(false);
        onStored?.();
      } else {
        setError(toApiError(new Error("The keychain did not keep the value. Try again.")));
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  }

  const showForm = stored === "absent" || replacing;

  return (
    <div className="secret-field">
      <p role="status" data-testid={`secret-status-${name}`} className={`secret-status ${stored}`}>
        {stored === "checking" && `Checking the keychain for the ${spec.label.toLowerCase()}…`}
        {stored === "stored" && (
          <>
            <span aria-hidden="true">🔒 </span>
            {spec.label}: Stored in your system keychain
          </>
        )}
        {stored === "absent" && `${spec.label}: not stored yet`}
      </p>
      {showForm ? (
        <form onSubmit={(e) => void save(e)} className="secret-form">
          <label htmlFor={inputId}>{spec.label}</label>
          <input
            id={inputId}
            data-testid={`secret-input-${name}`}
            type="password"
            ref={input}
            onChange={(e) => setHasValue(e.target.value.trim() !== "")}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={helpId}
          />
          <p id={helpId} className="hint">
            {spec.help} It goes straight to your system keychain; Onramp never shows it again.
          </p>
          <div className="actions">
            <button type="submit" className="button primary" data-testid={`secret-save-${name}`} disabled={saving || !hasValue}>
              {saving ? "Storing…" : "Store in keychain"}
            </button>
            {replacing && (
              <button type="button" className="button" onClick={() => {
                  setReplacing(false);
                  setHasValue(false);
                }}>
                Keep the stored one
              </button>
            )}
          </div>
        </form>
      ) : (
        stored === "stored" && (
          <button type="button" className="button" onClick={() => setReplacing(true)}>
            Replace
          </button>
        )
      )}
      {error !== null && <ErrorPanel error={error} title={`Could not store the ${spec.label.toLowerCase()}`} />}
    </div>
  );
}
