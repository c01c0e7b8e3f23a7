import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { describe, expect, it } from "vitest";
import type { CheckResult, RotationOutcome, RunEvent } from "../../api";
import { channelSender, mockBackend } from "../../test/backend";
import { setup } from "../../test/fixtures";
import { RotatePanel } from "./RotatePanel";

const auth: CheckResult = {
  id: "netsuite.auth",
  title: "Sign-in",
  status: "fail",
  summary: "NetSuite refused the token.",
  cause: "The token secret is wrong.",
  fix: "Paste the secret again.",
  where: "Setup > Users/Roles > Access Tokens",
  duration_ms: 5,
};

function outcome(proven: boolean): RotationOutcome {
  return {
    proven,
    summary: {
      run_id: "r1",
      passed: proven ? 9 : 0,
      failed: proven ? 0 : 1,
      warned: 0,
      skipped: 0,
      cancelled: false,
      timed_out: false,
      started_at: "2026-12-05T09:00:00Z",
      finished_at: "2026-12-05T09:00:05Z",
    },
    checks: proven ? [] : [auth],
    next_steps: proven ? ["Then revoke the old token."] : ["Nothing was replaced."],
  };
}

describe("RotatePanel", () => {
  it("stores the new values write-only and proves them before anything is replaced", async () => {
    let stored = false;
    let proven = false;
    const backend = mockBackend({
      rotation_state: () => ({
        rotation: "tba_token",
        staged: ["netsuite.token_id", "netsuite.token_secret"].map((name) => ({ name, stored })),
      }),
      rotation_stage: () => {
        stored = true;
        return null;
      },
      rotation_prove: (args) => {
        const send = channelSender(args.onEvent as Channel<RunEvent>);
        send({ type: "started", run_id: "r1", total: 1 });
        send({ type: "check_finished", result: auth });
        const done = outcome(proven);
        proven = true;
        return done;
      },
    });
    const user = userEvent.setup();
    render(<RotatePanel setup={setup({ auth_method: "tba" })} practice={null} onDone={() => undefined} />);
    const prove = await screen.findByRole("button", { name: "Prove and replace" });
    expect(prove).toBeDisabled();

    await user.type(screen.getByLabelText("New Token ID"), "new-id");
    await user.click(screen.getByTestId("staged-save-netsuite.token_id"));
    await user.type(screen.getByLabelText("New Token Secret"), "new-secret");
    await user.click(screen.getByTestId("staged-save-netsuite.token_secret"));
    expect(await screen.findByTestId("staged-status-netsuite.token_secret")).toHaveTextContent("waiting to be proven");
    expect(backend.callsTo("rotation_stage").map((a) => a.name)).toEqual(["netsuite.token_id", "netsuite.token_secret"]);
    expect((screen.getByLabelText("New Token ID") as HTMLInputElement).value).toBe("");

    await user.click(prove);
    const failed = await screen.findByTestId("proof-outcome");
    expect(failed).toHaveAttribute("data-proven", "no");
    expect(failed).toHaveTextContent("nothing was replaced");
    expect(within(screen.getByTestId("proof-failures")).getByText("NetSuite refused the token.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Prove and replace" }));
    await screen.findByText(/Proven: 9 checks passed/);
    expect(screen.getByTestId("proof-next-steps")).toHaveTextContent("revoke the old token");
  });
});

describe("StagedFields", () => {
  it("forgets new values the user gave up on", async () => {
    let stored = true;
    const backend = mockBackend({
      rotation_state: () => ({
        rotation: "tba_token",
        staged: ["netsuite.token_id", "netsuite.token_secret"].map((name) => ({ name, stored })),
      }),
      rotation_discard: () => {
        stored = false;
        return null;
      },
    });
    const user = userEvent.setup();
    render(<RotatePanel setup={setup({ auth_method: "tba" })} practice={null} onDone={() => undefined} />);
    await user.click(await screen.findByTestId("staged-forget"));
    expect(await screen.findByTestId("staged-status-netsuite.token_id")).toHaveTextContent("not stored yet");
    expect(backend.callsTo("rotation_discard")).toHaveLength(1);
    expect(screen.queryByTestId("staged-forget")).toBeNull();
  });
});
