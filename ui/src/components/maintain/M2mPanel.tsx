import { useId, useState, type FormEvent } from "react";
import {
  api,
  toApiError,
  type ApiError,
  type MaintainPractice,
  type OwnerOutcome,
  type PendingCertificate,
  type Setup,
} from "../../api";
import { ErrorPanel } from "../ErrorPanel";
import { MenuPath } from "../MenuPath";
import { OwnerProofLine } from "./OwnerProofLine";
import { ProofPanel } from "./ProofPanel";

interface Props {
  setup: Setup;
  practice: MaintainPractice | null;
  /** A change of owner, not a rotation for the same user. */
  owner: boolean;
  onSetup: (setup: Setup) => void;
  onDone: () => void;
}

const M2M_SETUP = "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";

/** M2M: a new certificate for the same user (rotation) or for a new owner, proven before it replaces the old. */
export function M2mPanel({ setup, practice, owner, onSetup, onDone }: Props) {
  const emailId = useId();
  const entityId = useId();
  const certId = useId();
  const fields = setup.fields ?? {};
  const netsuite = fields.netsuite ?? {};
  const [email, setEmail] = useState(practice?.new_owner_email ?? "");
  const [entity, setEntity] = useState(practice?.new_owner_entity ?? "");
  const [cert, setCert] = useState<PendingCertificate | null>(null);
  const [mapped, setMapped] = useState<string | null>(netsuite.certificate_id_pending ?? null);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const newOwner = netsuite.owner_change?.to;
  const forUser = owner ? (newOwner ?? "the new user") : (fields.user_email ?? "the integration user");
  const ready = (!owner || newOwner !== undefined) && mapped !== null;

  async function act(what: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  const begin = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => onSetup(await api.m2mOwnerBegin(setup.id, email, entity)));
  };
  const generate = () =>
    act(async () => {
      setCert(await api.m2mRotationGenerate(setup.id, "ES256"));
      setMapped(null);
    });
  const upload = () => act(async () => setMapped((await api.m2mRotationPracticeUpload(setup.id)).certificate_id));
  const saveId = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.m2mRotationCertificateId(setup.id, typed);
      setMapped(typed.trim());
    });
  };

  return (
    <section className="maintain-flow" aria-labelledby="m2m-title" data-testid="m2m-panel">
      <h3 id="m2m-title">{owner ? "Change the certificate's user" : "Rotate the certificate"}</h3>
      <p>
        The connector now signs in as <strong data-testid="owner-current">{fields.user_email ?? "—"}</strong> with
        Certificate ID <code>{netsuite.certificate_id ?? "—"}</code>. NetSuite allows several active certificates,
        so the new one is mapped and proven while the old one keeps working.
      </p>
      <ol className="maintain-steps">
        {owner && (
          <li>
            <form className="inline-form" onSubmit={begin}>
              <label htmlFor={emailId}>The user taking over (login e-mail)</label>
              <input id={emailId} type="email" value={email} data-testid="owner-new-user" onChange={(e) => setEmail(e.target.value)} />
              <label htmlFor={entityId}>Their internal ID (Lists &gt; Employees, ID column)</label>
              <input id={entityId} inputMode="numeric" value={entity} data-testid="owner-new-entity" onChange={(e) => setEntity(e.target.value)} />
              <button type="submit" className="button" data-testid="owner-begin" disabled={busy}>
                Start the change
              </button>
            </form>
            <p className="hint">Give them the integration role and login access first: <MenuPath path="Lists > Employees > Edit > Access" /></p>
          </li>
        )}
        <li>
          <button type="button" className="button" data-testid="m2m-rotate-generate" disabled={busy || (owner && newOwner === undefined)} onClick={() => void generate()}>
            Generate a new key pair and certificate
          </button>
          {cert !== null && (
            <p className="small">
              Certificate file: <code data-testid="m2m-rotate-path">{cert.path}</code>. The private key went straight to your keychain.
            </p>
          )}
        </li>
        <li>
          Map it for {forUser} and the integration role: <MenuPath path={M2M_SETUP} /> (Create New), then enter the
          Certificate ID NetSuite shows.
          {setup.practice_scenario !== null ? (
            <div className="actions">
              <button type="button" className="button" data-testid="m2m-rotate-upload" disabled={busy || cert === null} onClick={() => void upload()}>
                Map it in the simulated NetSuite
              </button>
            </div>
          ) : (
            <form className="inline-form" onSubmit={saveId}>
              <label htmlFor={certId}>New Certificate ID</label>
              <input id={certId} value={typed} onChange={(e) => setTyped(e.target.value)} />
              <button type="submit" className="button" disabled={busy || typed.trim() === ""}>
                Save
              </button>
            </form>
          )}
          {mapped !== null && (
            <p className="small" role="status">
              New Certificate ID: <code data-testid="m2m-rotate-cert-id">{mapped}</code>
            </p>
          )}
        </li>
        <li>Prove it: every check runs with the new certificate, whose token must act as {forUser}.</li>
      </ol>
      {error !== null && <ErrorPanel error={error} title="That did not work" />}
      <ProofPanel<OwnerOutcome>
        label="Prove and replace"
        disabled={!ready}
        prove={(onEvent) => api.m2mRotationProve(setup.id, onEvent)}
        rotationOf={(o) => o.rotation}
        details={(o) => <OwnerProofLine outcome={o} />}
        onDone={() => {
          setMapped(null);
          onDone();
        }}
      />
    </section>
  );
}
