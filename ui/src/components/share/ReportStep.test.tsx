import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../api";
import { ipcError, mockBackend } from "../../test/backend";
import { result, runSummary, setup } from "../../test/fixtures";
import { ReportStep } from "./ReportStep";

function record(): RunRecord {
  return {
    schema_version: 1,
    kind: "onramp-run-record",
    setup: { erp: "netsuite", account_id: "1234567_SB1", environment: "sandbox", connector_profile_id: "netsuite-zuora-billing", auth_method: "tba" },
    summary: runSummary({ passed: 1, failed: 1 }),
    checks: [
      result(),
      result({ id: "netsuite.permissions", title: "Role permissions", status: "fail", summary: "Currency is missing.", cause: "c", fix: "f", where: "w" }),
    ],
    observed: { netsuite: {} },
    steps: [{ id: "role", title: "Role", status: "done", by: "Dana", updated_at: "2026-11-20T09:00:00Z" }],
    expiries: [{ what: "M2M certificate", expires_at: "2020-01-01T00:00:00Z" }],
    generated_at: "2026-11-20T09:30:00Z",
    app_version: "0.1.0",
  };
}

describe("ReportStep", () => {
  it("shows the stored run and exports the report and profile into the typed folder", async () => {
    const backend = mockBackend({
      get_last_run: () => record(),
      default_export_dir: () => "/home/ana/Documents/Onramp",
      export_report: (a) => ({ files: [`${String(a.folder)}/r.html`, `${String(a.folder)}/r.json`] }),
      export_setup_profile: (a) => ({ files: [`${String(a.folder)}/p.json`] }),
    });
    render(<ReportStep setup={setup({ environment: "sandbox", auth_method: "tba" })} />);
    const checks = await screen.findByTestId("report-checks");
    expect(within(checks).getAllByRole("listitem").filter((li) => li.dataset.checkId).map((li) => li.dataset.status)).toEqual([
      "pass",
      "fail",
    ]);
    expect(within(screen.getByTestId("report-steps")).getByRole("row", { name: /Role Done Dana/ })).toBeInTheDocument();
    const expiry = within(screen.getByRole("region", { name: "Expiry dates" })).getByRole("listitem");
    expect(expiry).toHaveTextContent(/M2M certificate: .* — expired/);
    // NetSuite sandbox: what to redo after a refresh, for its sign-in method.
    const refresh = screen.getByTestId("sandbox-refresh");
    expect(refresh.querySelector('[data-refresh-step="token"]')).not.toBeNull();
    expect(refresh.querySelector('[data-refresh-step="certificate"]')).toBeNull();

    const folder = screen.getByTestId("export-folder");
    await waitFor(() => expect(folder).toHaveValue("/home/ana/Documents/Onramp"));
    const user = userEvent.setup();
    await user.clear(folder);
    await user.type(folder, "/tmp/out");
    await user.click(screen.getByTestId("export-report"));
    await user.click(screen.getByTestId("export-profile"));
    await waitFor(() => expect(screen.getAllByTestId("exported-file")).toHaveLength(3));
    expect(backend.callsTo("export_report")[0]).toMatchObject({ setupId: "s1", runId: null, folder: "/tmp/out" });
    expect(backend.callsTo("export_setup_profile")[0]).toMatchObject({ folder: "/tmp/out" });
    expect(screen.getAllByTestId("exported-file").map((e) => e.textContent)).toContain("/tmp/out/p.json");
  });

  it("says why an export failed", async () => {
    mockBackend({
      get_last_run: () => record(),
      default_export_dir: () => "/x",
      export_report: () => {
        throw ipcError("invalid_input", "\"out\" is not a full path; start it with /");
      },
    });
    render(<ReportStep setup={setup()} />);
    await userEvent.setup().click(await screen.findByTestId("export-report"));
    expect(await screen.findByRole("alert")).toHaveTextContent("not a full path");
  });

  it("saves who prepared the setup as that one field", async () => {
    const backend = mockBackend({
      get_last_run: () => record(),
      default_export_dir: () => "/x",
      change_setup: () => setup(),
    });
    render(<ReportStep setup={setup()} />);
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("prepared-by"), "  Dana  Scully ");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() => expect(backend.callsTo("change_setup")).toHaveLength(1));
    expect(backend.callsTo("change_setup")[0]).toEqual({
      id: "s1",
      changes: [{ type: "set_field", field: { name: "prepared_by", value: "Dana Scully" } }],
    });
  });

  it("saves the PDF through the backend's save dialog, with the local time zone, and lists the file", async () => {
    const backend = mockBackend({
      get_last_run: () => record(),
      default_export_dir: () => "/exports",
      save_report_pdf: () => "/exports/onramp-practice-report-acme.pdf",
    });
    render(<ReportStep setup={setup()} />);
    await userEvent.setup().click(await screen.findByTestId("export-pdf"));
    expect(await screen.findByText("/exports/onramp-practice-report-acme.pdf")).toBeInTheDocument();
    const call = backend.callsTo("save_report_pdf")[0] as { folder: string; zone: { utc_offset_minutes: number } };
    expect(call.folder).toBe("/exports");
    expect(call.zone.utc_offset_minutes).toBe(-new Date().getTimezoneOffset());
    expect(document.querySelector("iframe")).toBeNull();
  });

  it("writes nothing and lists nothing when the save dialog is cancelled", async () => {
    const backend = mockBackend({
      get_last_run: () => record(),
      default_export_dir: () => "/exports",
      save_report_pdf: () => null,
    });
    render(<ReportStep setup={setup()} />);
    await userEvent.setup().click(await screen.findByTestId("export-pdf"));
    await waitFor(() => expect(backend.callsTo("save_report_pdf")).toHaveLength(1));
    expect(screen.queryByTestId("exported-file")).toBeNull();
  });

  it("asks for a run first when there is none", async () => {
    mockBackend({ get_last_run: () => null, default_export_dir: () => "/x" });
    render(<ReportStep setup={setup()} />);
    expect(await screen.findByTestId("report-empty")).toHaveTextContent("Validate step");
    expect(screen.queryByTestId("export-report")).toBeNull();
  });

  it("says a practice run is a simulation and names its scenario; a real one does not", async () => {
    const practice = record();
    practice.setup = { ...practice.setup, account_id: "1234567", environment: "production", simulation: { scenario: "netsuite/happy" } };
    mockBackend({ get_last_run: () => practice, default_export_dir: () => "/tmp" });
    const { unmount } = render(<ReportStep setup={setup({ practice_scenario: "netsuite/happy" })} />);
    const note = await screen.findByTestId("report-simulation");
    expect(note).toHaveTextContent(/Practice — simulation\..*netsuite\/happy.*not a real account/);
    unmount();
    mockBackend({ get_last_run: () => record(), default_export_dir: () => "/tmp" });
    render(<ReportStep setup={setup({ environment: "sandbox" })} />);
    await screen.findByTestId("report-checks");
    expect(screen.queryByTestId("report-simulation")).toBeNull();
  });
});
