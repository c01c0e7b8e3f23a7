import { useState } from "react";
import { api, toApiError, type ApiError, type MaintainPractice, type Setup } from "../../api";
import { ErrorPanel } from "../ErrorPanel";
import { MenuPath } from "../MenuPath";
import { ProofPanel } from "./ProofPanel";
import { SimulatedValues } from "./SimulatedValues";
import { StagedFields } from "./StagedFields";

interface Props {
  setup: Setup;
  practice: MaintainPractice | null;
  onDone: () => void;
}

/** Rotate the TBA token (NetSuite) or the Web Services user's password (Intacct). */
export function RotatePanel({ setup, practice, onDone }: Props) {
  const netsuite = setup.erp === "netsuite";
  const [ready, setReady] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const simulatedIntacct = !netsuite && setup.practice_scenario !== null;
  async function changeInSimulator() {
    setError(null);
    try {
      await api.practiceChangePassword(setup.id);
      setChanged(true);
    } catch (e) {
      setError(toApiError(e));
    }
  }
  return (
    <section className="maintain-flow" aria-labelledby="rotate-title" data-testid="rotate-panel">
      <h3 id="rotate-title">{netsuite ? "Rotate the access token" : "Change the Web Services user's password"}</h3>
      <ol className="maintain-steps">
        {netsuite ? (
          <li>
            Create a new token for the same application, user and role:{" "}
            <MenuPath path="Setup > Users/Roles > Access Tokens > New" />. NetSuite shows its Token ID and Token
            Secret once.
          </li>
        ) : (
          <li>
            Set a new password for the Web Services user: <MenuPath path="Company > Admin > Users > Edit" />.
          </li>
        )}
        <li>Store the new values below. The working ones stay until the new ones are proven.</li>
        <li>Prove them: Onramp runs every check with the new values and replaces the old ones only if it passes.</li>
      </ol>
      {netsuite && <SimulatedValues values={practice?.rotation ?? []} what="new token" />}
      <StagedFields setupId={setup.id} generation={generation} onReady={setReady} />
      {simulatedIntacct && (
        <div className="actions">
          <button type="button" className="button" data-testid="practice-change-password" disabled={!ready} onClick={() => void changeInSimulator()}>
            Set it in the simulated Sage Intacct
          </button>
          {changed && (
            <span role="status" className="small">
              Simulation: the user's password is now the new one; the old one is refused.
            </span>
          )}
        </div>
      )}
      {error !== null && <ErrorPanel error={error} title="The simulator did not change the password" />}
      <ProofPanel
        label="Prove and replace"
        disabled={!ready}
        prove={(onEvent) => api.rotationProve(setup.id, onEvent)}
        rotationOf={(o) => o}
        onDone={() => {
          setGeneration((g) => g + 1);
          onDone();
        }}
      />
    </section>
  );
}
