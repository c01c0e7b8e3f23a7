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

  it("says how each NetSuite row was learnt", () => {
    render(
      <PermissionDiffTable
        erp="netsuite"
        diff={{
          source: "what requests proved",
          rows: [
            {
              id: "LIST_CURRENCY",
              name: "Currency",
              group: "Lists",
              required: "Full",
              actual: "View or more",
              status: "unknown",
              proof: { method: "probe", detail: "GET /record/v1/currency succeeded: proves View, not Full." },
            },
            { id: "LIST_CRMGROUP", name: "CRM Groups", group: "Lists", required: "View", actual: null, status: "ok" },
          ],
        }}
      />,
    );
    const currency = screen.getByRole("row", { name: /Currency/ });
    expect(currency).toHaveTextContent("proves View, not Full");
    const crm = screen.getByRole("row", { name: /CRM Groups/ });
    expect(crm.querySelector(".diff-proof")).toBeNull();
  });
});
