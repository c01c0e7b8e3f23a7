import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { PracticeScreen } from "./PracticeScreen";

const scenarios = [
  { name: "netsuite/happy", erp: "netsuite", title: "NetSuite: everything set up correctly", description: "All good." },
  {
    name: "intacct/sender-not-authorized",
    erp: "intacct",
    title: "Intacct: sender ID not authorised",
    description: "The sender ID is not on the company's list.",
  },
];

describe("PracticeScreen", () => {
  it("lists the backend's scenarios and starts a practice setup for the chosen one", async () => {
    const backend = mockBackend({
      list_scenarios: () => scenarios,
      list_clients: () => [],
      create_setup: () => setup({ id: "p1", practice_scenario: "intacct/sender-not-authorized" }),
    });
    const onCreated = vi.fn();
    render(<PracticeScreen onCreated={onCreated} onCancel={() => undefined} />);
    expect(screen.getByText("Practice — simulation")).toBeInTheDocument();
    expect(await screen.findByText("The sender ID is not on the company's list.")).toBeInTheDocument();

    await userEvent
      .setup()
      .click(screen.getByRole("button", { name: "Practise Sage Intacct: Intacct: sender ID not authorised" }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith("p1"));
    expect(backend.callsTo("create_setup")[0]?.input).toMatchObject({
      erp: "intacct",
      practice_scenario: "intacct/sender-not-authorized",
      account_id: "",
    });
  });

  it("names the practice setup and files it under a client when asked", async () => {
    const backend = mockBackend({
      list_scenarios: () => scenarios,
      list_clients: () => [{ id: "c1", name: "Acme Corp", notes: "", created_at: "2026-01-01T00:00:00Z" }],
      create_setup: () => setup({ id: "p2", practice_scenario: "netsuite/happy" }),
    });
    const user = userEvent.setup();
    render(<PracticeScreen onCreated={() => undefined} onCancel={() => undefined} />);
    await user.type(screen.getByLabelText("Name (optional)"), "  Acme rehearsal ");
    await user.selectOptions(await screen.findByLabelText("File under client"), "c1");
    await user.click(await screen.findByRole("button", { name: "Practise NetSuite: NetSuite: everything set up correctly" }));
    await waitFor(() => expect(backend.callsTo("create_setup")).toHaveLength(1));
    expect(backend.callsTo("create_setup")[0]?.input).toMatchObject({ label: "Acme rehearsal", client_id: "c1" });
  });
});
