import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { api, ApiError, toApiError, type OAuthEvent, type OAuthLaunch, type OAuthStatus, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { CopyButton } from "./CopyButton";
import { EnvironmentBadge } from "./EnvironmentBadge";
import { ErrorPanel } from "./ErrorPanel";
import { IdField } from "./IdField";
import { OAuthStatusPanel } from "./OAuthStatusPanel";
import { PracticeValues } from "./PracticeValues";
import { SecretField } from "./SecretField";

interface Props {
  setup: Setup;
  onChanged: () => void;
}

/** Authorization code + PKCE: Client ID and secret, Connect, the redirect back (or pasted), the connection. */
export function OAuthCodeStep({ setup, onChanged }: Props) {
  const practice = setup.practice_scenario !== null;
  const clientId = setup.fields?.netsuite?.client_id ?? undefined;
  const { erp, auth_method } = setup;
  const specs = useLoad(useCallback(() => api.secretSpecs({ erp, auth_method }), [erp, auth_method]));
  const loaded = useLoad(useCallback(() => api.oauthStatus(setup.id), [setup.id]));
  const [status, setStatus] = useState<OAuthStatus | null>(null);
  const [launch, setLaunch] = useState<OAuthLaunch | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const current = status ?? loaded.data;

  const connected = useCallback(
    (s: OAuthStatus) => {
      setStatus(s);
      setError(null);
      onChanged();
    },
    [onChanged],
  );

  async function connect() {
    setError(null);
    try {
      const onEvent = (event: OAuthEvent) => {
        if (event.type === "connected") connected(event.status);
        else setError(ApiError.fromIpc(event.error));
      };
      setLaunch(await api.oauthConnect(setup.id, onEvent));
    } catch (e) {
      setError(toApiError(e));
    }
  }

  /** Forgets the connection (it acts as someone else) and signs in again. */
  async function reconnect() {
    setError(null);
    try {
      setStatus(await api.oauthRevoke(setup.id));
      await connect();
    } catch (e) {
      setError(toApiError(e));
    }
  }

  return (
    <div className="oauth-step">
      {practice && <PracticeValues setupId={setup.id} />}
      <IdField
        setupId={setup.id}
        field="client_id"
        label="Client ID"
        help="Shown once when the integration record is saved, under Client Credentials."
        value={clientId}
        onSaved={onChanged}
      />
      {specs.data?.map((spec) => <SecretField key={spec.name} setupId={setup.id} spec={spec} />)}
      {specs.error !== null && <ErrorPanel error={specs.error} title="Could not list the credentials to store" />}

      <section className="auth-panel" aria-labelledby="oauth-connect-title">
        <h3 id="oauth-connect-title">Sign in and allow access</h3>
        <p>
          Sign in to <code>{setup.account_id}</code>{" "}
          <EnvironmentBadge environment={setup.environment} practice={practice} /> as the integration user, pick the
          integration role, and press Allow. NetSuite then sends you back to Onramp.
        </p>
        <div className="actions">
          <button type="button" className="button primary" data-testid="oauth-connect" disabled={clientId === undefined} onClick={() => void connect()}>
            {current?.connected === true ? "Connect again" : "Connect to NetSuite"}
          </button>
        </div>
        {clientId === undefined && <p className="hint">Save the Client ID first.</p>}
        {launch !== null && (
          <div role="status" data-testid="oauth-launched">
            <p>
              {launch.practice_window
                ? "The simulated NetSuite sign-in page opened in a second Onramp window."
                : "NetSuite's sign-in page opened in your browser."}{" "}
              If it did not, open this address yourself:
            </p>
            <p className="wrap">
              <code>{launch.authorize_url}</code> <CopyButton text={launch.authorize_url} what="sign-in address" />
            </p>
            <p className="hint">
              If NetSuite shows an error page instead of asking you to Allow, it does not know this Client ID in this
              account, or the integration record's Redirect URI is not exactly {launch.redirect_uri}.
            </p>
          </div>
        )}
        <PasteRedirect setupId={setup.id} onConnected={connected} />
      </section>
      {error !== null && <ErrorPanel error={error} title="The connection did not complete" />}
      {loaded.error !== null && <ErrorPanel error={loaded.error} title="Could not read the connection" />}
      {current !== null && (
        <OAuthStatusPanel
          setupId={setup.id}
          status={current}
          onStatus={connected}
          expectedUser={setup.fields?.user_email ?? undefined}
          onReconnect={() => void reconnect()}
        />
      )}
    </div>
  );
}

/** The fallback when the browser cannot hand the redirect to Onramp: paste the address. */
export function PasteRedirect({ setupId, onConnected }: { setupId: string; onConnected: (s: OAuthStatus) => void }) {
  const inputId = useId();
  const helpId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => setError(null), [text]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      onConnected(await api.oauthPasteRedirect(setupId, text));
      setText("");
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="paste-redirect" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>Or paste the address NetSuite sent you to</label>
      <input
        id={inputId}
        data-testid="oauth-paste-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={helpId}
      />
      <p id={helpId} className="hint">
        If the browser shows an address starting with com.onramp.app:// instead of returning to Onramp, copy it from
        the address bar and paste it here.
      </p>
      <div className="actions">
        <button type="submit" className="button" data-testid="oauth-paste-submit" disabled={busy || text.trim() === ""}>
          Use this address
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} title="That address did not complete the sign-in" />}
    </form>
  );
}
