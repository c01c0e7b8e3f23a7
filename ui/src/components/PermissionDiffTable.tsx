import type { DiffStatus, PermissionDiff } from "../api";

const STATUS: Record<DiffStatus, { icon: string; text: string }> = {
  ok: { icon: "✓", text: "OK" },
  missing: { icon: "✗", text: "Missing" },
  insufficient: { icon: "▼", text: "Level too low" },
  extra: { icon: "+", text: "Extra (not needed)" },
  unknown: { icon: "?", text: "Could not check" },
};

/** Required vs. actual permissions, one row per permission or object. */
export function PermissionDiffTable({ diff }: { diff: PermissionDiff }) {
  return (
    <div className="table-wrap">
      <table className="diff-table">
        <caption>
          Required vs. actual permissions <span className="muted">(from {diff.source})</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Permission</th>
            <th scope="col">ID</th>
            <th scope="col">Required</th>
            <th scope="col">Actual</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row) => (
            <tr key={`${row.group}/${row.id}`} className={`diff-${row.status}`}>
              <th scope="row">
                {row.name}
                {row.group !== "" && <span className="muted small"> · {row.group}</span>}
              </th>
              <td>
                <code>{row.id}</code>
              </td>
              <td>{row.required ?? "—"}</td>
              <td>{row.actual ?? "—"}</td>
              <td className="diff-status">
                <span aria-hidden="true">{STATUS[row.status].icon} </span>
                {STATUS[row.status].text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
