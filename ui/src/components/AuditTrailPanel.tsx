import { useCallback } from "react";
import { api, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { ErrorPanel } from "./ErrorPanel";
import { ScrollTable } from "./ScrollTable";

/**
 * Practice mode, after a run: what the simulator recorded. For NetSuite this is
 * its Login Audit Trail, which explains logins the API only calls "Invalid
 * login attempt"; for Intacct, the simulator's request log.
 */
export function AuditTrailPanel({ setup, runId }: { setup: Setup; runId: string | null }) {
  const { id } = setup;
  // Reloads after every run.
  const load = useCallback(() => (runId === null ? Promise.resolve(null) : api.practiceAuditTrail(id)), [id, runId]);
  const { data, error } = useLoad(load);
  if (runId === null) return null;
  const title = setup.erp === "netsuite" ? "Login Audit Trail (simulated)" : "Request log (simulated)";
  return (
    <section className="audit-trail" aria-labelledby="audit-trail-title" data-testid="audit-trail">
      <h3 id="audit-trail-title">{title}</h3>
      {error !== null && <ErrorPanel error={error} title="Could not read the simulator's log" />}
      {data !== null && data.rows.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {data !== null && data.rows.length > 0 && (
        <ScrollTable label="Failed logins">
          <table className="diff-table">
            <thead>
              <tr>
                {data.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
