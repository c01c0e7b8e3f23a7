import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Channel } from "@tauri-apps/api/core";
import { describe, expect, it, vi } from "vitest";
import type { OAuthEvent, OAuthStatus } from "../api";
import { channelSender, ipcError, mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { OAuthCodeStep } from "./OAuthCodeStep";

const none: OAuthStatus = {
  connected: false,
  can_refresh: false,
  access_expires_at: null,
  refresh_expires_at: null,
  role: null,
  entity: null,
  scopes: [],
  role_name: null,
  user_name: null,
  user_email: null,
  user_matches: null,
  role_matches: null,
};
const linked: OAuthStatus = {
  ...none,
  connected: true,
  can_refresh: true,
  access_expires_at: "2026-11-20T10:30:00Z",
  refresh_expires_at: "2026-11-27T09:30:00Z",
  role: "1001",
  entity: "13",
};

function backend(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  let send: ((e: OAuthEvent) => void) | null = null;
  const b = mockBackend({
    secret_specs: () => [{ name: "netsuite.oauth2_client_secret", label: "Client secret", help: "Shown once." }],
    secret_exists: () => false,
    oauth_status: () => none,
    oauth_connect: (args) => {
      send = channelSender(args.onEvent as Channel<OAuthEvent>);
      return {
        authorize_url: "https://1234567.app.netsuite.com/app/login/oauth2/authorize.nl?state=x",
        redirect_uri: "com.onramp.app://oauth/callback",
        practice_window: false,
      };
    },
    ...extra,
  });
  const emit = (e: OAuthEvent) =>
    act(() => {
      if (send === null) throw new Error("not connecting");
      send(e);
    });
  return { b, emit };
}

const oauthSetup = setup({ auth_method: "oauth2-code", fields: { netsuite: { client_id: "abc123" } } });

describe("OAuthCodeStep", () => {
  it("connects, then shows who the token acts as and when the tokens expire", async () => {
    const { b, emit } = backend();
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<OAuthCodeStep setup={oauthSetup} onChanged={onChanged} />);
    expect(await screen.findByTestId("oauth-client-id-value")).toHaveTextContent("abc123");
    expect(await screen.findByTestId("oauth-connected")).toHaveTextContent("Not connected");

    await user.click(screen.getByRole("button", { name: "Connect to NetSuite" }));
    expect(await screen.findByTestId("oauth-launched")).toHaveTextContent("opened in your browser");
    expect(b.callsTo("oauth_connect")[0]?.setupId).toBe("s1");

    emit({ type: "connected", status: linked });
    expect(screen.getByTestId("oauth-sub")).toHaveTextContent("role 1001, user (employee) 13");
    expect(screen.getByTestId("oauth-access-expiry").querySelector("time")).toHaveAttribute("dateTime", linked.access_expires_at);
    expect(screen.getByTestId("oauth-refresh-expiry").querySelector("time")).toHaveAttribute("dateTime", linked.refresh_expires_at);
    expect(onChanged).toHaveBeenCalled();
  });

  it("shows a refused redirect's diagnosis", async () => {
    const { emit } = backend();
    const user = userEvent.setup();
    render(<OAuthCodeStep setup={oauthSetup} onChanged={() => undefined} />);
    await user.click(await screen.findByTestId("oauth-connect"));
    await screen.findByTestId("oauth-launched");
    emit({
      type: "failed",
      error: ipcError("auth", "NetSuite refused the authorization: access_denied", {
        cause: "The user pressed Deny.",
        fix: "Connect again and press Allow.",
        where: "NetSuite consent page",
      }),
    });
    expect(screen.getByRole("alert")).toHaveTextContent("The user pressed Deny.");
  });

  it("takes a pasted address as the fallback, and says why one is refused", async () => {
    let attempts = 0;
    const { b } = backend({
      oauth_paste_redirect: () => {
        attempts += 1;
        if (attempts === 1) throw ipcError("invalid_input", "the returned address belongs to a different sign-in attempt");
        return linked;
      },
    });
    const user = userEvent.setup();
    render(<OAuthCodeStep setup={oauthSetup} onChanged={() => undefined} />);
    const field = await screen.findByLabelText("Or paste the address NetSuite sent you to");
    await user.type(field, "com.onramp.app://oauth/callback?state=old&code=c");
    await user.click(screen.getByTestId("oauth-paste-submit"));
    expect(await screen.findByRole("alert")).toHaveTextContent("different sign-in attempt");

    await user.type(field, "x");
    await user.click(screen.getByTestId("oauth-paste-submit"));
    await waitFor(() => expect(screen.getByTestId("oauth-sub")).toHaveTextContent("role 1001"));
    expect(b.callsTo("oauth_paste_redirect")[1]?.url).toBe("com.onramp.app://oauth/callback?state=old&code=cx");
  });

  it("asks for the Client ID before connecting", async () => {
    backend();
    render(<OAuthCodeStep setup={setup({ auth_method: "oauth2-code" })} onChanged={() => undefined} />);
    expect(await screen.findByTestId("oauth-connect")).toBeDisabled();
    expect(screen.getByText("Save the Client ID first.")).toBeInTheDocument();
  });

  it("names who the connection acts as and offers to reconnect when it is not the integration user", async () => {
    const admin: OAuthStatus = {
      ...linked,
      role: "3",
      entity: "7",
      role_name: "Administrator",
      user_name: "Dana Admin",
      user_email: "admin@wolfe.example",
      user_matches: false,
      role_matches: false,
    };
    const { b } = backend({ oauth_status: () => admin, oauth_revoke: () => none });
    const user = userEvent.setup();
    render(<OAuthCodeStep setup={setup({ ...oauthSetup, fields: { netsuite: { client_id: "abc123" }, user_email: "integration@wolfe.example" } })} onChanged={() => undefined} />);
    expect(await screen.findByTestId("oauth-owner-name")).toHaveTextContent("Dana Admin (admin@wolfe.example), role Administrator");
    expect(screen.getByTestId("oauth-sub")).toHaveTextContent("role 3, user (employee) 7");
    expect(screen.getByTestId("oauth-wrong-user")).toHaveTextContent(
      "acts as Dana Admin (admin@wolfe.example), role Administrator, not as integration@wolfe.example",
    );
    await user.click(screen.getByRole("button", { name: "Not the integration user? Reconnect" }));
    await waitFor(() => expect(b.callsTo("oauth_connect")).toHaveLength(1));
    expect(b.callsTo("oauth_revoke")).toHaveLength(1);
    expect(screen.queryByTestId("oauth-wrong-user")).toBeNull();
  });

  it("says so when the token's role may not read names, and claims no match", async () => {
    backend({ oauth_status: () => linked });
    render(<OAuthCodeStep setup={oauthSetup} onChanged={() => undefined} />);
    expect(await screen.findByTestId("oauth-sub")).toHaveTextContent("role 1001, user (employee) 13");
    expect(screen.queryByTestId("oauth-owner-name")).toBeNull();
    expect(screen.queryByTestId("oauth-wrong-user")).toBeNull();
    expect(screen.getByTestId("oauth-status")).toHaveTextContent("may not read employee or role names");
  });
});
