import { useState } from "react";
import { api, type AuditReading, type Setup } from "../api";
import { DiagnosisPanel } from "./DiagnosisPanel";
import { ErrorPanel } from "./ErrorPanel";
import { useAction } from "../hooks/useAction";

/** The integration user's failed logins, read from NetSuite's Login Audit Trail for the person. */
export function AdminAudit({ setup }: { setup: Setup }) {
  const [reading, setReading] = useState<AuditReading | null>(null);
  const { busy, error, run } = useAction();

  async function read() {
    await run(async () => {
      setReading(await api.adminReadAudit(setup.id));
    });
  }

  return (
    <section className="admin-action" aria-labelledby="admin-audit-h">
      <h3 id="admin-audit-h">Why was the login refused?</h3>
      <p>NetSuite answers every refused login with "Invalid login attempt" and keeps the reason in its Login Audit Trail. Onramp reads it for you.</p>
      <div className="actions">
        <button type="button" className="button" data-testid="admin-audit-read" disabled={busy} onClick={() => void read()}>
          {busy ? "Reading…" : "Read the Login Audit Trail"}
        </button>
      </div>
      {reading !== null && reading.findings.length === 0 && (
        <p role="status">No failed logins{reading.user_email !== null ? ` for ${reading.user_email}` : ""}.</p>
      )}
      {reading !== null && reading.findings.length > 0 && (
        <ol className="audit-findings" data-testid="admin-audit-findings">
          {reading.findings.map((f) => (
            <li key={`${f.date}-${f.detail}-${f.token}`}>
              <p>
                {f.date} · {f.email || "unknown user"} · Detail <code data-testid="admin-audit-detail">{f.detail}</code>
                {f.token !== "" && <> · token {f.token}</>}
              </p>
              {f.diagnosis !== null && <DiagnosisPanel diagnosis={f.diagnosis} />}
            </li>
          ))}
        </ol>
      )}
      {error !== null && <ErrorPanel error={error} title="Could not read the Login Audit Trail" />}
    </section>
  );
}
