import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { mockBackend } from "../test/backend";
import { appInfo, setup, summaryOf } from "../test/fixtures";
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
    const items = within(list).getAllByRole("listitem");
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
});
