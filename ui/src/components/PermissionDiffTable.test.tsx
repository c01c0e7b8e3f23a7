import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PermissionDiffTable } from "./PermissionDiffTable";

describe("PermissionDiffTable", () => {
  it("groups Intacct rows under their application, with the object and its status", () => {
    render(
      <PermissionDiffTable
        erp="intacct"
        diff={{
          source: "getUserPermissions",
          rows: [
            { id: "GLACCOUNT", name: "Accounts", group: "General Ledger", required: "List|View", actual: "List|View", status: "ok" },
            { id: "ARINVOICE", name: "Invoices", group: "Accounts Receivable", required: "List|View", actual: null, status: "missing" },
          ],
        }}
      />,
    );
    const table = screen.getByRole("table");
    expect(within(table).getByRole("columnheader", { name: "Object" })).toBeInTheDocument();
    const groups = within(table).getAllByRole("rowgroup").map((g) => g.textContent);
    expect(groups.some((t) => t?.startsWith("General Ledger"))).toBe(true);
    const ar = within(table).getByRole("row", { name: /Invoices/ });
    expect(ar).toHaveTextContent("ARINVOICE");
    expect(ar).toHaveTextContent("Missing");
  });
});
