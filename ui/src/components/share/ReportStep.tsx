import { useCallback, useId, useState } from "react";
import { api, toApiError, type ApiError, type RunRecord, type Setup } from "../../api";
import { useAction } from "../../hooks/useAction";
import { useLoad } from "../../hooks/useLoad";
import { cleanInput } from "../../model/environment";
import { formatTime, localZone } from "../../model/format";
import { CheckResultItem } from "../CheckResultItem";
import { ErrorPanel } from "../ErrorPanel";
import { RunSummaryView } from "../RunSummaryView";
import { ExpiryList } from "./ExpiryList";
import { ExportedFiles } from "./ExportedFiles";
import { PathField } from "./PathField";
import { SandboxRefreshChecklist } from "./SandboxRefreshChecklist";
import { useExportFolder } from "./useExportFolder";
import { ScrollTable } from "../ScrollTable";

/**
 * The Report step: the last run as it was recorded (it survives a restart),
 * exported as a self-contained HTML report + JSON, as a PDF saved where the
 * user chooses, and as a setup profile.
 */
export function ReportStep({ setup, onChanged }: { setup: Setup; onChanged?: () => void }) {
  const record = useLoad(useCallback(() => api.getLastRun(setup.id), [setup.id]));
  if (record.error !== null) return <ErrorPanel error={record.error} title="Could not read the last run" />;
  if (record.data === null && record.loading) return <p className="muted">Loading the last run…</p>;
  if (record.data === null) {
    return (
      <p className="muted" data-testid="report-empty">
        Run the checks on the Validate step first; the report shows what they proved.
      </p>
    );
  }
  return (
    <div className="report" data-testid="report">
      <ReportView record={record.data} />
      {setup.erp === "netsuite" && setup.environment === "sandbox" && <SandboxRefreshChecklist setup={setup} />}
      <PreparedBy setup={setup} onChanged={onChanged} />
      <ExportPanel setup={setup} />
    </div>
  );
}

function ReportView({ record }: { record: RunRecord }) {
  const s = record.setup;
  return (
    <>
      {s.simulation != null && (
        <p className="simulation-note" role="note" data-testid="report-simulation">
          <strong>Practice — simulation.</strong> These checks ran against the simulator playing the scenario{" "}
          <code>{s.simulation.scenario}</code>, not a real account. Every export of this report says so.
        </p>
      )}
      <p className="muted">
        Checks run {formatTime(record.summary?.finished_at ?? record.generated_at)} for{" "}
        {s.erp === "netsuite" ? "NetSuite account" : "Sage Intacct company"} <code>{s.account_id}</code>
        {s.entity_id != null && (
          <>
            {" "}
            (entity <code>{s.entity_id}</code>)
          </>
        )}
        {s.connector_profile_id != null && (
          <>
            , connector profile <code>{s.connector_profile_id}</code>
          </>
        )}
        {s.auth_method != null && <>, sign-in {s.auth_method}</>}.
      </p>
      {record.summary != null && <RunSummaryView summary={record.summary} />}
      <ol className="check-list" data-testid="report-checks" aria-label="Checks in this report">
        {record.checks.map((c) => (
          <CheckResultItem key={c.id} result={c} />
        ))}
      </ol>
      <StepsDone record={record} />
      <ExpiryList expiries={record.expiries ?? []} />
    </>
  );
}

const STEP_STATUS = { not_started: "Not started", in_progress: "In progress", done: "Done", failed: "Failed" } as const;

/** Each wizard step's status, who marked it and when, as the report states them. */
function StepsDone({ record }: { record: RunRecord }) {
  const steps = record.steps ?? [];
  if (steps.length === 0) return null;
  return (
    <ScrollTable label="Steps">
      <table className="diff-table" data-testid="report-steps">
        <caption>Steps</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">By</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((st) => (
            <tr key={st.id}>
              <td>{st.title}</td>
              <td>{STEP_STATUS[st.status]}</td>
              <td>{st.by ?? "—"}</td>
              <td>{formatTime(st.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Who did the steps, as the report signs them (a name, never an account login). */
function PreparedBy({ setup, onChanged }: { setup: Setup; onChanged?: () => void }) {
  const saved = setup.fields?.prepared_by ?? "";
  const id = useId();
  const [name, setName] = useState(saved);
  const [error, setError] = useState<ApiError | null>(null);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const value = cleanInput(name);
      await api.changeSetup(setup.id, [{ type: "set_field", field: { name: "prepared_by", value: value === "" ? null : value } }]);
      onChanged?.();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <form className="prepared-by" onSubmit={(e) => void save(e)}>
      <div className="field">
        <label htmlFor={id}>Prepared by (your name, shown next to each done step in the report)</label>
        <input id={id} type="text" value={name} data-testid="prepared-by" onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="submit" className="button small" disabled={cleanInput(name) === saved}>
        Save name
      </button>
      {error !== null && <ErrorPanel error={error} title="Could not save the name" />}
    </form>
  );
}

function ExportPanel({ setup }: { setup: Setup }) {
  const [folder, setFolder] = useExportFolder();
  const [files, setFiles] = useState<string[]>([]);
  const { busy, error, run } = useAction();

  const exportWith = (write: () => Promise<{ files: string[] }>) =>
    run(async () => {
      const written = await write();
      setFiles((before) => [...written.files, ...before]);
    });

  // The system's save dialog opens from the backend, which writes the PDF itself.
  const savePdf = () =>
    run(async () => {
      const written = await api.saveReportPdf(setup.id, null, folder, localZone());
      if (written !== null) setFiles((before) => [written, ...before]);
    });

  return (
    <section className="export-panel" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <p className="hint">
        The report and the setup profile hold what was checked and found — never a password, token or key.
        Send the setup profile to support: they can import it and reproduce it in Practice mode.
      </p>
      <PathField
        label="Save to folder"
        value={folder}
        onChange={setFolder}
        testId="export-folder"
        choose="folder"
        hint="Choose a folder, or type or paste its full path; Onramp creates it if needed."
      />
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="export-report"
          disabled={busy}
          onClick={() => void exportWith(() => api.exportReport(setup.id, null, folder))}
        >
          Export report (HTML + JSON)
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-pdf"
          disabled={busy}
          onClick={() => void savePdf()}
        >
          Save report as PDF…
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-profile"
          disabled={busy}
          onClick={() => void exportWith(() => api.exportSetupProfile(setup.id, null, folder))}
        >
          Export setup profile
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} title="Could not export" />}
      <ExportedFiles files={files} title="Saved:" />
    </section>
  );
}
