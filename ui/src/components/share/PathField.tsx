import { useId, useState } from "react";
import { api, toApiError, type PathKind } from "../../api";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  testId: string;
  placeholder?: string;
  /** Offers the system's file chooser for this kind of path beside the field. */
  choose?: PathKind;
}

const CHOOSE_TITLE: Record<PathKind, string> = {
  folder: "Choose a folder",
  json_file: "Choose a .json file",
  toml_file: "Choose a .toml file",
  certificate_file: "Choose the certificate file",
};

/**
 * A file or folder path: typed or pasted (never blocked), or picked in the
 * system's chooser, which only fills the field.
 */
export function PathField({ label, value, onChange, hint, testId, placeholder, choose }: Props) {
  const id = useId();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick(kind: PathKind) {
    setBusy(true);
    setError(null);
    try {
      const picked = await api.choosePath(kind, `${CHOOSE_TITLE[kind]}: ${label}`, value);
      if (picked !== null) onChange(picked);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="field path-field">
      <label htmlFor={id}>{label}</label>
      <div className="path-row">
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          aria-describedby={hint === undefined ? undefined : hintId}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
        {choose !== undefined && (
          <button
            type="button"
            className="button small"
            disabled={busy}
            data-testid={`${testId}-choose`}
            onClick={() => void pick(choose)}
          >
            Choose…<span className="visually-hidden"> {label}</span>
          </button>
        )}
      </div>
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
