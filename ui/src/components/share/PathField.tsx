import { useId } from "react";

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  testId: string;
  placeholder?: string;
}

/** A typed file or folder path (pasting is never blocked). */
export function PathField({ label, value, onChange, hint, testId, placeholder }: Props) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field path-field">
      <label htmlFor={id}>{label}</label>
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
      {hint !== undefined && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
