import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConnectorProfile } from "../api";
import { ProfileChecklist } from "./ProfileChecklist";

const intacct: ConnectorProfile = {
  schema_version: 1,
  id: "p",
  name: "Sync",
  description: "",
  erp: "intacct",
  builtin: true,
  netsuite: null,
  intacct: {
    admin: "off",
    objects: [
      { object: "GLACCOUNT", name: "GL accounts", application: "General Ledger", policy: "Accounts", rights: ["List", "View"] },
      { object: "ARINVOICE", name: "AR invoices", application: "Accounts Receivable", policy: "Invoices", rights: ["List", "View", "Add"] },
    ],
  },
};

describe("ProfileChecklist", () => {
  it("groups Intacct objects by application with their operations, and reports ticks", async () => {
    const onTick = vi.fn();
    const user = userEvent.setup();
    render(<ProfileChecklist profile={intacct} ticked={["GLACCOUNT"]} onTick={onTick} />);
    const ar = screen.getByRole("group", { name: "Accounts Receivable" });
    const invoice = within(ar).getByRole("checkbox", { name: /Invoices \(AR invoices\) ARINVOICE operations: List, View, Add/ });
    expect(invoice).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: /GLACCOUNT/ })).toBeChecked();
    expect(screen.getByText("(1 of 2 ticked)")).toBeInTheDocument();
    await user.click(invoice);
    expect(onTick).toHaveBeenCalledWith("ARINVOICE", true);
    await user.click(screen.getByRole("checkbox", { name: /GLACCOUNT/ }));
    expect(onTick).toHaveBeenLastCalledWith("GLACCOUNT", false);
  });
});
