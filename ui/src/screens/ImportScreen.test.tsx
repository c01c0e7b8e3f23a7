import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SetupProfile } from "../api";
import { ipcError, mockBackend } from "../test/backend";
import { result, setup } from "../test/fixtures";
import { ImportScreen } from "./ImportScreen";

const profile: SetupProfile = {
  schema_version: 1,
  kind: "onramp-setup-profile",
  setup: { erp: "netsuite", account_id: "1234567", environment: "production", auth_method: "tba" },
  observed: { netsuite: { role: { name: "Integration", permissions: { LIST_ITEM: "full" } } } },
  checks: [result({ id: "netsuite.permissions", status: "fail" })],
  generated_at: "2026-11-20T09:30:00Z",
  app_version: "0.1.0",
};

describe("ImportScreen", () => {
  it("shows a refused file's reason", async () => {
    mockBackend({
      import_setup_profile: () => {
        throw ipcError("invalid_input", "setup profile schema version 9 is not supported: this Onramp reads version 1 (it was made by a newer Onramp; update this one)");
      },
    });
    render(<ImportScreen onHome={vi.fn()} onOpen={vi.fn()} onCompare={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("import-path"), "/tmp/new.json");
    await user.click(screen.getByTestId("import-open"));
    expect(await screen.findByRole("alert")).toHaveTextContent("made by a newer Onramp");
    expect(screen.queryByTestId("reproduce")).toBeNull();
  });

  it("shows what failed and reproduces the profile in Practice mode", async () => {
    const backend = mockBackend({
      import_setup_profile: () => ({ profile, failing: ["netsuite.permissions"] }),
      reproduce_setup_profile: () => setup({ id: "rep-1", practice_scenario: "reproduced/x", current_step: "validate" }),
    });
    const onOpen = vi.fn();
    const onCompare = vi.fn();
    render(<ImportScreen onHome={vi.fn()} onOpen={onOpen} onCompare={onCompare} />);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("import-path"), "/tmp/p.json");
    await user.click(screen.getByTestId("import-open"));
    const failing = await screen.findByTestId("imported-failing");
    expect(failing).toHaveTextContent("netsuite.permissions");
    expect(screen.getByTestId("imported-profile")).toHaveTextContent("1234567");
    await user.click(screen.getByTestId("import-compare"));
    expect(onCompare).toHaveBeenCalledWith("/tmp/p.json");
    await user.click(screen.getByTestId("reproduce"));
    expect(backend.callsTo("reproduce_setup_profile")[0]).toMatchObject({ profile, label: null });
    // Ready to run (on Validate): the run starts as the setup opens.
    expect(onOpen).toHaveBeenCalledWith("rep-1", true);
  });
});
