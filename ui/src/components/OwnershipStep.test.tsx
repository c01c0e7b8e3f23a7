import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CredentialIdentity } from "../api";
import { ipcError, mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { OwnershipStep } from "./OwnershipStep";

const expected = { role_name: "Onramp Integration", user_email: "integration@wolfe.example" };

function identity(overrides: Partial<CredentialIdentity>): CredentialIdentity {
  return {
    method: "oauth2-code",
    role_id: "1001",
    entity_id: "13",
    role_name: "Onramp Integration",
    user_email: "integration@wolfe.example",
    expected_role: expected.role_name,
    expected_user: expected.user_email,
    role_matches: true,
    user_matches: true,
    audit: null,
    ...overrides,
  };
}

describe("OwnershipStep", () => {
  it("explains who NetSuite records and shows who an OAuth token acts as", async () => {
    mockBackend({ netsuite_identity: () => identity({ role_name: "Administrator", role_id: "3", role_matches: false }) });
    const user = userEvent.setup();
    render(<OwnershipStep setup={setup({ auth_method: "oauth2-code", fields: expected })} />);
    expect(screen.getByText(/presses Allow is the user the token acts as/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Check who the credentials act as" }));
    const result = await screen.findByTestId("identity-result");
    expect(result).toHaveTextContent("Administrator (internal ID 3) — not the one expected");
    expect(result).toHaveTextContent("integration@wolfe.example (internal ID 13) — as expected");
  });

  it("for TBA says the token does not name its user and shows the role it found by name", async () => {
    mockBackend({
      netsuite_identity: () =>
        identity({ method: "tba", entity_id: null, user_email: null, role_matches: null, user_matches: null }),
    });
    const user = userEvent.setup();
    render(<OwnershipStep setup={setup({ auth_method: "tba", fields: expected })} />);
    expect(screen.getByText(/Access Tokens lists each token's user and role/)).toBeInTheDocument();
    await user.click(screen.getByTestId("identity-check"));
    const result = await screen.findByTestId("identity-result");
    expect(result).toHaveTextContent("Onramp Integration (internal ID 1001)");
    expect(result).toHaveTextContent("not named by a TBA token");
    expect(result).not.toHaveTextContent("as expected");
  });

  it("for TBA names the token's user from the Login Audit Trail when an administrator reads it", async () => {
    mockBackend({
      netsuite_identity: () =>
        identity({
          method: "tba",
          entity_id: "7",
          user_email: "admin@wolfe.example",
          role_id: "3",
          role_name: "Administrator",
          role_matches: false,
          user_matches: false,
          audit: { token: "Onramp Connector - Dana Admin", application: "Onramp Connector", date: "2026-12-05T15:04:05Z" },
        }),
    });
    const user = userEvent.setup();
    render(<OwnershipStep setup={setup({ auth_method: "tba", fields: expected })} />);
    await user.click(screen.getByTestId("identity-check"));
    const result = await screen.findByTestId("identity-result");
    expect(result).toHaveTextContent("admin@wolfe.example (internal ID 7) — not the one expected");
    expect(result).toHaveTextContent("Administrator (internal ID 3) — not the one expected");
    expect(screen.getByTestId("identity-audit")).toHaveTextContent(
      "the Login Audit Trail: a sign-in with the token “Onramp Connector - Dana Admin” of Onramp Connector",
    );
  });

  it("for TBA does not claim a role is missing when the role list is not readable", async () => {
    mockBackend({
      netsuite_identity: () =>
        identity({ method: "tba", role_id: null, role_name: null, entity_id: null, user_email: null, role_matches: null }),
    });
    const user = userEvent.setup();
    render(<OwnershipStep setup={setup({ auth_method: "tba", fields: expected })} />);
    await user.click(screen.getByTestId("identity-check"));
    const result = await screen.findByTestId("identity-result");
    expect(result).toHaveTextContent("Onramp Integration is not visible to these credentials");
    expect(result).toHaveTextContent("requires Manage Roles");
    expect(result).not.toHaveTextContent("was found");
  });

  it("shows why the check could not run", async () => {
    mockBackend({
      netsuite_identity: () => {
        throw ipcError("invalid_input", "OAuth 2.0 connection is not entered yet", {
          cause: "Onramp needs the OAuth 2.0 connection of this setup and has none.",
          fix: "On the Credentials step press Connect.",
          where: "Onramp > this setup > Credentials",
        });
      },
    });
    const user = userEvent.setup();
    render(<OwnershipStep setup={setup({ auth_method: "oauth2-m2m" })} />);
    await user.click(screen.getByTestId("identity-check"));
    expect(await screen.findByRole("alert")).toHaveTextContent("press Connect");
  });
});
