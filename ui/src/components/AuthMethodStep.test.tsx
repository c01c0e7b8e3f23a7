import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConnectorProfile } from "../api";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { AuthMethodStep } from "./AuthMethodStep";

function profile(id: string, methods: ConnectorProfile["netsuite"] extends infer N ? N extends { auth_methods: infer M } ? M : never : never): ConnectorProfile {
  return {
    schema_version: 1,
    id,
    name: id,
    description: "",
    erp: "netsuite",
    builtin: true,
    netsuite: { auth_methods: methods, scopes: [], features: [], permissions: [] },
    intacct: null,
  };
}

describe("AuthMethodStep", () => {
  it("offers the profile's methods, recommends its first and saves the choice", async () => {
    const b = mockBackend({
      list_profiles: () => [profile("reporting", ["oauth2-code", "oauth2-m2m", "tba"])],
      oauth_set_method: () => null,
    });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<AuthMethodStep setup={setup({ profile_id: "reporting", auth_method: "tba" })} onChanged={onChanged} />);
    const code = await screen.findByRole("radio", { name: /authorization code \(recommended/ });
    expect(screen.getByRole("radio", { name: /Token-Based/ })).toBeChecked();
    await user.click(code);
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(b.callsTo("oauth_set_method")[0]).toEqual({ setupId: "s1", method: "oauth2-code" });
  });

  it("offers only what the connector supports and names the rest", async () => {
    mockBackend({ list_profiles: () => [profile("billing", ["tba"])] });
    render(<AuthMethodStep setup={setup({ profile_id: "billing" })} onChanged={() => undefined} />);
    const tba = await screen.findByRole("radio", { name: /Token-Based.*recommended/ });
    expect(screen.getAllByRole("radio")).toEqual([tba]);
    // Nothing is chosen for the user.
    expect(tba).not.toBeChecked();
    expect(screen.getByTestId("auth-method-none")).toBeInTheDocument();
    expect(screen.getByTestId("auth-methods-unsupported")).toHaveTextContent(
      "Not supported by billing, so not offered: OAuth 2.0 — authorization code, OAuth 2.0 — client credentials (M2M).",
    );
  });

  it("flags a setup still set to a method its profile does not support", async () => {
    mockBackend({ list_profiles: () => [profile("billing", ["tba"])] });
    render(<AuthMethodStep setup={setup({ profile_id: "billing", auth_method: "oauth2-code" })} onChanged={() => undefined} />);
    expect(await screen.findByTestId("auth-method-mismatch")).toHaveTextContent(
      /set to OAuth 2.0 — authorization code, which billing does not support/,
    );
    expect(screen.queryByRole("radio", { name: /authorization code/ })).toBeNull();
  });
});
