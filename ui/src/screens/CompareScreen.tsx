import { useCallback, useId, useState } from "react";
import { api, toApiError, type ApiError, type Comparison, type ProfileSource, type SetupSummary } from "../api";
import { ErrorPanel } from "../components/ErrorPanel";
import { ChangesTable } from "../components/share/ChangesTable";
import { PathField } from "../components/share/PathField";
import { useLoad } from "../hooks/useLoad";
import { formatTime } from "../model/format";
import { useScreenHeading } from "../hooks/useScreenHeading";

interface Props {
  onHome: () => void;
  /** A file to start from (e.g. the one just imported). */
  initialBefore?: string;
}

/** Two setup profiles or reports side by side: what changed between the customer's attempt and now. */
export function CompareScreen({ onHome, initialBefore = "" }: Props) {
  const heading = useScreenHeading();
  const setups = useLoad(useCallback(() => api.listSetups(), []));
  const [before, setBefore] = useState<Choice>({ kind: "file", path: initialBefore, setupId: "", runId: "" });
  const [after, setAfter] = useState<Choice>({ kind: "run", path: "", setupId: "", runId: "" });
  const [result, setResult] = useState<Comparison | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function compare(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult(await api.compareSetupProfiles(source(before), source(after)));
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const ran = (setups.data ?? []).filter((s) => s.last_run !== null);
  return (
    <main className="screen">
      <button type="button" className="button small" onClick={onHome}>
        ← Home
      </button>
      <header className="screen-header">
        <h1 ref={heading} tabIndex={-1}>Compare two setups</h1>
      </header>
      <p className="lead">Compare setup profiles or reports: each side is an exported file or the last run of a saved setup.</p>
      <form className="compare-form" onSubmit={(e) => void compare(e)}>
        <SourcePicker name="before" title="Before" value={before} onChange={setBefore} setups={ran} />
        <SourcePicker name="after" title="After" value={after} onChange={setAfter} setups={ran} />
        <button type="submit" className="button primary" data-testid="compare-run">
          Compare
        </button>
      </form>
      {error !== null && <ErrorPanel error={error} title="Could not compare" />}
      {result !== null && <ChangesTable changes={result.changes} />}
    </main>
  );
}

interface Choice {
  kind: "file" | "run";
  path: string;
  setupId: string;
  /** "" for the setup's newest run. */
  runId: string;
}

function source(c: Choice): ProfileSource {
  return c.kind === "file"
    ? { kind: "file", path: c.path }
    : { kind: "run", setup_id: c.setupId, run_id: c.runId === "" ? null : c.runId };
}

interface PickerProps {
  name: string;
  title: string;
  value: Choice;
  onChange: (c: Choice) => void;
  setups: SetupSummary[];
}

function SourcePicker({ name, title, value, onChange, setups }: PickerProps) {
  const selectId = useId();
  return (
    <fieldset className="compare-source" data-testid={`compare-${name}`}>
      <legend>{title}</legend>
      <label>
        <input type="radio" name={name} checked={value.kind === "file"} onChange={() => onChange({ ...value, kind: "file" })} />{" "}
        An exported file
      </label>
      <label>
        <input type="radio" name={name} checked={value.kind === "run"} onChange={() => onChange({ ...value, kind: "run" })} />{" "}
        The last run of a saved setup
      </label>
      {value.kind === "file" ? (
        <PathField label="File" value={value.path} onChange={(path) => onChange({ ...value, path })} testId={`compare-${name}-path`} choose="json_file" />
      ) : (
        <div className="field">
          <label htmlFor={selectId}>Setup</label>
          <select
            id={selectId}
            data-testid={`compare-${name}-setup`}
            value={value.setupId}
            onChange={(e) => onChange({ ...value, setupId: e.target.value, runId: "" })}
          >
            <option value="">Choose a setup…</option>
            {setups.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} ({s.account_id})
              </option>
            ))}
          </select>
          {value.setupId !== "" && <RunPicker name={name} setupId={value.setupId} runId={value.runId} onChange={(runId) => onChange({ ...value, runId })} />}
        </div>
      )}
    </fieldset>
  );
}

/** Which of the setup's stored runs (e.g. the customer's first attempt, or the latest). */
function RunPicker({ name, setupId, runId, onChange }: { name: string; setupId: string; runId: string; onChange: (runId: string) => void }) {
  const id = useId();
  const runs = useLoad(useCallback(() => api.listRuns(setupId), [setupId]));
  return (
    <>
      <label htmlFor={id}>Run</label>
      <select id={id} data-testid={`compare-${name}-run`} value={runId} onChange={(e) => onChange(e.target.value)}>
        <option value="">The newest run</option>
        {(runs.data ?? []).map((r) => (
          <option key={r.run_id} value={r.run_id}>
            {formatTime(r.generated_at)}: {r.passed} passed, {r.failed} failed
          </option>
        ))}
      </select>
    </>
  );
}
