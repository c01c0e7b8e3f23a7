import { useState } from "react";
import { api, toApiError, type ApiError, type OAuthStatus } from "../api";
import { formatTime } from "../model/format";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  setupId: string;
  status: OAuthStatus;
  onStatus: (status: OAuthStatus) => void;
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
export function OAuthStatusPanel({ setupId, status, onStatus }: Props) {
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
            <dd data-testid="oauth-sub">
              {status.role !== null && status.entity !== null
                ? `role ${status.role}, user (employee) ${status.entity}`
                : "not shown by this token"}
            </dd>
          </div>
          <Expiry label="Access token expires" at={status.access_expires_at} testId="oauth-access-expiry" />
          {status.can_refresh && (
            <Expiry label="Refresh token expires" at={status.refresh_expires_at} testId="oauth-refresh-expiry" />
          )}
        </dl>
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
