import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SetupReminders } from "../../api";
import { RemindersList } from "./RemindersList";

const base: SetupReminders = {
  setup_id: "s1",
  label: "Acme",
  erp: "netsuite",
  practice: false,
  last_validated_at: "2026-03-02T10:00:00Z",
  last_validated_release: "2026.1",
  current_release: "2026.2",
  reminders: [],
};

describe("RemindersList", () => {
  it("shows the last validated release and each reminder with its urgency", () => {
    render(
      <RemindersList
        reminders={{
          ...base,
          reminders: [
            {
              kind: "certificate_expiry",
              urgency: "urgent",
              title: "The M2M certificate expires in 10 days (NetSuite's 14-day notice).",
              action: "Rotate it now.",
              due: "2026-12-15T09:00:00Z",
              days_left: 10,
            },
          ],
        }}
      />,
    );
    expect(screen.getByTestId("last-validated-release")).toHaveTextContent("Last validated on NetSuite release 2026.1 (2026-03-02).");
    const reminder = screen.getByTestId("reminder-certificate_expiry");
    expect(reminder).toHaveAttribute("data-urgency", "urgent");
    expect(reminder).toHaveTextContent("14-day notice");
  });

  it("shows nothing for a setup never validated and with nothing due", () => {
    const { container } = render(
      <RemindersList reminders={{ ...base, last_validated_at: null, last_validated_release: null }} />,
    );
    expect(container.textContent).toBe("");
  });
});
