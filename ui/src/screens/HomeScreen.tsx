import { useCallback } from "react";
import { api, type Erp } from "../api";
import { ErrorPanel } from "../components/ErrorPanel";
import { KeychainBanner } from "../components/KeychainBanner";
import { StoreRecoveryBanner } from "../components/StoreRecoveryBanner";
import { useLoad } from "../hooks/useLoad";
import { SetupList } from "./SetupList";

interface Props {
  onNew: (erp: Erp) => void;
  onPractice: () => void;
  onOpen: (id: string) => void;
}

export function HomeScreen({ onNew, onPractice, onOpen }: Props) {
  const info = useLoad(useCallback(() => api.appInfo(), []));
  const setups = useLoad(useCallback(() => api.listSetups(), []));
  const unavailable = info.error?.kind === "backend_unavailable";

  return (
    <main className="screen home">
      <header className="home-header">
        <h1>Onramp</h1>
        <p className="lead">Set up the integration user your connector needs, then prove it works.</p>
      </header>

      {info.error !== null && (
        <ErrorPanel
          error={info.error}
          title={unavailable ? "Backend unavailable" : "Onramp could not read its settings"}
        />
      )}
      {info.data?.store_recovery != null && <StoreRecoveryBanner recovery={info.data.store_recovery} />}
      {info.data !== null && !info.data.keychain.available && <KeychainBanner status={info.data.keychain} />}

      <section className="start" aria-labelledby="start-title">
        <h2 id="start-title">Start a setup</h2>
        <div className="start-actions">
          <button type="button" className="button primary large" data-testid="home-new-netsuite" onClick={() => onNew("netsuite")}>
            New NetSuite setup
          </button>
          <button type="button" className="button primary large" data-testid="home-new-intacct" onClick={() => onNew("intacct")}>
            New Sage Intacct setup
          </button>
        </div>
        <div className="practice-callout">
          <div>
            <h3>No account yet, or just want to rehearse?</h3>
            <p>
              Practice mode runs the whole setup against a built-in simulation of NetSuite and Sage Intacct. Nothing
              touches a real account.
            </p>
          </div>
          <button type="button" className="button large" data-testid="home-practice" onClick={onPractice}>
            Open Practice mode
          </button>
        </div>
      </section>

      <section aria-labelledby="saved-title">
        <h2 id="saved-title">Saved setups</h2>
        {setups.loading && <p className="muted">Loading…</p>}
        {unavailable && <p className="muted">Saved setups appear here when Onramp runs as the desktop app.</p>}
        {setups.error !== null && !unavailable && <ErrorPanel error={setups.error} title="Could not list your setups" />}
        {setups.data !== null && <SetupList setups={setups.data} onOpen={onOpen} />}
      </section>
    </main>
  );
}
