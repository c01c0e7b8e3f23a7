import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AdminStatus, EmployeePlan } from "../api";
import { ipcError, mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { AdminPanel } from "./AdminPanel";

const signedIn: AdminStatus = {
  signed_in: true,
  consented_by: "admin@wolfe.example (NetSuite user 7)",
  expires_at: "2026-12-05T11:00:00Z",
  kept: false,
};
const signedOut: AdminStatus = { signed_in: false, consented_by: null, expires_at: null, kept: false };

const plan: EmployeePlan = {
  preview: {
    action: "Create the integration employee",
    changes: ["Create the employee Onramp Integration <integration@wolfe.example> in subsidiary 'US' (ID 1)."],
    warnings: ["An integration user takes a full NetSuite user licence."],
  },
  subsidiaries: [{ id: "1", name: "US" }],
  role_id: "1001",
};

describe("AdminPanel", () => {
  it("signs in as administrator, keeping the token only when asked", async () => {
    const b = mockBackend({
      admin_status: () => signedOut,
      admin_sign_in: () => ({ authorize_url: "https://1234567.app.netsuite.com/x", redirect_uri: "com.onramp.app://oauth/callback", practice_window: false }),
    });
    const user = userEvent.setup();
    render(<AdminPanel setup={setup({ auth_method: "tba" })} onChanged={vi.fn()} />);
    await user.click(await screen.findByLabelText(/Keep the sign-in in my keychain/));
    await user.click(screen.getByTestId("admin-sign-in"));
    await waitFor(() => expect(b.callsTo("admin_sign_in")[0]?.keep).toBe(true));
    expect(await screen.findByText(/opened in your browser/)).toBeInTheDocument();
  });

  it("previews the employee as a plain list and creates it only on the click", async () => {
    const b = mockBackend({
      admin_status: () => signedIn,
      admin_employee_plan: () => plan,
      admin_create_employee: () => ({
        employee_id: "101",
        change: {
          at: "2026-12-05T10:00:00Z",
          consented_by: signedIn.consented_by,
          action: plan.preview.action,
          changes: plan.preview.changes,
          outcome: "Read back employee 101: integration@wolfe.example, Give Access on, role 1001.",
        },
      }),
      admin_read_audit: () => ({ user_email: null, findings: [] }),
    });
    const user = userEvent.setup();
    render(<AdminPanel setup={setup({ auth_method: "tba", fields: { user_email: "integration@wolfe.example" } })} onChanged={vi.fn()} />);
    expect(await screen.findByTestId("admin-signed-in")).toHaveTextContent("admin@wolfe.example");
    await user.click(screen.getByTestId("admin-employee-preview"));
    expect(await screen.findByText(/Onramp will/)).toBeInTheDocument();
    expect(screen.getByText(/full NetSuite user licence/)).toBeInTheDocument();
    expect(b.callsTo("admin_create_employee")).toHaveLength(0);
    await user.click(screen.getByTestId("admin-employee-confirm"));
    expect(await screen.findByTestId("admin-employee-done")).toHaveTextContent("Read back employee 101");
    expect(b.callsTo("admin_create_employee")[0]?.input).toMatchObject({ email: "integration@wolfe.example", subsidiary_id: "1" });
  });

  it("shows a refusal's cause, fix and where", async () => {
    mockBackend({
      admin_status: () => signedIn,
      admin_employee_plan: () => plan,
      admin_create_employee: () => {
        throw ipcError("protocol", "NetSuite reported a user error", {
          cause: "Another employee already uses this email address.",
          fix: "Use a dedicated address.",
          where: "Lists > Employees",
        });
      },
    });
    const user = userEvent.setup();
    render(<AdminPanel setup={setup({ auth_method: "tba" })} onChanged={vi.fn()} />);
    await user.click(await screen.findByTestId("admin-employee-preview"));
    await user.click(await screen.findByTestId("admin-employee-confirm"));
    expect(await screen.findByText(/already uses this email/)).toBeInTheDocument();
  });

  it("reads the Login Audit Trail and shows each failure's cause, fix and where", async () => {
    mockBackend({
      admin_status: () => signedIn,
      admin_read_audit: () => ({
        user_email: "integration@wolfe.example",
        findings: [
          {
            date: "2026-12-05T09:00:00Z",
            email: "",
            detail: "token_rejected",
            token: "",
            application: "",
            diagnosis: { cause: "The token is revoked.", fix: "Create a new access token.", where: "Setup > Users/Roles > Access Tokens" },
          },
        ],
      }),
    });
    const user = userEvent.setup();
    render(<AdminPanel setup={setup({ auth_method: "tba" })} onChanged={vi.fn()} />);
    await user.click(await screen.findByTestId("admin-audit-read"));
    expect(await screen.findByTestId("admin-audit-detail")).toHaveTextContent("token_rejected");
    expect(screen.getByText(/The token is revoked/)).toBeInTheDocument();
    expect(screen.getByText(/unknown user/)).toBeInTheDocument();
  });

  it("maps the certificate, revoking only the replaced ones the person ticks", async () => {
    const b = mockBackend({
      admin_status: () => signedIn,
      admin_read_audit: () => ({ user_email: null, findings: [] }),
      admin_certificate_plan: () => ({
        preview: {
          action: "Map the M2M certificate",
          changes: ["Map this setup's certificate to employee 101 with role 1001.", "Revoke certificate OLD1, which the new one replaces."],
          warnings: ["1 of 5 certificate slots of this integration record are in use."],
        },
        slots: [{ certificate_id: "OLD1", role: "1001", entity: "101", valid_until: "2027-01-01T00:00:00Z", revoked: false }],
        replaceable: ["OLD1"],
      }),
      admin_map_certificate: () => ({
        certificate_id: "NEW1",
        revoked: ["OLD1"],
        change: { at: "t", consented_by: "admin", action: "Map the M2M certificate", changes: [], outcome: "Certificate NEW1 is active." },
      }),
    });
    const user = userEvent.setup();
    render(<AdminPanel setup={setup({ auth_method: "oauth2-m2m" })} onChanged={vi.fn()} />);
    await user.click(await screen.findByTestId("admin-cert-preview"));
    const changes = await screen.findByTestId("admin-cert-changes");
    expect(changes).toHaveTextContent("1 of 5 certificate slots");
    expect(changes).not.toHaveTextContent("Revoke certificate OLD1");
    await user.click(screen.getByLabelText(/Revoke certificate OLD1 \(replaced by the new one\)/));
    expect(screen.getByTestId("admin-cert-changes")).toHaveTextContent("Revoke certificate OLD1");
    await user.click(screen.getByTestId("admin-cert-confirm"));
    expect(await screen.findByTestId("admin-cert-done")).toHaveTextContent("Certificate NEW1 is active.");
    expect(b.callsTo("admin_map_certificate")[0]?.revoke).toEqual(["OLD1"]);
  });
});
