import { useState } from "react";
import { api, toApiError, type ApiError, type ImportedProfile } from "../api";
import { ErrorPanel } from "../components/ErrorPanel";
import { PathField } from "../components/share/PathField";
import { SetupProfileView } from "../components/share/SetupProfileView";
import { useScreenHeading } from "../hooks/useScreenHeading";

interface Props {
  onHome: () => void;
  /** Opens the practice setup a reproduction created; `runNow` starts its run on Validate. */
  onOpen: (setupId: string, runNow: boolean) => void;
  /** Compares the imported file with something else. */
  onCompare: (path: string) => void;
}

/** Support's view of a customer's setup profile (or report JSON), and its reproduction in Practice mode. */
export function ImportScreen({ onHome, onOpen, onCompare }: Props) {
  const heading = useScreenHeading();
  const [path, setPath] = useState("");
  const [imported, setImported] = useState<{ path: string; data: ImportedProfile } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function open(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setImported(null);
    try {
      setImported({ path, data: await api.importSetupProfile(path) });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  async function reproduce() {
    if (imported === null) return;
    setBusy(true);
    setError(null);
    try {
      const setup = await api.reproduceSetupProfile(imported.data.profile, null);
      // Ready to run (values in the keychain, on Validate): the run starts as it opens.
      onOpen(setup.id, setup.current_step === "validate");
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  }

  return (
    <main className="screen">
      <button type="button" className="button small" onClick={onHome}>
        ← Home
      </button>
      <header className="screen-header">
        <h1 ref={heading} tabIndex={-1}>Import a setup profile</h1>
      </header>
      <p className="lead">
        Open a setup profile or report (.json) exported from Onramp — a customer's, or your own from another
        computer — to see exactly what was checked and what failed, then reproduce it offline.
      </p>
      <form onSubmit={(e) => void open(e)}>
        <PathField
          label="File"
          value={path}
          onChange={setPath}
          testId="import-path"
          choose="json_file"
          placeholder="/home/you/Downloads/onramp-setup-profile-….json"
          hint="Choose the exported .json file, or type or paste its full path."
        />
        <button type="submit" className="button primary" data-testid="import-open" disabled={busy}>
          Open
        </button>
      </form>
      {error !== null && <ErrorPanel error={error} title="This file cannot be imported" />}
      {imported !== null && (
        <>
          <SetupProfileView profile={imported.data.profile} failing={imported.data.failing} />
          <div className="actions">
            <button
              type="button"
              className="button primary"
              data-testid="reproduce"
              disabled={busy}
              onClick={() => void reproduce()}
            >
              Reproduce in Practice mode
            </button>
            <button type="button" className="button" data-testid="import-compare" onClick={() => onCompare(imported.path)}>
              Compare with…
            </button>
          </div>
          <p className="hint">
            Reproducing creates a practice setup whose simulated account is configured as this profile describes,
            with made-up practice credentials: run its checks to see the same failures.
          </p>
        </>
      )}
    </main>
  );
}
