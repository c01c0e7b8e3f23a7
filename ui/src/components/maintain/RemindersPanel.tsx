import { useCallback } from "react";
import { api } from "../../api";
import { useLoad } from "../../hooks/useLoad";
import { RemindersList } from "./RemindersList";

/** The workspace's reminders: what expires soon, and setups due to be validated again. */
export function RemindersPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const { data } = useLoad(useCallback(() => api.setupReminders(), []));
  const shown = (data ?? []).filter((r) => r.reminders.length > 0 || r.last_validated_release !== null);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="reminders-title" data-testid="workspace-reminders">
      <h2 id="reminders-title">Reminders</h2>
      <ul className="reminder-setups">
        {shown.map((r) => (
          <li key={r.setup_id}>
            <button type="button" className="link" onClick={() => onOpen(r.setup_id)}>
              {r.label}
            </button>
            {r.practice && <span className="muted small"> (practice)</span>}
            <RemindersList reminders={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}
