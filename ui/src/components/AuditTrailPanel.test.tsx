import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { AuditTrailPanel } from "./AuditTrailPanel";

describe("AuditTrailPanel", () => {
  it("shows nothing before a run, then the simulated Login Audit Trail as a table", async () => {
    const backend = mockBackend({
      practice_audit_trail: () => ({
        columns: ["detail", "status"],
        rows: [["", "Success"], ["InvalidSignature", "Failure"]],
      }),
    });
    const practice = setup({ id: "p1", practice_scenario: "netsuite/happy" });
    const { rerender } = render(<AuditTrailPanel setup={practice} runId={null} />);
    expect(screen.queryByTestId("audit-trail")).toBeNull();
    expect(backend.callsTo("practice_audit_trail")).toEqual([]);

    rerender(<AuditTrailPanel setup={practice} runId="run-1" />);
    const panel = await screen.findByTestId("audit-trail");
    expect(within(panel).getByRole("heading", { name: "Login Audit Trail (simulated)" })).toBeInTheDocument();
    expect(await within(panel).findByRole("cell", { name: "InvalidSignature" })).toBeInTheDocument();
    expect(within(panel).getAllByRole("row")).toHaveLength(3);
    expect(backend.callsTo("practice_audit_trail")).toEqual([{ setupId: "p1" }]);
  });
});
