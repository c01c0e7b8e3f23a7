import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../api";
import { mockBackend } from "../../test/backend";
import { result, runSummary } from "../../test/fixtures";
import { RunPanel } from "../RunPanel";

describe("the Validate step after a restart", () => {
  it("shows the stored last run's results until the checks run again", async () => {
    const stored: RunRecord = {
      schema_version: 1,
      kind: "onramp-run-record",
      setup: { erp: "netsuite", account_id: "1234567" },
      summary: runSummary({ run_id: "old", passed: 1, failed: 1 }),
      checks: [result(), result({ id: "netsuite.permissions", status: "fail", title: "Role permissions" })],
      observed: { netsuite: {} },
      generated_at: "2026-11-20T09:30:00Z",
      app_version: "0.1.0",
    };
    mockBackend({ get_last_run: (a) => (a.setupId === "s1" ? stored : null) });
    render(<RunPanel setupId="s1" />);
    const list = screen.getByTestId("run-results");
    await waitFor(() => expect(within(list).getAllByRole("listitem").filter((li) => li.dataset.checkId)).toHaveLength(2));
    expect(list.querySelector('[data-check-id="netsuite.permissions"]')).toHaveAttribute("data-status", "fail");
    expect(screen.getByRole("status", { name: "Run summary" })).toHaveTextContent("1 passed, 1 failed");
    expect(screen.getByTestId("run-start")).toHaveTextContent("Run all checks again");
  });
});
