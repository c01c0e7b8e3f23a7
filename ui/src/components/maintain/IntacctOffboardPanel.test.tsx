import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { IntacctOffboardPlan, IntacctOffboarded } from "../../api";
import { ipcError, mockBackend } from "../../test/backend";
import { setup } from "../../test/fixtures";
import { IntacctOffboardPanel } from "./IntacctOffboardPanel";

const intacct = setup({ erp: "intacct", account_id: "acme", practice_scenario: "intacct/happy" });
const user = { record_no: "1", login_id: "xml_onramp", status: "active", web_services_only: true, locations: ["US"] };

const plan: IntacctOffboardPlan = {
  preview: {
    action: "Offboard the Web Services user",
    changes: ["Set Web Services user xml_onramp (record 1) inactive (STATUS = inactive)."],
    warnings: ["Every connector that signs in as xml_onramp stops working at once."],
  },
  user,
};

const done: IntacctOffboarded = {
  user: { ...user, status: "inactive" },
  credentials_refused: "The setup's sign-in is refused now: This user is inactive.",
  sender_note: "If no other connector uses Sender ID onramp_practice, remove it from Web Services authorizations.",
  change: {
    at: "2026-12-05T12:00:00Z",
    consented_by: "Sage Intacct administrator admin_jane",
    action: plan.preview.action,
    changes: plan.preview.changes,
    outcome: "Read back user xml_onramp (record 1): STATUS = inactive.",
  },
};

describe("IntacctOffboardPanel", () => {
  it("stores the administrator write-only, previews, and changes only on the click", async () => {
    let stored = false;
    const backend = mockBackend({
      intacct_admin_stored: () => stored,
      intacct_admin_store: () => {
        stored = true;
        return null;
      },
      intacct_offboard_plan: () => plan,
      intacct_offboard: () => done,
    });
    let finished = 0;
    render(<IntacctOffboardPanel setup={intacct} practiceAdmin={[]} onDone={() => (finished += 1)} />);
    const preview = await screen.findByTestId("intacct-offboard-preview");
    expect(preview).toBeDisabled();
    expect(screen.getByTestId("intacct-admin-status")).toHaveTextContent("not stored yet");

    await userEvent.type(screen.getByLabelText("Administrator user ID"), "admin_jane");
    await userEvent.type(screen.getByLabelText("Administrator password"), "s3cret!");
    await userEvent.click(screen.getByTestId("intacct-admin-save"));
    expect(backend.callsTo("intacct_admin_store")).toEqual([
      { setupId: "s1", userId: "admin_jane", password: "s3cret!" },
    ]);
    expect(screen.getByLabelText("Administrator password")).toHaveValue("");
    expect(await screen.findByText(/stored in the keychain/)).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("intacct-offboard-preview"));
    const changes = await screen.findByTestId("intacct-offboard-changes");
    expect(within(changes).getByText(/xml_onramp \(record 1\) inactive/)).toBeInTheDocument();
    expect(backend.callsTo("intacct_offboard")).toHaveLength(0);

    await userEvent.click(screen.getByTestId("intacct-offboard-confirm"));
    expect(await screen.findByTestId("intacct-offboard-done")).toHaveTextContent("STATUS = inactive");
    expect(screen.getByTestId("intacct-offboard-refused")).toHaveTextContent("refused now");
    expect(screen.getByTestId("intacct-offboard-sender")).toHaveTextContent("Web Services authorizations");
    expect(screen.queryByTestId("intacct-offboard-changes")).toBeNull();
    expect(finished).toBe(1);
  });

  it("shows why the preview failed and changes nothing", async () => {
    const backend = mockBackend({
      intacct_admin_stored: () => true,
      intacct_offboard_plan: () => {
        throw ipcError("invalid_input", "sign in as another administrator");
      },
    });
    render(<IntacctOffboardPanel setup={intacct} practiceAdmin={[]} onDone={() => undefined} />);
    await userEvent.click(await screen.findByTestId("intacct-offboard-preview"));
    expect(await screen.findByText(/sign in as another administrator/)).toBeInTheDocument();
    expect(screen.queryByTestId("intacct-offboard-confirm")).toBeNull();
    expect(backend.callsTo("intacct_offboard")).toHaveLength(0);
  });
});
