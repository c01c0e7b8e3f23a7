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
});
