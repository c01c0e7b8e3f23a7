import type { AdminChange, Preview } from "../api";

interface Props {
  preview: Preview;
  testId: string;
  busy: boolean;
  /** Label of the button that makes the changes. */
  confirm: string;
  onConfirm: () => void;
}

/** What an action will change in NetSuite or Sage Intacct, as a plain list; nothing happens until the click. */
export function ChangePreview({ preview, testId, busy, confirm, onConfirm }: Props) {
  return (
    <div className="change-preview" data-testid={`${testId}-changes`}>
      <h4>{preview.action}: Onramp will</h4>
      <ul>
        {preview.changes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {preview.warnings.length > 0 && (
        <>
          <h4>Before you go on</h4>
          <ul className="warnings">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" className="button primary" data-testid={`${testId}-confirm`} disabled={busy} onClick={onConfirm}>
          {busy ? "Working…" : confirm}
        </button>
      </div>
    </div>
  );
}

/** A change Onramp made: what, who consented, when, and what was read back. */
export function ChangeDone({ change, testId }: { change: AdminChange; testId: string }) {
  return (
    <div role="status" className="change-done" data-testid={`${testId}-done`}>
      <p>
        <strong>Done:</strong> {change.outcome}
      </p>
      <p className="hint">
        Consented by {change.consented_by} at {change.at}. The setup's report lists this change.
      </p>
    </div>
  );
}
