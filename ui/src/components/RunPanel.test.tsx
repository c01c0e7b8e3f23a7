import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { describe, expect, it, vi } from "vitest";
import type { RunEvent } from "../api";
import { channelSender, ipcError, mockBackend } from "../test/backend";
import { result, runSummary } from "../test/fixtures";
import { stepsFor } from "../model/steps";
import { nextAction, RunPanel } from "./RunPanel";

/** A backend whose start_run hands the test the channel, like the Rust side keeps it. */
function runBackend() {
  let send: ((e: RunEvent) => void) | null = null;
  const backend = mockBackend({
    start_run: (args) => {
      send = channelSender(args.onEvent as Channel<RunEvent>);
      return "run-1";
    },
    cancel_run: () => null,
  });
  const emit = (event: RunEvent) =>
    act(() => {
      if (send === null) throw new Error("run not started");
      send(event);
    });
  return { backend, emit };
}

const roleFail = result({
  id: "netsuite.permissions",
  title: "Role permissions",
  status: "fail",
  summary: "The role lacks 1 of 3 required permissions.",
  cause: "The role has no Currency permission.",
  fix: "Add Lists > Currency at level View.",
  where: "Setup > Users/Roles > Manage Roles",
  diff: {
    source: "SuiteQL rolepermissions",
    rows: [
      { id: "LIST_CURRENCY", name: "Currency", group: "Lists", required: "View", actual: null, status: "missing" },
      { id: "TRAN_INVOICE", name: "Invoice", group: "Transactions", required: "Edit", actual: "Full", status: "ok" },
    ],
  },
});

describe("RunPanel", () => {
  it("streams results as they arrive, with progress, diagnosis, diff and a summary", async () => {
    const { backend, emit } = runBackend();
    const onFinished = vi.fn();
    const user = userEvent.setup();
    render(<RunPanel setupId="s1" onFinished={onFinished} />);

    await user.click(screen.getByTestId("run-start"));
    await waitFor(() => expect(backend.callsTo("start_run")).toHaveLength(1));
    expect(backend.callsTo("start_run")[0]?.setupId).toBe("s1");

    emit({ type: "started", run_id: "run-1", total: 3 });
    const progress = screen.getByTestId("run-progress");
    expect(progress).toHaveAttribute("role", "progressbar");
    expect(progress).toHaveAttribute("aria-valuemax", "3");
    expect(progress).toHaveAttribute("aria-valuenow", "0");

    emit({ type: "check_started", id: "netsuite.auth", title: "Sign in" });
    expect(screen.getByText(/Checking: Sign in/)).toBeInTheDocument();
    emit({ type: "check_finished", result: result() });
    const list = screen.getByTestId("run-results");
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    expect(list).toHaveTextContent("PassedSign in");
    expect(progress).toHaveAttribute("aria-valuenow", "1");
    expect(progress).toHaveAttribute("aria-valuetext", "1 of 3 checks");
    expect(screen.getByText("1 of 3 checks")).toBeVisible();

    emit({ type: "check_finished", result: roleFail });
    const failed = within(list).getAllByRole("listitem")[1];
    if (failed === undefined) throw new Error("second result missing");
    expect(failed).toHaveTextContent("Failed");
    expect(within(failed).getByText("The role has no Currency permission.")).toBeInTheDocument();
    expect(within(failed).getByText("Add Lists > Currency at level View.")).toBeInTheDocument();
    const table = within(failed).getByRole("table");
    const currency = within(table).getByRole("row", { name: /Currency/ });
    expect(currency).toHaveTextContent("LIST_CURRENCY");
    expect(currency).toHaveTextContent("Missing");

    expect(onFinished).not.toHaveBeenCalled();
    const summary = runSummary({ passed: 1, failed: 1, skipped: 1 });
    emit({ type: "finished", summary });
    expect(screen.getByRole("status", { name: "Run summary" })).toHaveTextContent("Some checks failed");
    expect(screen.getByRole("status", { name: "Run summary" })).toHaveTextContent("1 passed, 1 failed, 0 warnings, 1 skipped");
    expect(onFinished).toHaveBeenCalledWith(summary);
    expect(screen.queryByTestId("run-cancel")).toBeNull();
    expect(screen.getByTestId("run-start")).toBeEnabled();
  });

  it("cancels the running run by its id and shows the cancelled summary", async () => {
    const { backend, emit } = runBackend();
    const user = userEvent.setup();
    render(<RunPanel setupId="s1" />);
    await user.click(screen.getByTestId("run-start"));
    emit({ type: "started", run_id: "run-1", total: 4 });
    emit({ type: "check_finished", result: result() });

    await user.click(screen.getByTestId("run-cancel"));
    expect(backend.callsTo("cancel_run")).toEqual([{ runId: "run-1" }]);
    expect(screen.getByTestId("run-cancel")).toBeDisabled();

    emit({ type: "check_finished", result: result({ id: "netsuite.clock", title: "Clock", status: "skip", summary: "cancelled" }) });
    emit({ type: "finished", summary: runSummary({ passed: 1, skipped: 3, cancelled: true }) });
    expect(screen.getByRole("status", { name: "Run summary" })).toHaveTextContent("Run cancelled");
    expect(screen.getByTestId("run-results")).toHaveTextContent("SkippedClock");
  });

  it("never ticks a run whose every check skipped, and leads with why", async () => {
    const { emit } = runBackend();
    const user = userEvent.setup();
    render(<RunPanel setupId="s1" />);
    await user.click(screen.getByTestId("run-start"));
    emit({ type: "started", run_id: "run-1", total: 1 });
    const notProven = result({
      id: "netsuite.auth",
      title: "NetSuite sign-in",
      status: "skip",
      summary: "Not proven: the connector's vendor keeps the private key.",
      cause: "The token is signed with a key only the vendor has.",
      fix: "Give the vendor the Client ID and the Certificate ID and ask them to connect.",
      where: "Setup > Integration > Manage Authentication",
    });
    emit({ type: "check_finished", result: notProven });
    emit({ type: "finished", summary: runSummary({ passed: 0, failed: 0, warned: 0, skipped: 1 }) });
    const summary = screen.getByRole("status", { name: "Run summary" });
    expect(summary).toHaveTextContent("Not proven: no check could run");
    expect(summary).not.toHaveTextContent("All checks passed");
    expect(summary).toHaveClass("not-ok");
    expect(screen.getByTestId("run-next")).toHaveTextContent("ask them to connect");
  });

  it("explains why the run could not start", async () => {
    mockBackend({
      start_run: () => {
        throw ipcError("keychain", "no credentials", {
          cause: "No token secret is stored for this setup.",
          fix: "Store it on the Credentials step.",
          where: "",
        });
      },
    });
    const user = userEvent.setup();
    render(<RunPanel setupId="s1" />);
    await user.click(screen.getByTestId("run-start"));
    expect(await screen.findByRole("alert")).toHaveTextContent("No token secret is stored for this setup.");
    expect(screen.queryByTestId("run-progress")).toBeNull();
  });

  it("puts the verdict and the next action above the results", async () => {
    const { emit } = runBackend();
    const user = userEvent.setup();
    render(<RunPanel setupId="s1" />);
    await user.click(screen.getByTestId("run-start"));
    emit({ type: "started", run_id: "run-1", total: 2 });
    emit({ type: "check_finished", result: result() });
    emit({ type: "check_finished", result: roleFail });
    emit({ type: "finished", summary: runSummary({ passed: 1, failed: 1 }) });
    const summary = await screen.findByRole("status", { name: "Run summary" });
    expect(screen.getByTestId("run-next")).toHaveTextContent(
      "Next: fix “Role permissions”: Add Lists > Currency at level View. Then re-run the failed checks.",
    );
    // Before the list of results in the page.
    const list = screen.getByTestId("run-results");
    expect(summary.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("leads with the failure of the earliest wizard step, whatever order the checks finish in", async () => {
    const records = result({
      id: "netsuite.records",
      title: "Record access",
      status: "fail",
      summary: "Currency cannot be read.",
      cause: "The role cannot view currencies.",
      fix: "Add Currency to the role.",
      where: "Setup > Users/Roles > Manage Roles",
    });
    const features = result({ id: "netsuite.features", title: "Features", status: "pass", summary: "On." });
    const summary = runSummary({ passed: 1, failed: 2 });
    const steps = stepsFor("netsuite", "tba");
    // The records check belongs to no step; the permissions check to the Role step.
    for (const order of [
      [records, features, roleFail],
      [roleFail, features, records],
    ]) {
      expect(nextAction(summary, order, steps)).toBe(
        "fix “Role permissions”: Add Lists > Currency at level View. Then re-run the failed checks.",
      );
    }
    // Without the steps, arrival order decides.
    expect(nextAction(summary, [records, roleFail])).toContain("Add Currency to the role.");
  });

  it("starts a run without a click when asked to as it opens, and only once", async () => {
    const { backend } = runBackend();
    let ask = true;
    const take = () => {
      const now = ask;
      ask = false;
      return now;
    };
    const { rerender } = render(<RunPanel setupId="s1" takeAutoStart={take} />);
    await waitFor(() => expect(backend.callsTo("start_run")).toHaveLength(1));
    rerender(<RunPanel setupId="s1" takeAutoStart={take} />);
    expect(backend.callsTo("start_run")).toHaveLength(1);
  });

  it("waits for a click when not asked to start", async () => {
    const { backend } = runBackend();
    render(<RunPanel setupId="s1" takeAutoStart={() => false} />);
    expect(await screen.findByTestId("run-start")).toHaveTextContent("Run checks");
    expect(backend.callsTo("start_run")).toHaveLength(0);
  });
});
