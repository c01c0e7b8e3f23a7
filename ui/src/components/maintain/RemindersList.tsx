import type { SetupReminders } from "../../api";

function day(at: string): string {
  return at.slice(0, 10);
}

/** A setup's reminders, most urgent first, and the NetSuite release it was last validated on. */
export function RemindersList({ reminders }: { reminders: SetupReminders }) {
  const { last_validated_release: release, last_validated_at: at } = reminders;
  return (
    <div className="reminders" data-testid={`reminders-${reminders.setup_id}`}>
      {release !== null && at !== null && (
        <p className="muted small" data-testid="last-validated-release">
          Last validated on NetSuite release {release} ({day(at)}).
        </p>
      )}
      {reminders.reminders.length > 0 && (
        <ul className="reminder-list">
          {reminders.reminders.map((r) => (
            <li
              key={r.kind}
              className={`reminder ${r.urgency}`}
              data-testid={`reminder-${r.kind}`}
              data-urgency={r.urgency}
              data-days-left={r.days_left ?? ""}
            >
              <strong>{r.title}</strong> <span>{r.action}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
