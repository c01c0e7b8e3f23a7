import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ConnectorProfile } from "../api";
import { INTACCT_STEPS, NETSUITE_STEPS } from "../model/steps";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { StepGuide } from "./StepGuide";

function step(id: string) {
  const s = INTACCT_STEPS.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no step ${id}`);
  return s;
}

const practice = setup({
  erp: "intacct",
  account_id: "onramp-practice",
  entity_id: "US",
  practice_scenario: "intacct/happy",
  profile_id: "intacct-accounting-sync",
});

function backend() {
  return mockBackend({
    list_profiles: () => [],
    practice_credentials: () => [
      { name: "intacct.sender_id", label: "Sender ID", value: "onramp_practice" },
      { name: "intacct.user_id", label: "Web Services user ID", value: "xml_onramp" },
    ],
  });
}

describe("Intacct step guides", () => {
  it("Sender ID: the value to copy and the case-sensitive, cannot-be-edited warning", async () => {
    backend();
    render(<StepGuide setup={practice} step={step("sender")} onChange={vi.fn()} onEntity={vi.fn()} />);
    expect(await screen.findByText("onramp_practice")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy sender id" })).toBeInTheDocument();
    const warning = screen.getByRole("note");
    expect(warning).toHaveTextContent("case-sensitive");
    expect(warning).toHaveTextContent("cannot be edited once added");
  });

  it("Web Services user: user ID, Business type and the entity, each with a copy button", async () => {
    backend();
    render(<StepGuide setup={practice} step={step("ws_user")} onChange={vi.fn()} onEntity={vi.fn()} />);
    expect(await screen.findByText("xml_onramp")).toBeInTheDocument();
    expect(screen.getByText("Business")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy entity access" })).toBeInTheDocument();
  });

  it("Roles: role-based vs user-based is a choice saved on the setup", async () => {
    backend();
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<StepGuide setup={practice} step={step("roles")} onChange={onChange} onEntity={vi.fn()} />);
    const userBased = screen.getByRole("radio", { name: /User-based/ });
    expect(screen.getByRole("radio", { name: /Role-based/ })).toBeChecked();
    await user.click(userBased);
    expect(onChange).toHaveBeenCalledWith({ type: "set_field", field: { name: "permission_mode", value: "user" } });
  });

  it("Roles: ticking one permission saves that tick alone, shown from the setup's ticks", async () => {
    const profile = {
      schema_version: 1,
      id: "intacct-accounting-sync",
      name: "Sync",
      description: "",
      erp: "intacct",
      builtin: true,
      netsuite: null,
      intacct: {
        admin: "off",
        objects: [
          { object: "GLACCOUNT", name: "GL accounts", application: "General Ledger", policy: "Accounts", rights: ["List"] },
          { object: "VENDOR", name: "Vendors", application: "Accounts Payable", policy: "Vendors", rights: ["List"] },
        ],
      },
    } satisfies ConnectorProfile;
    mockBackend({ list_profiles: () => [profile], practice_credentials: () => [] });
    const onChange = vi.fn();
    const user = userEvent.setup();
    const ticked = { ...practice, fields: { checklists: { roles: ["GLACCOUNT"] } } };
    render(<StepGuide setup={ticked} step={step("roles")} onChange={onChange} onEntity={vi.fn()} />);
    expect(await screen.findByRole("checkbox", { name: /GLACCOUNT/ })).toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: /VENDOR/ }));
    expect(onChange).toHaveBeenCalledWith({ type: "tick_checklist", step: "roles", item: "VENDOR", done: true });
  });

  it("Company: the company ID and entity with copy buttons; the entity can be changed", async () => {
    backend();
    const onEntity = vi.fn();
    const user = userEvent.setup();
    render(<StepGuide setup={practice} step={step("company")} onChange={vi.fn()} onEntity={onEntity} />);
    expect(screen.getByRole("button", { name: "Copy company id" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /Yes: it has entities/ })).toBeChecked();
    const entity = screen.getByRole("textbox", { name: /Entity ID the connector works in/ });
    await user.clear(entity);
    await user.type(entity, " EU ");
    await user.tab();
    expect(onEntity).toHaveBeenCalledWith("EU");
  });
});

describe("NetSuite role step", () => {
  const bundle: ConnectorProfile = {
    schema_version: 1,
    id: "netsuite-restlet-connector",
    name: "RESTlet connector",
    description: "",
    erp: "netsuite",
    netsuite: {
      auth_methods: ["tba"],
      scopes: [],
      features: [],
      permissions: [],
      installed_role: { scriptid: "customrole_onramp_connector", name: "Onramp Integration" },
    },
  };
  const role = NETSUITE_STEPS.find((x) => x.id === "role");

  it("asks for the role the connector's bundle installs instead of a hand-built one", async () => {
    mockBackend({ list_profiles: () => [bundle] });
    if (role === undefined) throw new Error("no role step");
    render(<StepGuide setup={setup({ profile_id: bundle.id })} step={role} onChange={vi.fn()} onEntity={vi.fn()} />);
    const note = await screen.findByTestId("installed-role");
    expect(note).toHaveTextContent("customrole_onramp_connector");
    expect(note).toHaveTextContent("instead of building one");
    expect(screen.queryByText("Role name")).toBeNull();
  });
});
