import type { Change, ChangeArea } from "../../api";
import { ScrollTable } from "../ScrollTable";

const AREA: Record<ChangeArea, string> = {
  setup: "Setup",
  check: "Check",
  permission: "Permission",
  role: "Role",
  feature: "Feature",
  user: "User",
  integration: "Integration record",
  token: "Token",
  login: "Sign-in",
  sender: "Sender",
  subscription: "Subscription",
  entity: "Entity",
};

/** What changed from one setup profile or report to another. */
export function ChangesTable({ changes }: { changes: Change[] }) {
  if (changes.length === 0) {
    return (
      <p role="status" data-testid="changes">
        No differences: both describe the same configuration and results.
      </p>
    );
  }
  return (
    <ScrollTable label="Differences">
      <table className="diff-table" data-testid="changes">
        <caption>
          {changes.length} difference{changes.length === 1 ? "" : "s"} (before → after)
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">What</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.area}:${c.key}`} data-change-area={c.area} data-change-key={c.key}>
              <td>{AREA[c.area]}</td>
              <td>
                <code>{c.key}</code>
              </td>
              <td>{c.before ?? <span className="muted">(none)</span>}</td>
              <td>{c.after ?? <span className="muted">(none)</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
