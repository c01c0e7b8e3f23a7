import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { describe, expect, it, vi } from "vitest";
import type { RunEvent } from "../api";
import { NETSUITE_STEPS } from "../model/steps";
import { channelSender, ipcError, mockBackend } from "../test/backend";
import { result, runSummary, setup } from "../test/fixtures";
import { PracticeFixPanel } from "./PracticeFixPanel";
import { RunPanel, toRerun } from "./RunPanel";
import { StepCheck } from "./StepCheck";

function runBackend(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  let send: ((e: RunEvent) => void) | null = null;
  const backend = mockBackend({
    start_run: (args) => {
      send = channelSender(args.onEvent as Channel<RunEvent>);
      return "run-1";
    },
    cancel_run: () => null,
    ...extra,
  });
  const emit = (event: RunEvent) =>
    act(() => {
      if (send === null) throw new Error("run not started");
      send(event);
    });
  return { backend, emit };
}

const authPass = result({ id: "netsuite.auth", title: "Sign in" });
const permsFail = result({
  id: "netsuite.permissions",
  title: "Role permissions",
  status: "fail",
  summary: "Currency is missing.",
  cause: "The role has no Currency permission.",
  fix: "Add Currency at View.",
  where: "Setup > Users/Roles > Manage Roles",
});
const recordsSkip = result({ id: "netsuite.records", title: "Records", status: "skip", summary: "Not run" });

describe("re-running failed checks", () => {
  it("picks failures and the checks they skipped", () => {
    expect(toRerun([authPass, permsFail, recordsSkip])).toEqual(["netsuite.permissions", "netsuite.records"]);
  });

  it("runs only those ids, keeps the others as earlier results and says when all now pass", async () => {
    const { backend, emit } = runBackend();
    const user = userEvent.setup();
    render(<RunPanel setupId="s1" />);
    await user.click(screen.getByTestId("run-start"));
    expect(backend.callsTo("start_run")[0]?.only).toBeNull();
    emit({ type: "started", run_id: "run-1", total: 3 });
    for (const r of [authPass, permsFail, recordsSkip]) emit({ type: "check_finished", result: r });
    emit({ type: "finished", summary: runSummary({ passed: 1, failed: 1, skipped: 1 }) });

    await user.click(screen.getByTestId("run-failed"));
    await waitFor(() => expect(backend.callsTo("start_run")).toHaveLength(2));
    expect(backend.callsTo("start_run")[1]?.only).toEqual(["netsuite.permissions", "netsuite.records"]);
    emit({ type: "started", run_id: "run-2", total: 3 });
    for (const r of [authPass, { ...permsFail, status: "pass" as const }, { ...recordsSkip, status: "pass" as const }]) {
      emit({ type: "check_finished", result: r });
    }
    emit({ type: "finished", summary: runSummary({ passed: 3 }) });
    expect(screen.getByTestId("rerun-verdict")).toHaveTextContent("every check that failed now passes");
    expect(screen.queryByTestId("run-failed")).toBeNull();
    expect(within(screen.getByTestId("run-results")).getAllByRole("listitem")).toHaveLength(3);
  });
});

describe("StepCheck", () => {
  const role = NETSUITE_STEPS.find((s) => s.id === "role");
  if (role === undefined) throw new Error("no role step");

  it("runs the step's checks and shows their results inline with the fix", async () => {
    const { backend, emit } = runBackend();
    const user = userEvent.setup();
    const onVerdict = vi.fn();
    render(<StepCheck setupId="s1" step={role} onVerdict={onVerdict} />);
    await user.click(screen.getByRole("button", { name: "I've done this — check it" }));
    expect(backend.callsTo("start_run")[0]?.only).toEqual(["netsuite.permissions", "netsuite.subsidiary"]);
    emit({ type: "started", run_id: "run-1", total: 2 });
    emit({ type: "check_finished", result: authPass });
    emit({ type: "check_finished", result: permsFail });
    emit({ type: "finished", summary: runSummary({ passed: 1, failed: 1 }) });
    expect(screen.getByTestId("check-it-verdict")).toHaveTextContent("Not done yet: 1 check fails");
    expect(onVerdict).toHaveBeenCalledWith(false);
    expect(screen.getByTestId("check-it-results")).toHaveTextContent("The role has no Currency permission.");
  });

  it("says to store the credentials first when the keychain has none", async () => {
    mockBackend({
      start_run: () => {
        throw ipcError("invalid_input", "not stored yet: Token ID, Token secret", {
          cause: "The checks sign in with these credentials.",
          fix: "Open the Credentials step.",
          where: "Onramp > this setup > Credentials",
        });
      },
    });
    const user = userEvent.setup();
    render(<StepCheck setupId="s1" step={role} />);
    await user.click(screen.getByTestId("check-it"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Store the credentials first");
    expect(alert).toHaveTextContent("Token ID, Token secret");
  });

  it("offers no check on a step no API call can confirm", () => {
    const profile = NETSUITE_STEPS.find((s) => s.id === "profile");
    if (profile === undefined) throw new Error("no profile step");
    mockBackend({});
    render(<StepCheck setupId="s1" step={profile} />);
    expect(screen.queryByTestId("check-it")).toBeNull();
  });
});

describe("PracticeFixPanel", () => {
  it("shows the change as a simulation and makes it on request", async () => {
    const practice = setup({ practice_scenario: "netsuite/missing-currency-permission" });
    const backend = mockBackend({
      practice_fix: () => ({
        change: "Add Currency at View.",
        where: "Setup > Users/Roles > Manage Roles",
        in_onramp: false,
        new_credentials: false,
        applied: false,
      }),
      apply_practice_fix: () => ({ ...practice, fields: { practice_fix: "netsuite/missing-currency-permission" } }),
    });
    const onApplied = vi.fn();
    const user = userEvent.setup();
    render(<PracticeFixPanel setup={practice} onApplied={onApplied} />);
    const panel = await screen.findByTestId("practice-fix");
    expect(panel).toHaveTextContent("Simulation");
    expect(panel).toHaveTextContent("Simulated NetSuite: make this change");
    await user.click(screen.getByTestId("practice-fix-apply"));
    expect(await screen.findByTestId("practice-fix-applied")).toHaveTextContent("re-run the failed checks");
    expect(backend.callsTo("apply_practice_fix")).toEqual([{ setupId: practice.id }]);
    expect(onApplied).toHaveBeenCalledTimes(1);
  });
});
