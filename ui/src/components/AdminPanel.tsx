import { useCallback, useState } from "react";
import { api, ApiError, toApiError, type AdminStatus, type OAuthEvent, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { AdminAudit } from "./AdminAudit";
import { AdminCertificate } from "./AdminCertificate";
import { AdminEmployee } from "./AdminEmployee";
import { AdminOffboard } from "./AdminOffboard";
import { CopyButton } from "./CopyButton";
import { ErrorPanel } from "./ErrorPanel";
import { IdField } from "./IdField";

interface Props {
  setup: Setup;
  onChanged: () => void;
}

/**
 * "Let Onramp do it": an administrator signs in once (in their browser, or the
 * simulated page in Practice mode); each change is previewed and made on a click.
 */
export function AdminPanel({ setup, onChanged }: Props) {
  const practice = setup.practice_scenario !== null;
  const loaded = useLoad(useCallback(() => api.adminStatus(setup.id), [setup.id]));
  const practiceId = useLoad(
    useCallback(() => (practice ? api.adminPracticeClientId(setup.id) : Promise.resolve(null)), [practice, setup.id]),
  );
  const [status, setStatus] = useState<AdminStatus | null>(null);
  const [keep, setKeep] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = status ?? loaded.data;

  async function refresh() {
    try {
      setStatus(await api.adminStatus(setup.id));
    } catch (e) {
      setError(toApiError(e));
    }
  }

  async function signIn() {
    setError(null);
    try {
      const onEvent = (event: OAuthEvent) => {
        setWaiting(false);
        if (event.type === "connected") void refresh();
        else setError(ApiError.fromIpc(event.error));
      };
      await api.adminSignIn(setup.id, keep, onEvent);
      setWaiting(true);
    } catch (e) {
      setError(toApiError(e));
    }
  }

  async function signOut() {
    try {
      setStatus(await api.adminSignOut(setup.id));
    } catch (e) {
      setError(toApiError(e));
    }
  }

  const signedIn = current?.signed_in === true;
  const changes = setup.admin_changes ?? [];
  return (
    <section className="admin-panel" aria-labelledby="admin-panel-h" data-testid="admin-panel">
      <h2 id="admin-panel-h">Let Onramp do it (administrator)</h2>
      <p>
        An administrator signs in once, in their browser. Onramp then shows each change it would make as a list, and
        makes it only when you click. The sign-in is kept in memory for this session only, unless you ask to keep it.
      </p>
      {!signedIn && (
        <>
          <IdField
            setupId={setup.id}
            field="admin_client_id"
            label="Client ID for the administrator's sign-in"
            help="An integration record with Authorization Code Grant, Public Client and Onramp's redirect URI. Leave it unset to sign in through the setup's own record."
            value={setup.fields?.netsuite?.admin_client_id ?? undefined}
            onSaved={onChanged}
          />
          {practiceId.data !== null && practiceId.data !== undefined && (
            <p className="hint">
              Practice value: <code data-testid="admin-practice-client-id">{practiceId.data}</code>{" "}
              <CopyButton text={practiceId.data} what="Client ID" />
            </p>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep the sign-in in my
            keychain until it expires (60 minutes)
          </label>
          <div className="actions">
            <button type="button" className="button primary" data-testid="admin-sign-in" onClick={() => void signIn()}>
              Sign in as administrator
            </button>
          </div>
          {waiting && (
            <p role="status">
              {practice ? "The simulated NetSuite sign-in page opened in a second Onramp window." : "NetSuite's sign-in page opened in your browser."}{" "}
              Sign in as an administrator and press Allow.
            </p>
          )}
        </>
      )}
      {signedIn && (
        <>
          <p role="status" data-testid="admin-signed-in">
            Signed in as {current.consented_by}
            {current.kept ? " (kept in your keychain" : " (for this session"} until {current.expires_at}).{" "}
            <button type="button" className="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </p>
          <AdminEmployee setup={setup} onChanged={onChanged} />
          {setup.auth_method === "oauth2-m2m" && <AdminCertificate setup={setup} onChanged={onChanged} />}
          <AdminAudit setup={setup} />
          <AdminOffboard setup={setup} onChanged={onChanged} />
        </>
      )}
      {changes.length > 0 && (
        <section aria-labelledby="admin-changes-h">
          <h3 id="admin-changes-h">Changes Onramp made</h3>
          <ul data-testid="admin-changes">
            {changes.map((c) => (
              <li key={`${c.at}-${c.action}`}>
                {c.action} — {c.outcome} (consented by {c.consented_by}, {c.at})
              </li>
            ))}
          </ul>
        </section>
      )}
      {error !== null && <ErrorPanel error={error} title="The administrator's sign-in did not complete" />}
      {loaded.error !== null && <ErrorPanel error={loaded.error} title="Could not read the administrator's sign-in" />}
    </section>
  );
}
