import { useState } from "react";
import { api, toApiError, type ApiError, type CredentialIdentity, type Setup } from "../api";
import { ErrorPanel } from "./ErrorPanel";

function Verdict({ ok }: { ok: boolean | null }) {
  if (ok === null) return null;
  return <strong className={ok ? "verdict ok" : "verdict bad"}>{ok ? " — as expected" : " — not the one expected"}</strong>;
}

/** Who NetSuite will record in System Notes, and a check of who the credentials act as. */
export function OwnershipStep({ setup }: { setup: Setup }) {
  const [who, setWho] = useState<CredentialIdentity | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const method = setup.auth_method ?? "tba";
  const expectedUser = setup.fields?.user_email;
  const expectedRole = setup.fields?.role_name;

  async function check() {
    setBusy(true);
    setError(null);
    try {
      setWho(await api.netsuiteIdentity(setup.id));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ownership-step">
      <ul className="checklist">
        {method === "tba" && (
          <li>
            Create the access token while signed in as an administrator, but choose the integration user and integration
            role on it: that user is the one NetSuite records. Setup &gt; Users/Roles &gt; Access Tokens lists each
            token's user and role.
          </li>
        )}
        {method === "oauth2-code" && (
          <li>
            Whoever signs in and presses Allow is the user the token acts as. Sign in as the integration user, not as
            yourself, and pick the integration role.
          </li>
        )}
        {method === "oauth2-m2m" && (
          <li>The certificate mapping names the user and role: choose the integration user and integration role.</li>
        )}
        <li>
          Expected user: <strong>{expectedUser ?? "not entered"}</strong>; expected role:{" "}
          <strong>{expectedRole ?? "not entered"}</strong>.
        </li>
      </ul>
      {method === "tba" && (
        <p className="hint">
          A TBA token does not say whose it is, but NetSuite's Login Audit Trail records each sign-in with its token's
          user and role. Sign in as an administrator (the Administrator panel below) and Onramp reads them there;
          otherwise compare the user on the Access Tokens list yourself. The Validate step checks the role's
          permissions.
        </p>
      )}
      <div className="actions">
        <button type="button" className="button" data-testid="identity-check" disabled={busy} onClick={() => void check()}>
          {busy ? "Asking NetSuite…" : "Check who the credentials act as"}
        </button>
      </div>
      {who !== null && (
        <dl className="facts" data-testid="identity-result" role="status">
          <div>
            <dt>Role</dt>
            <dd>
              {who.role_id === null
                ? who.expected_role === null
                  ? "no role entered to look for"
                  : `${who.expected_role} is not visible to these credentials: either no role has that name, or the role may not read role names (NetSuite requires Manage Roles for that, which an integration role should not have). The Validate step proves its permissions.`
                : `${who.role_name ?? "name not readable"} (internal ID ${who.role_id})`}
              <Verdict ok={who.role_matches} />
            </dd>
          </div>
          <div>
            <dt>User</dt>
            <dd>
              {who.method === "tba" && who.audit === null
                ? "not named by a TBA token (an administrator's sign-in reads it from the Login Audit Trail)"
                : `${who.user_email ?? "email not readable"} (internal ID ${who.entity_id ?? "unknown"})`}
              <Verdict ok={who.user_matches} />
            </dd>
          </div>
          {who.audit !== null && (
            <div>
              <dt>Seen in</dt>
              <dd data-testid="identity-audit">
                the Login Audit Trail: a sign-in with the token “{who.audit.token}” of {who.audit.application} at{" "}
                {who.audit.date}
              </dd>
            </div>
          )}
        </dl>
      )}
      {error !== null && <ErrorPanel error={error} title="Could not tell who the credentials act as" />}
    </div>
  );
}
