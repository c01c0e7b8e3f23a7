import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { describe, expect, it } from "vitest";
import type { OAuthEvent, OAuthStatus, RotationOutcome } from "../../api";
import { channelSender, mockBackend } from "../../test/backend";
import { setup } from "../../test/fixtures";
import { ReconsentPanel } from "./ReconsentPanel";

const code = setup({ auth_method: "oauth2-code", practice_scenario: "netsuite/oauth-happy", fields: { user_email: "integration@wolfe.example" } });

const status: OAuthStatus = {
  connected: true,
  can_refresh: true,
  access_expires_at: null,
  refresh_expires_at: null,
  role: "1001",
  entity: "13",
  scopes: ["rest_webservices"],
  role_name: null,
  user_name: null,
  user_email: null,
  user_matches: null,
  role_matches: null,
};

function outcome(proven: boolean, steps: string[]): RotationOutcome {
  return {
    proven,
    summary: {
      run_id: "r1",
      passed: proven ? 9 : 8,
      failed: proven ? 0 : 1,
      warned: 0,
      skipped: 0,
      cancelled: false,
      timed_out: false,
      started_at: "2026-12-05T09:00:00Z",
      finished_at: "2026-12-05T09:00:05Z",
    },
    checks: [],
    next_steps: steps,
  };
}

describe("ReconsentPanel", () => {
  it("keeps the new consent waiting until a run proves it, and says why one is refused", async () => {
    let pending = false;
    let send: ((e: OAuthEvent) => void) | null = null;
    const results = [
      outcome(false, ["The new consent belongs to the wrong user.", "Nothing was replaced."]),
      outcome(true, ["Onramp now signs in with the new consent."]),
    ];
    const backend = mockBackend({
      reconsent_state: () => ({ pending, refresh_expires_at: null, scopes: pending ? ["rest_webservices"] : [] }),
      oauth_reconsent: (args) => {
        send = channelSender(args.onEvent as Channel<OAuthEvent>);
        return { authorize_url: "https://1234567.app.netsuite.com/x", redirect_uri: "com.onramp.app://oauth/callback", practice_window: true };
      },
      reconsent_prove: () => results.shift(),
    });
    let done = 0;
    const user = userEvent.setup();
    render(<ReconsentPanel setup={code} onDone={() => (done += 1)} />);
    expect(await screen.findByTestId("reconsent-status")).toHaveTextContent("none yet");
    const prove = screen.getByRole("button", { name: "Prove and replace" });
    expect(prove).toBeDisabled();
    expect(screen.getByText(/signed in to NetSuite as integration@wolfe.example/)).toBeInTheDocument();

    await user.click(screen.getByTestId("reconsent-connect"));
    expect(backend.callsTo("oauth_reconsent")[0]?.setupId).toBe("s1");
    expect(await screen.findByTestId("reconsent-launched")).toHaveTextContent("second Onramp window");
    pending = true;
    act(() => send?.({ type: "connected", status }));
    expect(await screen.findByText(/waiting to be proven \(scopes rest_webservices\)/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Prove and replace" }));
    const refused = await screen.findByTestId("proof-outcome");
    expect(refused).toHaveAttribute("data-proven", "no");
    expect(screen.getByTestId("proof-next-steps")).toHaveTextContent("wrong user");

    await user.click(screen.getByRole("button", { name: "Prove and replace" }));
    expect(await screen.findByText(/Proven: 9 checks passed/)).toBeInTheDocument();
    expect(done).toBe(2);
  });

  it("shows a refused sign-in and forgets a consent the user gave up on", async () => {
    let pending = true;
    let send: ((e: OAuthEvent) => void) | null = null;
    const backend = mockBackend({
      reconsent_state: () => ({ pending, refresh_expires_at: null, scopes: [] }),
      oauth_reconsent: (args) => {
        send = channelSender(args.onEvent as Channel<OAuthEvent>);
        return { authorize_url: "https://1234567.app.netsuite.com/x", redirect_uri: "com.onramp.app://oauth/callback", practice_window: false };
      },
      reconsent_discard: () => {
        pending = false;
        return null;
      },
    });
    const user = userEvent.setup();
    render(<ReconsentPanel setup={code} onDone={() => undefined} />);
    await user.click(await screen.findByTestId("reconsent-discard"));
    expect(await screen.findByTestId("reconsent-status")).toHaveTextContent("none yet");
    expect(backend.callsTo("reconsent_discard")).toHaveLength(1);

    await user.click(screen.getByTestId("reconsent-connect"));
    expect(await screen.findByTestId("oauth-paste-input")).toBeInTheDocument();
    act(() => send?.({ type: "failed", error: { kind: "auth", message: "access_denied", diagnosis: null } }));
    expect(await screen.findByText(/access_denied/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Prove and replace" })).toBeDisabled();
  });
});
