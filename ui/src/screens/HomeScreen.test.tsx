import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SetupChange } from "../api";
import { mockBackend } from "../test/backend";
import { appInfo, applyChanges, runSummary, setup, summaryOf } from "../test/fixtures";
import { HomeScreen } from "./HomeScreen";

function renderHome() {
  const handlers = { onNew: vi.fn(), onPractice: vi.fn(), onOpen: vi.fn() };
  render(<HomeScreen {...handlers} />);
  return handlers;
}

describe("HomeScreen", () => {
  it("says calmly that the settings file was unreadable, where it went, and that the app started fresh", async () => {
    mockBackend({
      app_info: () =>
        appInfo({
          store_recovery: {
            moved_to: "/home/ana/.local/share/onramp/state.json.corrupt-20261122T101500Z",
            reason: "expected value at line 1 column 1",
          },
        }),
      list_setups: () => [],
    });
    renderHome();
    const banner = await screen.findByTestId("store-recovery");
    expect(banner).toHaveTextContent("started with a fresh list of setups");
    expect(banner).toHaveTextContent("could not be read (expected value at line 1 column 1)");
    expect(banner).toHaveTextContent("/home/ana/.local/share/onramp/state.json.corrupt-20261122T101500Z");
    expect(within(banner).getByRole("button", { name: "Copy file location" })).toBeInTheDocument();
    expect(screen.queryByTestId("keychain-banner")).toBeNull();
  });

  it("shows the keychain diagnosis when no keychain is available", async () => {
    mockBackend({
      app_info: () => appInfo({ keychain: { available: false, message: "No Secret Service provider on D-Bus." } }),
      list_setups: () => [],
    });
    renderHome();
    const banner = await screen.findByTestId("keychain-banner");
    expect(banner).toHaveTextContent("No Secret Service provider on D-Bus.");
    expect(banner).toHaveTextContent(/Fix.*gnome-keyring/);
    expect(screen.queryByTestId("store-recovery")).toBeNull();
  });

  it("lists saved setups with account, entity, environment and status, and resumes one", async () => {
    const ns = setup({ id: "a", label: "Acme billing", updated_at: "2026-11-21T10:00:00Z" });
    const si = setup({
      id: "b",
      erp: "intacct",
      label: "Globex AR",
      environment: "production",
      account_id: "globex",
      entity_id: "US01",
      updated_at: "2026-11-22T10:00:00Z",
    });
    const practice = setup({ id: "c", label: "Practice run", practice_scenario: "happy", updated_at: "2026-11-01T10:00:00Z" });
    mockBackend({
      app_info: () => appInfo(),
      list_setups: () => [summaryOf(ns), summaryOf(si, { status: "validated" }), summaryOf(practice)],
    });
    const { onOpen } = renderHome();
    const list = await screen.findByTestId("setup-list");
    const items = within(list)
      .getAllByRole("listitem")
      .filter((li) => li.dataset.setupId !== undefined);
    // Most recently updated first.
    expect(items.map((i) => i.dataset.setupId)).toEqual(["b", "a", "c"]);
    const [globex, acme, rehearsal] = items;
    expect(globex).toHaveTextContent("Sage Intacct · Company globex · Entity US01");
    expect(globex).toHaveTextContent("Production");
    expect(globex).toHaveTextContent("Validated");
    expect(acme).toHaveTextContent("1234567_SB1");
    expect(acme).toHaveTextContent("Sandbox");
    expect(rehearsal).toHaveTextContent("Practice — simulation");

    await userEvent.setup().click(within(acme as HTMLElement).getByRole("button", { name: "Resume Acme billing" }));
    expect(onOpen).toHaveBeenCalledWith("a");
  });

  it("groups setups by client, shows status, last validation and the soonest expiry, and filters by search", async () => {
    const soon = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString();
    const later = new Date(Date.now() + 200 * 24 * 3600 * 1000).toISOString();
    const a = setup({ id: "a", label: "Billing", client_id: "c1", updated_at: "2026-11-21T10:00:00Z" });
    const b = setup({ id: "b", label: "Reporting", client_id: "c2", account_id: "7654321", environment: "production" });
    const c = setup({ id: "c", label: "Loose", account_id: "5555555", environment: "production" });
    mockBackend({
      app_info: () => appInfo(),
      list_setups: () => [
        summaryOf(a, { status: "failing", last_run: runSummary({ passed: 5, failed: 2, finished_at: "2026-11-21T10:00:00Z" }) }),
        summaryOf(b, { status: "validated" }),
        summaryOf(c, { status: "not_started" }),
      ],
      list_clients: () => [
        { id: "c1", name: "Zeta Foods", notes: "", created_at: "2026-11-01T00:00:00Z" },
        { id: "c2", name: "Acme Corp", notes: "", created_at: "2026-11-01T00:00:00Z" },
      ],
      setup_expiries: () => [
        {
          setup_id: "a",
          expiries: [
            { what: "M2M certificate", expires_at: later },
            { what: "OAuth 2.0 refresh token", expires_at: soon },
          ],
        },
      ],
    });
    renderHome();
    const list = await screen.findByTestId("setup-list");
    await waitFor(() => expect(list.querySelectorAll("section.workspace")).toHaveLength(3));
    const groups = [...list.querySelectorAll<HTMLElement>("section.workspace")];
    // Clients by name, setups without a client last.
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual(["Acme Corp", "Zeta Foods", "No client"]);
    const row = (id: string) => {
      const el = screen.getByTestId("setup-list").querySelector<HTMLElement>(`[data-setup-id="${id}"]`);
      if (el === null) throw new Error(`setup ${id} is listed`);
      return el;
    };
    const billing = row("a");
    expect(billing).toHaveTextContent("Checks failing");
    expect(within(billing).getByTestId("last-validation")).toHaveTextContent("5 passed, 2 failed");
    await waitFor(() => expect(within(billing).getByTestId("soonest-expiry")).toHaveTextContent("OAuth 2.0 refresh token"));
    expect(within(billing).getByTestId("soonest-expiry")).toHaveAttribute("data-expiry", "soon");
    expect(within(billing).getByTestId("soonest-expiry")).toHaveTextContent(/expires in (9|10) days/);
    expect(list.querySelector('[data-setup-id="b"]')).toHaveTextContent("Validated");
    expect(within(row("c")).getByTestId("last-validation")).toHaveTextContent(
      "Never validated",
    );

    const user = userEvent.setup();
    await user.type(screen.getByTestId("workspace-search"), "acme");
    expect(screen.getByTestId("setup-list").querySelectorAll("[data-setup-id]")).toHaveLength(1);
    expect(screen.getByTestId("setup-list").querySelector('[data-setup-id="b"]')).not.toBeNull();
    await user.clear(screen.getByTestId("workspace-search"));
    await user.type(screen.getByTestId("workspace-search"), "5555");
    expect([...screen.getByTestId("setup-list").querySelectorAll<HTMLElement>("[data-setup-id]")].map((e) => e.dataset.setupId)).toEqual(["c"]);
    await user.type(screen.getByTestId("workspace-search"), " nothing");
    expect(screen.getByTestId("setup-list")).toHaveTextContent("No setup matches");
  });

  it("adds a client and files a setup under it", async () => {
    let clients = [{ id: "c1", name: "Zeta Foods", notes: "", created_at: "2026-11-01T00:00:00Z" }];
    let current = setup({ id: "a", label: "Billing" });
    const backend = mockBackend({
      app_info: () => appInfo(),
      list_setups: () => [summaryOf(current)],
      list_clients: () => clients,
      setup_expiries: () => [],
      save_client: (a) => {
        const c = { ...(a.client as (typeof clients)[number]), id: "c2" };
        clients = [...clients, c];
        return c;
      },
      change_setup: (a) => {
        current = applyChanges(current, a.changes as SetupChange[]);
        return current;
      },
    });
    renderHome();
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("client-name"), "  Acme   Corp ");
    await user.click(screen.getByTestId("client-add"));
    await waitFor(() => expect(backend.callsTo("save_client")).toHaveLength(1));
    expect(backend.callsTo("save_client")[0]?.client).toMatchObject({ id: "", name: "Acme Corp" });
    const picker = await screen.findByRole("combobox", { name: /Client.*for Billing/ });
    await waitFor(() => expect(within(picker).getAllByRole("option")).toHaveLength(3));
    // Moving through the list (arrow keys fire a change each step) files nothing yet.
    await user.selectOptions(picker, "c2");
    expect(backend.callsTo("change_setup")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "File under Acme Corp" }));
    await waitFor(() => expect(backend.callsTo("change_setup")).toHaveLength(1));
    expect(current.client_id).toBe("c2");
    await waitFor(() => expect(screen.getByRole("region", { name: "Acme Corp" })).toHaveTextContent("Billing"));
  });

  it("deletes a setup after the user confirms, and not before", async () => {
    let current = [summaryOf(setup())];
    const backend = mockBackend({
      app_info: () => appInfo(),
      list_setups: () => current,
      list_clients: () => [],
      setup_expiries: () => [],
      setup_keychain_items: () => ["netsuite.consumer_key", "netsuite.token_secret"],
      delete_setup: () => {
        current = [];
        return null;
      },
    });
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderHome();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("setup-delete"));
    expect(backend.callsTo("delete_setup")).toHaveLength(0);
    await user.click(screen.getByTestId("setup-delete"));
    await waitFor(() => expect(backend.callsTo("delete_setup")).toEqual([{ id: "s1" }]));
    expect(await screen.findByText(/No saved setups yet/)).toBeInTheDocument();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(confirm).toHaveBeenLastCalledWith(
      "Delete “Acme billing”? These keychain entries are removed: netsuite.consumer_key, netsuite.token_secret. Its runs are forgotten.",
    );
    confirm.mockRestore();
  });

  it("offers both flows and Practice mode", async () => {
    mockBackend({ app_info: () => appInfo(), list_setups: () => [] });
    const { onNew, onPractice } = renderHome();
    const user = userEvent.setup();
    await user.click(screen.getByTestId("home-new-intacct"));
    expect(onNew).toHaveBeenCalledWith("intacct");
    await user.click(screen.getByTestId("home-practice"));
    expect(onPractice).toHaveBeenCalled();
    expect(await screen.findByText(/No saved setups yet/)).toBeInTheDocument();
  });

  it("runs without a backend and says so", async () => {
    renderHome();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Backend unavailable");
    expect(alert).toHaveTextContent("not connected to the Onramp app");
    expect(screen.getByTestId("home-new-netsuite")).toBeEnabled();
  });

  it("deletes a client after a confirmation that says its setups stay", async () => {
    let clients = [{ id: "c1", name: "Acme Corp", notes: "", created_at: "2026-01-01T00:00:00Z" }];
    let current = [summaryOf(setup({ client_id: "c1" }))];
    const backend = mockBackend({
      app_info: () => appInfo(),
      list_setups: () => current,
      list_clients: () => clients,
      setup_expiries: () => [],
      delete_client: () => {
        clients = [];
        current = current.map((s) => ({ ...s, client_id: null }));
        return null;
      },
    });
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderHome();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Delete client Acme Corp" }));
    expect(backend.callsTo("delete_client")).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Delete client Acme Corp" }));
    await waitFor(() => expect(backend.callsTo("delete_client")).toEqual([{ id: "c1" }]));
    expect(confirm).toHaveBeenLastCalledWith("Delete the client “Acme Corp”? Its setup stays, under No client.");
    await waitFor(() => expect(screen.queryByRole("region", { name: "Acme Corp" })).toBeNull());
    expect(screen.getByTestId("setup-list").querySelector('[data-setup-id="s1"]')).not.toBeNull();
    confirm.mockRestore();
  });

  it("hides an archived setup behind “Show archived (n)” and brings it back, from the keyboard", async () => {
    let current = [summaryOf(setup({ id: "a", label: "Kept" })), summaryOf(setup({ id: "b", label: "Old pilot" }))];
    const backend = mockBackend({
      app_info: () => appInfo(),
      list_setups: () => current,
      list_clients: () => [],
      setup_expiries: () => [],
      change_setup: (a) => {
        const archived = (a.changes as { archived: boolean }[])[0]?.archived === true;
        current = current.map((s) => (s.id === a.id ? { ...s, archived_at: archived ? "2026-12-01T00:00:00Z" : null } : s));
        return null;
      },
    });
    renderHome();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Archive Old pilot" }));
    await waitFor(() => expect(backend.callsTo("change_setup")).toEqual([{ id: "b", changes: [{ type: "archive", archived: true }] }]));
    const row = (id: string) => document.querySelector(`[data-setup-id="${id}"]`);
    await waitFor(() => expect(row("b")).toBeNull());
    expect(row("a")).not.toBeNull();
    const toggle = screen.getByTestId("show-archived");
    expect(toggle).toHaveTextContent("Show archived (1)");
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    toggle.focus();
    await user.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText(/\(archived\)/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Unarchive Old pilot" }));
    await waitFor(() => expect(backend.callsTo("change_setup")[1]).toEqual({ id: "b", changes: [{ type: "archive", archived: false }] }));
    await waitFor(() => expect(screen.queryByText(/\(archived\)/)).toBeNull());
    expect(row("b")).toHaveAttribute("data-archived", "false");
  });

  it("hides an archived client with its setups, and renames a client unless the name is taken", async () => {
    let clients = [
      { id: "c1", name: "Acme Corp", notes: "", created_at: "2026-11-01T00:00:00Z", archived_at: null as string | null },
      { id: "c2", name: "Zeta Foods", notes: "", created_at: "2026-11-01T00:00:00Z", archived_at: "2026-12-01T00:00:00Z" },
    ];
    const backend = mockBackend({
      app_info: () => appInfo(),
      list_setups: () => [summaryOf(setup({ id: "a", label: "Acme billing", client_id: "c1" })), summaryOf(setup({ id: "z", label: "Zeta AR", client_id: "c2" }))],
      list_clients: () => clients,
      setup_expiries: () => [],
      change_client: (a) => {
        const change = a.change as { type: string; name?: string };
        if (change.name === "Zeta Foods") throw { kind: "invalid_input", message: 'there is already a client called "Zeta Foods"' };
        clients = clients.map((c) => (c.id === a.id ? { ...c, name: change.name ?? c.name } : c));
        return clients.find((c) => c.id === a.id);
      },
    });
    renderHome();
    const user = userEvent.setup();
    expect(await screen.findByRole("region", { name: "Acme Corp" })).toBeInTheDocument();
    expect(document.querySelector('[data-setup-id="z"]')).toBeNull();
    expect(screen.getByTestId("show-archived")).toHaveTextContent("Show archived (1)");

    await user.click(screen.getByRole("button", { name: "Rename client Acme Corp" }));
    const input = screen.getByLabelText("New name for Acme Corp");
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, "Zeta Foods{Enter}");
    expect(await screen.findByText(/already a client called/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, "  Acme Holdings {Enter}");
    await waitFor(() => expect(backend.callsTo("change_client")[1]).toEqual({ id: "c1", change: { type: "rename", name: "Acme Holdings" } }));
    expect(await screen.findByRole("region", { name: "Acme Holdings" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Rename client Acme Holdings" })).toHaveFocus());
  });
});
