import { useState } from "react";
import { api, toApiError, type ApiError, type OAuthStatus } from "../api";
import { formatTime } from "../model/format";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  setupId: string;
  status: OAuthStatus;
  onStatus: (status: OAuthStatus) => void;
  /** The integration user the setup names (its email), if entered. */
  expectedUser?: string;
  /** Forget this connection and sign in again (as the integration user). */
  onReconnect?: () => void;
}

/** "Dana Admin (admin@wolfe.example), role Administrator", or null when NetSuite named no one. */
function ownerName(s: OAuthStatus): string | null {
  const user = s.user_name != null && s.user_email != null ? `${s.user_name} (${s.user_email})` : (s.user_email ?? s.user_name);
  if (user == null && s.role_name == null) return null;
  return `${user ?? `user (employee) ${s.entity ?? "?"}`}, role ${s.role_name ?? s.role ?? "?"}`;
}

function Expiry({ label, at, testId }: { label: string; at: string | null; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{at === null ? "unknown" : <time dateTime={at}>{formatTime(at)}</time>}</dd>
    </div>
  );
}

/** The connection: who the token acts as, when tokens expire, refresh and revoke. */
export function OAuthStatusPanel({ setupId, status, onStatus, expectedUser, onReconnect }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function act(run: () => Promise<OAuthStatus>) {
    setBusy(true);
    setError(null);
    try {
      onStatus(await run());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const named = ownerName(status);
  const wrong = status.user_matches === false || status.role_matches === false;
  return (
    <section className="auth-panel" aria-labelledby="oauth-status-title" data-testid="oauth-status">
      <h3 id="oauth-status-title">Connection</h3>
      <p role="status" data-testid="oauth-connected">
        {status.connected ? "Connected: the tokens are in your system keychain." : "Not connected yet."}
      </p>
      {status.connected && (
        <dl className="facts">
          <div>
            <dt>Acts as</dt>
            <dd>
              {named !== null && (
                <>
                  <strong data-testid="oauth-owner-name">{named}</strong>
                  {status.user_matches === true && " — the integration user"}{" "}
                </>
              )}
              <span data-testid="oauth-sub" className={named !== null ? "muted" : undefined}>
                {status.role !== null && status.entity !== null
                  ? `role ${status.role}, user (employee) ${status.entity}`
                  : "not shown by this token"}
              </span>
              {named === null && status.role !== null && (
                <span className="muted small">
                  {" "}
                  (this role may not read employee or role names; Setup &gt; Users/Roles &gt; Manage Users shows who
                  has internal ID {status.entity})
                </span>
              )}
            </dd>
          </div>
          <Expiry label="Access token expires" at={status.access_expires_at} testId="oauth-access-expiry" />
          {status.can_refresh && (
            <Expiry label="Refresh token expires" at={status.refresh_expires_at} testId="oauth-refresh-expiry" />
          )}
        </dl>
      )}
      {status.connected && wrong && (
        <p className="step-warning" role="alert" data-testid="oauth-wrong-user">
          This connection acts as {named}, not as {expectedUser ?? "the integration user"}: NetSuite would record that
          user for everything the connector does. Reconnect, signed in to NetSuite as the integration user.
        </p>
      )}
      {status.connected && onReconnect !== undefined && (
        <p>
          <button type="button" className={wrong ? "button primary" : "button small"} data-testid="oauth-reconnect" disabled={busy} onClick={onReconnect}>
            Not the integration user? Reconnect
          </button>
        </p>
      )}
      {status.connected && (
        <p className="hint">
          Access tokens last 60 minutes; Onramp refreshes them before each check. When the refresh token expires the
          integration user must connect again.
        </p>
      )}
      <div className="actions">
        {status.can_refresh && (
          <button type="button" className="button" data-testid="oauth-refresh" disabled={busy} onClick={() => void act(() => api.oauthRefresh(setupId))}>
            Refresh access token
          </button>
        )}
        {status.connected && (
          <button type="button" className="button" data-testid="oauth-revoke" disabled={busy} onClick={() => void act(() => api.oauthRevoke(setupId))}>
            Revoke and forget the tokens
          </button>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} title="NetSuite did not accept the request" />}
    </section>
  );
}
