import { useEffect, useId, useState, type FormEvent } from "react";
import { api, toApiError, type ApiError, type MaintainPractice, type OwnerOutcome, type Setup } from "../../api";
import { ErrorPanel } from "../ErrorPanel";
import { MenuPath } from "../MenuPath";
import { OwnerProofLine } from "./OwnerProofLine";
import { ProofPanel } from "./ProofPanel";
import { SimulatedValues } from "./SimulatedValues";
import { StagedFields } from "./StagedFields";

interface Props {
  setup: Setup;
  practice: MaintainPractice | null;
  onSetup: (setup: Setup) => void;
  onDone: () => void;
}

/** NetSuite TBA: move the integration to another user, with a token of their own. */
export function OwnerPanel({ setup, practice, onSetup, onDone }: Props) {
  const inputId = useId();
  const current = setup.fields?.user_email ?? "the current user";
  const pending = setup.fields?.netsuite?.owner_change?.to;
  // The user being moved to; kept once the change is done, so its outcome stays on screen.
  const [next, setNext] = useState(pending);
  useEffect(() => {
    if (pending !== undefined) setNext(pending);
  }, [pending]);
  const role = setup.fields?.role_name ?? "the integration role";
  const [email, setEmail] = useState(practice?.new_owner_email ?? "");
  const [error, setError] = useState<ApiError | null>(null);
  const [ready, setReady] = useState(false);
  const [generation, setGeneration] = useState(0);

  async function begin(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onSetup(await api.ownerBegin(setup.id, email));
    } catch (e) {
      setError(toApiError(e));
    }
  }

  return (
    <section className="maintain-flow" aria-labelledby="owner-title" data-testid="owner-panel">
      <h3 id="owner-title">Change the token owner</h3>
      <p>
        NetSuite records the token's user in System Notes for everything the connector changes, and a token belongs
        to one user for good: a new owner needs a token of their own. The token now belongs to{" "}
        <strong data-testid="owner-current">{current}</strong>.
      </p>
      <ol className="maintain-steps">
        <li>
          <form onSubmit={(e) => void begin(e)} className="inline-form">
            <label htmlFor={inputId}>The user taking over (their NetSuite login e-mail)</label>
            <input
              id={inputId}
              type="email"
              value={email}
              data-testid="owner-new-user"
              onChange={(e) => setEmail(e.target.value)}
            />
            <button type="submit" className="button" data-testid="owner-begin" disabled={email.trim() === ""}>
              {pending === undefined ? "Start the change" : "Change the user"}
            </button>
          </form>
          {error !== null && <ErrorPanel error={error} title="Could not start the change" />}
        </li>
        {next !== undefined && (
          <>
            <li>
              Give <strong>{next}</strong> the role {role} and login access: <MenuPath path="Lists > Employees > Edit > Access" />{" "}
              (check Give Access, add the role).
            </li>
            <li>
              Create their token for the same application and role, user {next}:{" "}
              <MenuPath path="Setup > Users/Roles > Access Tokens > New" />. Store its Token ID and Token Secret below.
            </li>
            <li>Prove it: every check runs with the new token, which must act as {next}.</li>
          </>
        )}
      </ol>
      {next !== undefined && (
        <>
          <SimulatedValues values={practice?.new_owner_token ?? []} what={`token of ${practice?.new_owner_email ?? "the new user"}`} />
          <StagedFields setupId={setup.id} generation={generation} onReady={setReady} />
          <ProofPanel<OwnerOutcome>
            label="Prove the new owner's token"
            disabled={!ready}
            prove={(onEvent) => api.ownerProve(setup.id, onEvent)}
            rotationOf={(o) => o.rotation}
            details={(o) => <OwnerProofLine outcome={o} />}
            onDone={() => {
              setGeneration((g) => g + 1);
              onDone();
            }}
          />
        </>
      )}
    </section>
  );
}
