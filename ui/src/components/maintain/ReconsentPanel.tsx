import { useCallback, useState } from "react";
import { api, ApiError, type OAuthEvent, type OAuthLaunch, type Setup } from "../../api";
import { useAction } from "../../hooks/useAction";
import { useLoad } from "../../hooks/useLoad";
import { ErrorPanel } from "../ErrorPanel";
import { PasteRedirect } from "../OAuthCodeStep";
import { ProofPanel } from "./ProofPanel";

interface Props {
  setup: Setup;
  onDone: () => void;
}

/**
 * OAuth 2.0 authorization code: renew the consent before the refresh token
 * expires. The new tokens wait beside the working ones until a full run with
 * them passes; a consent by the wrong user or without a needed scope replaces nothing.
 */
export function ReconsentPanel({ setup, onDone }: Props) {
  const state = useLoad(useCallback(() => api.reconsentState(setup.id), [setup.id]));
  const [launch, setLaunch] = useState<OAuthLaunch | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const { busy, error, run } = useAction();
  const pending = state.data?.pending === true;
  const user = setup.fields?.user_email;

  const connect = () =>
    void run(async () => {
      setFailed(null);
      const onEvent = (event: OAuthEvent) => {
        if (event.type === "connected") state.reload();
        else setFailed(ApiError.fromIpc(event.error));
      };
      setLaunch(await api.oauthReconsent(setup.id, onEvent));
    });

  return (
    <section className="maintain-flow" aria-labelledby="reconsent-title" data-testid="reconsent-panel">
      <h3 id="reconsent-title">Renew the OAuth 2.0 consent</h3>
      <ol className="maintain-steps">
        <li>
          Connect again, signed in to NetSuite as {user ?? "the integration user"}, and press Allow. The new tokens
          wait beside the working ones.
        </li>
        <li>Prove them: Onramp runs every check with the new tokens and replaces the old ones only if it passes.</li>
      </ol>
      <div className="actions">
        <button type="button" className="button" data-testid="reconsent-connect" disabled={busy} onClick={connect}>
          Connect again
        </button>
      </div>
      {launch !== null && !pending && (
        <p role="status" data-testid="reconsent-launched">
          {launch.practice_window
            ? "The simulated NetSuite sign-in page opened in a second Onramp window."
            : "NetSuite's sign-in page opened in your browser."}
        </p>
      )}
      {launch !== null && !launch.practice_window && !pending && (
        <PasteRedirect setupId={setup.id} onConnected={() => state.reload()} />
      )}
      <p role="status" className={`secret-status ${pending ? "stored" : "absent"}`} data-testid="reconsent-status">
        {pending
          ? `New consent: stored, waiting to be proven${
              state.data?.scopes.length ? ` (scopes ${state.data.scopes.join(", ")})` : ""
            }`
          : "New consent: none yet"}
      </p>
      {pending && (
        <div className="actions">
          <button
            type="button"
            className="button small"
            data-testid="reconsent-discard"
            disabled={busy}
            onClick={() => void run(async () => { await api.reconsentDiscard(setup.id); state.reload(); })}
          >
            Forget the new consent
          </button>
        </div>
      )}
      {failed !== null && <ErrorPanel error={failed} title="The new consent did not complete" />}
      {error !== null && <ErrorPanel error={error} title="Could not start the new consent" />}
      {state.error !== null && <ErrorPanel error={state.error} title="Could not read the new consent" />}
      <ProofPanel
        label="Prove and replace"
        disabled={!pending}
        prove={(onEvent) => api.reconsentProve(setup.id, onEvent)}
        rotationOf={(o) => o}
        onDone={() => {
          state.reload();
          onDone();
        }}
      />
    </section>
  );
}
