import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { PracticeScreen } from "./PracticeScreen";

describe("PracticeScreen", () => {
  it("is marked as a simulation and starts a practice setup for the chosen scenario", async () => {
    const backend = mockBackend({ create_setup: () => setup({ id: "p1", practice_scenario: "sender-not-authorized" }) });
    const onCreated = vi.fn();
    render(<PracticeScreen onCreated={onCreated} onCancel={() => undefined} />);
    expect(screen.getByText("Practice — simulation")).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole("button", { name: "Practise Sage Intacct: Sender ID not authorized" }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith("p1"));
    expect(backend.callsTo("create_setup")[0]?.input).toMatchObject({
      erp: "intacct",
      practice_scenario: "sender-not-authorized",
      account_id: "",
    });
  });
});
