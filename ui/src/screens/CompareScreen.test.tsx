import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockBackend } from "../test/backend";
import { runSummary, setup, summaryOf } from "../test/fixtures";
import { CompareScreen } from "./CompareScreen";

describe("CompareScreen", () => {
  it("compares an imported file with a chosen run of a saved setup and lists the changes", async () => {
    const backend = mockBackend({
      list_setups: () => [summaryOf(setup({ id: "s1", label: "Acme" }), { last_run: runSummary() })],
      list_runs: () => [
        { run_id: "r2", generated_at: "2026-11-22T10:00:00Z", passed: 9, failed: 0, warned: 0, skipped: 0 },
        { run_id: "r1", generated_at: "2026-11-21T10:00:00Z", passed: 8, failed: 1, warned: 0, skipped: 0 },
      ],
      compare_setup_profiles: () => ({
        before: {},
        after: {},
        changes: [
          { area: "check", key: "netsuite.permissions", before: "fail", after: "pass" },
          { area: "permission", key: "LIST_CURRENCY", before: null, after: "view" },
        ],
      }),
    });
    render(<CompareScreen onHome={() => undefined} initialBefore="/tmp/customer.json" />);
    const user = userEvent.setup();
    expect(screen.getByTestId("compare-before-path")).toHaveValue("/tmp/customer.json");
    const setupPicker = await screen.findByTestId("compare-after-setup");
    await waitFor(() => expect(within(setupPicker).getAllByRole("option")).toHaveLength(2));
    await user.selectOptions(setupPicker, "s1");
    const runPicker = await screen.findByTestId("compare-after-run");
    await waitFor(() => expect(within(runPicker).getAllByRole("option")).toHaveLength(3));
    await user.selectOptions(runPicker, "r1");
    await user.click(screen.getByTestId("compare-run"));

    const table = await screen.findByTestId("changes");
    expect(backend.callsTo("compare_setup_profiles")[0]).toEqual({
      before: { kind: "file", path: "/tmp/customer.json" },
      after: { kind: "run", setup_id: "s1", run_id: "r1" },
    });
    const row = table.querySelector('[data-change-key="LIST_CURRENCY"]');
    expect(row).toHaveTextContent("Permission");
    expect(row).toHaveTextContent("(none)");
    expect(row).toHaveTextContent("view");
    expect(table).toHaveTextContent("2 differences");
  });
});
