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

  it("disables what the connector does not support", async () => {
    mockBackend({ list_profiles: () => [profile("billing", ["tba"])] });
    render(<AuthMethodStep setup={setup({ profile_id: "billing" })} onChanged={() => undefined} />);
    expect(await screen.findByRole("radio", { name: /client credentials/ })).toBeDisabled();
    expect(screen.getByRole("radio", { name: /Token-Based.*recommended/ })).toBeEnabled();
  });
});
