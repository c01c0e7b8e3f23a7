import type { SetupStatus } from "../api";

const LABEL: Record<SetupStatus, { icon: string; text: string }> = {
  not_started: { icon: "○", text: "Not started" },
  in_progress: { icon: "◐", text: "In progress" },
  validated: { icon: "✓", text: "Validated" },
  failing: { icon: "✗", text: "Checks failing" },
};

export function SetupStatusLabel({ status }: { status: SetupStatus }) {
  return (
    <span className={`setup-status ${status}`}>
      <span aria-hidden="true">{LABEL[status].icon} </span>
      {LABEL[status].text}
    </span>
  );
}
