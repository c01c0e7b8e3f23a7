import type { DiffStatus, Erp, PermissionDiff } from "../api";
import { ScrollTable } from "./ScrollTable";

const STATUS: Record<DiffStatus, { icon: string; text: string }> = {
  ok: { icon: "✓", text: "OK" },
  missing: { icon: "✗", text: "Missing" },
  insufficient: { icon: "▼", text: "Level too low" },
  extra: { icon: "+", text: "Extra (not needed)" },
  unknown: { icon: "?", text: "Could not check" },
};

/**
 * Required vs. actual permissions, one row per permission or object, under a
 * heading row per group (NetSuite role subtab, Intacct application). A row
 * that says how it was learnt (the role's list, a probe, or what would prove
 * it) shows that under its status.
 */
export function PermissionDiffTable({ diff, erp }: { diff: PermissionDiff; erp: Erp }) {
  const groups = [...new Set(diff.rows.map((r) => r.group))];
  return (
    <ScrollTable label="Required vs. actual permissions">
      <table className="diff-table">
        <caption>
          Required vs. actual permissions <span className="muted">(from {diff.source})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Permission</th>
            <th scope="col">{erp === "intacct" ? "Object" : "ID"}</th>
            <th scope="col">Required</th>
            <th scope="col">Actual</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group}>
            {group !== "" && (
              <tr className="diff-group">
                <th scope="rowgroup" colSpan={5}>
                  {group}
                </th>
              </tr>
            )}
            {diff.rows
              .filter((row) => row.group === group)
              .map((row) => (
                <tr key={`${row.group}/${row.id}`} className={`diff-${row.status}`}>
                  <th scope="row">
                    {row.name}
                    {row.group !== "" && <span className="visually-hidden"> · {row.group}</span>}
                  </th>
                  <td>
                    <code>{row.id}</code>
                  </td>
                  <td>{row.required ?? "—"}</td>
                  <td>{row.actual ?? "—"}</td>
                  <td className="diff-status">
                    <span aria-hidden="true">{STATUS[row.status].icon} </span>
                    {STATUS[row.status].text}
                    {row.proof != null && <div className="diff-proof muted">{row.proof.detail}</div>}
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </ScrollTable>
  );
}
