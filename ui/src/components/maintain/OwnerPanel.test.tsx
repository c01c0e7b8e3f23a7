import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { OwnerOutcome } from "../../api";
import { mockBackend } from "../../test/backend";
import { setup } from "../../test/fixtures";
import { OwnerPanel } from "./OwnerPanel";

const current = { user_email: "integration@wolfe.example", role_name: "Onramp Integration" };

function outcome(matches: boolean): OwnerOutcome {
  return {
    rotation: {
      proven: matches,
      summary: {
        run_id: "r1",
        passed: 9,
        failed: 0,
        warned: 0,
        skipped: 0,
        cancelled: false,
        timed_out: false,
        started_at: "2026-12-05T09:00:00Z",
        finished_at: "2026-12-05T09:00:05Z",
      },
      checks: [],
      next_steps: matches
        ? ["Then revoke integration@wolfe.example's token.", "Retire integration@wolfe.example."]
        : ["The new token signs in as integration@wolfe.example, not integration2@wolfe.example: it was created for the wrong user."],
    },
    owner: {
      expected: "integration2@wolfe.example",
      acting_as: matches ? "integration2@wolfe.example" : "integration@wolfe.example",
      matches,
      how: "The simulated Login Audit Trail records the run's logins under this user.",
    },
  };
}

describe("OwnerPanel", () => {
  it("names the new user, then refuses a token that acts as someone else", async () => {
    const staged = { rotation: "tba_token", staged: [{ name: "netsuite.token_id", stored: true }, { name: "netsuite.token_secret", stored: true }] };
    const backend = mockBackend({
      owner_begin: (args) => setup({ fields: { ...current, netsuite: { owner_change: { to: args.newUser as string } } } }),
      rotation_state: () => staged,
      owner_prove: () => outcome(false),
    });
    let shown = setup({ auth_method: "tba", fields: current });
    const user = userEvent.setup();
    const { rerender } = render(
      <OwnerPanel setup={shown} practice={null} onSetup={(s) => (shown = s)} onDone={() => undefined} />,
    );
    expect(screen.getByTestId("owner-current")).toHaveTextContent("integration@wolfe.example");
    expect(screen.queryByRole("button", { name: "Prove the new owner's token" })).toBeNull();

    await user.type(screen.getByLabelText(/The user taking over/), "integration2@wolfe.example");
    await user.click(screen.getByTestId("owner-begin"));
    expect(backend.callsTo("owner_begin")[0]?.newUser).toBe("integration2@wolfe.example");
    rerender(<OwnerPanel setup={shown} practice={null} onSetup={(s) => (shown = s)} onDone={() => undefined} />);
    expect(screen.getByText(/Give/)).toHaveTextContent("integration2@wolfe.example the role Onramp Integration");

    await user.click(await screen.findByRole("button", { name: "Prove the new owner's token" }));
    const proof = await screen.findByTestId("owner-proof");
    expect(proof).toHaveAttribute("data-matches", "false");
    expect(screen.getByTestId("proof-outcome")).toHaveAttribute("data-proven", "no");
    expect(screen.getByTestId("proof-next-steps")).toHaveTextContent("created for the wrong user");
  });
});
