import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { mockBackend } from "../test/backend";
import { setup as setupFixture } from "../test/fixtures";
import { NewSetupScreen } from "./NewSetupScreen";

function renderForm(erp: "netsuite" | "intacct" = "netsuite") {
  const backend = mockBackend({
    list_clients: () => [{ id: "c1", name: "Acme Ltd", notes: "", created_at: "2026-11-01T00:00:00Z" }],
    create_setup: () => setupFixture({ id: "new-1" }),
  });
  const onCreated = vi.fn();
  render(<NewSetupScreen initialErp={erp} onCreated={onCreated} onCancel={() => undefined} />);
  return { backend, onCreated, user: userEvent.setup() };
}

function badge() {
  return document.querySelector("[data-environment]");
}

describe("NewSetupScreen", () => {
  it("shows the environment derived from the account ID as it is typed", async () => {
    const { user } = renderForm();
    const input = screen.getByLabelText("Account ID");
    await user.type(input, "1234567");
    expect(badge()).toHaveTextContent("Production");
    await user.type(input, "_SB1");
    expect(badge()).toHaveTextContent("Sandbox");
    await user.clear(input);
    await user.type(input, "TSTDRV840553");
    expect(badge()).toHaveTextContent("Test drive");
  });

  it("accepts pasted IDs, drops the whitespace they bring and creates the setup with clean values", async () => {
    const { backend, onCreated, user } = renderForm();
    await user.click(screen.getByLabelText("Label"));
    await user.paste("  Acme   billing \n");
    await user.click(screen.getByLabelText("Account ID"));
    await user.paste(" 1234567-sb1\n");
    expect(screen.getByLabelText("Account ID")).toHaveValue("1234567-sb1");
    expect(screen.getByText("1234567_SB1")).toBeInTheDocument();
    expect(badge()).toHaveTextContent("Sandbox");
    await user.selectOptions(screen.getByLabelText("Client (optional)"), "Acme Ltd");
    await user.click(screen.getByRole("button", { name: "Create setup" }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith("new-1"));
    expect(backend.callsTo("create_setup")).toEqual([
      {
        input: {
          erp: "netsuite",
          label: "Acme billing",
          client_id: "c1",
          account_id: "1234567_SB1",
          entity_id: null,
          practice_scenario: null,
        },
      },
    ]);
  });

  it("explains a malformed account ID and does not create anything", async () => {
    const { backend, user } = renderForm();
    await user.type(screen.getByLabelText("Account ID"), "acme.netsuite.com");
    await user.click(screen.getByRole("button", { name: "Create setup" }));
    expect(screen.getByLabelText("Account ID")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/NetSuite account IDs look like/)).toBeInTheDocument();
    expect(backend.callsTo("create_setup")).toHaveLength(0);
  });

  it("asks Intacct users for a company ID and entity, trimmed", async () => {
    const { backend, user } = renderForm("intacct");
    await user.click(screen.getByLabelText("Company ID"));
    await user.paste("\tacme-corp ");
    await user.click(screen.getByLabelText("Entity ID (optional)"));
    await user.paste(" US01 ");
    await user.click(screen.getByRole("button", { name: "Create setup" }));
    await waitFor(() => expect(backend.callsTo("create_setup")).toHaveLength(1));
    expect(backend.callsTo("create_setup")[0]?.input).toMatchObject({
      erp: "intacct",
      account_id: "acme-corp",
      entity_id: "US01",
      label: "Sage Intacct acme-corp",
    });
  });
});
