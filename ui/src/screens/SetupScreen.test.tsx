import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Setup, SetupChange } from "../api";
import { mockBackend } from "../test/backend";
import { applyChanges, setup as setupFixture } from "../test/fixtures";
import { SetupScreen } from "./SetupScreen";

/** A backend that keeps the one setup and saves whatever the screen sends. */
const profile = (id: string, erp: "netsuite" | "intacct", name: string) => ({
  schema_version: 1,
  id,
  name,
  description: `${name} connector`,
  erp,
  builtin: true,
});

function store(initial: Setup, keychainHasAll = false) {
  let current = initial;
  const backend = mockBackend({
    list_profiles: () => [
      profile("netsuite-zuora-billing", "netsuite", "Billing"),
      profile("netsuite-readonly-reporting", "netsuite", "Reporting"),
      profile("intacct-accounting-sync", "intacct", "Accounting sync"),
    ],
    get_setup: () => current,
    change_setup: (args) => {
      current = applyChanges(current, args.changes as SetupChange[]);
      return current;
    },
    secret_exists: () => keychainHasAll,
    secret_specs: (args) =>
      args.erp === "intacct"
        ? [
            { name: "intacct.sender_id", label: "Sender ID", help: "" },
            { name: "intacct.user_password", label: "Web Services user password", help: "" },
          ]
        : [{ name: "netsuite.token_secret", label: "Token secret", help: "" }],
  });
  return { backend, saved: () => current };
}

describe("SetupScreen", () => {
  it("shows the step's purpose and menu path, and 'I've done this' marks it done and moves on", async () => {
    const { saved } = store(setupFixture({ current_step: "features" , steps: { account: { status: "done", updated_at: "2026-11-20T09:30:00Z" } } }));
    const user = userEvent.setup();
    render(<SetupScreen id="s1" onHome={() => undefined} />);

    expect(await screen.findByRole("heading", { level: 2, name: "Features" })).toHaveFocus();
    expect(screen.getByText("Setup > Company > Enable Features > SuiteCloud")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy menu path" })).toBeInTheDocument();
    // The account is labelled with its environment in the header.
    expect(within(screen.getByRole("banner")).getByText("Sandbox")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "I've done this" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Role & permissions" })).toBeInTheDocument();
    expect(saved().current_step).toBe("role");
    expect(saved().steps?.features?.status).toBe("done");
    expect(screen.getByTestId("step-features")).toHaveAttribute("data-status", "done");
    expect(screen.getByTestId("step-role")).toHaveAttribute("aria-current", "step");
  });

  it("jumps back to a done step from the rail", async () => {
    const { saved } = store(setupFixture({ current_step: "features", steps: { account: { status: "done", updated_at: "2026-11-20T09:30:00Z" } } }));
    const user = userEvent.setup();
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    await user.click(await screen.findByTestId("step-account"));
    expect(await screen.findByRole("heading", { level: 2, name: "Account" })).toBeInTheDocument();
    expect(saved().current_step).toBe("account");
  });

  it("offers this ERP's connector profiles and saves the one picked", async () => {
    const { saved } = store(setupFixture({ current_step: "profile" }));
    const user = userEvent.setup();
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    const group = await screen.findByRole("group", { name: "Connector profile" });
    const options = within(group).getAllByRole("radio");
    expect(options.map((o) => (o as HTMLInputElement).value)).toEqual([
      "netsuite-zuora-billing",
      "netsuite-readonly-reporting",
    ]);
    // Nothing is picked for the user, and the step is not left before a pick.
    expect(options.filter((o) => (o as HTMLInputElement).checked)).toEqual([]);
    expect(screen.getByTestId("next-step")).toBeDisabled();
    expect(screen.getByTestId("choice-missing")).toHaveTextContent("Choose a connector profile to continue.");
    await user.click(within(group).getByRole("radio", { name: /Reporting/ }));
    await waitFor(() => expect(saved().profile_id).toBe("netsuite-readonly-reporting"));
    expect(within(group).getByRole("radio", { name: /Reporting/ })).toBeChecked();
    expect(screen.getByTestId("next-step")).toBeEnabled();
  });

  it("puts the write-only secret fields on the Credentials step", async () => {
    store(setupFixture({ erp: "intacct", environment: "production", account_id: "acme", current_step: "credentials" }));
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    expect(await screen.findByLabelText("Web Services user password")).toHaveAttribute("type", "password");
    expect(screen.getByLabelText("Sender ID")).toHaveAttribute("type", "password");
    expect(screen.getByTestId("step-rail")).toHaveTextContent("Sender ID");
  });

  it("marks a Practice setup as a simulation", async () => {
    store(setupFixture({ practice_scenario: "happy" }));
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    await waitFor(() => expect(screen.getByRole("banner")).toHaveTextContent("Practice — simulation"));
    expect(screen.getByRole("banner")).not.toHaveTextContent("Sandbox");
  });

  it("offers 'check it' only once the setup can sign in, and points to where that is set up", async () => {
    const { saved } = store(setupFixture({ current_step: "role", auth_method: "tba", steps: { account: { status: "done", updated_at: "2026-11-20T09:30:00Z" } } }));
    const user = userEvent.setup();
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    const note = await screen.findByTestId("check-it-needs-sign-in");
    expect(note).toHaveTextContent(/once the sign-in is set up \(step \d+, Credentials\)/);
    expect(screen.queryByTestId("check-it")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Go to Credentials" }));
    await waitFor(() => expect(saved().current_step).toBe("credentials"));
  });

  it("offers 'check it' when the credentials are in the keychain", async () => {
    store(setupFixture({ current_step: "role", auth_method: "tba" }), true);
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    expect(await screen.findByTestId("check-it")).toBeEnabled();
    expect(screen.queryByTestId("check-it-needs-sign-in")).toBeNull();
  });

  it("asks before leaving a step with a typed secret not stored", async () => {
    const { saved } = store(setupFixture({ erp: "intacct", environment: "production", account_id: "acme", current_step: "credentials" }));
    const user = userEvent.setup();
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    await user.type(await screen.findByLabelText("Web Services user password"), "typed-not-stored");
    await user.click(screen.getByTestId("next-step"));
    const warning = await screen.findByRole("alertdialog", { name: "Not stored yet" });
    expect(warning).toHaveTextContent("You typed Web Services user password but did not store it");
    expect(within(warning).getByRole("heading", { name: "Not stored yet" })).toHaveFocus();
    expect(saved().current_step).toBe("credentials");
    await user.click(screen.getByTestId("unsaved-stay"));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(saved().current_step).toBe("credentials");
    await user.click(screen.getByTestId("next-step"));
    await user.click(await screen.findByTestId("unsaved-leave"));
    await waitFor(() => expect(saved().current_step).not.toBe("credentials"));
  });

  it("renames the setup from its header", async () => {
    const { saved, backend } = store(setupFixture({ label: "Acme" }));
    const user = userEvent.setup();
    render(<SetupScreen id="s1" onHome={() => undefined} />);
    await user.click(await screen.findByTestId("setup-rename"));
    const input = screen.getByLabelText("Setup name");
    await user.clear(input);
    expect(screen.getByTestId("setup-rename-save")).toBeDisabled();
    await user.type(input, "  Acme billing (sandbox) {Enter}");
    await waitFor(() => expect(saved().label).toBe("Acme billing (sandbox)"));
    expect(backend.callsTo("change_setup").at(-1)?.changes).toEqual([{ type: "rename", label: "Acme billing (sandbox)" }]);
    expect(await screen.findByRole("heading", { level: 1, name: "Acme billing (sandbox)" })).toBeInTheDocument();
  });
});
