import { useCallback, useId, useMemo, useState } from "react";
import { api, toApiError, type ApiError, type Client, type Erp, type SetupSummary } from "../api";
import { AboutPanel } from "../components/AboutPanel";
import { ErrorPanel } from "../components/ErrorPanel";
import { KeychainBanner } from "../components/KeychainBanner";
import { RemindersPanel } from "../components/maintain/RemindersPanel";
import { StoreRecoveryBanner } from "../components/StoreRecoveryBanner";
import { useLoad } from "../hooks/useLoad";
import { NewClientForm } from "../components/share/NewClientForm";
import { archiveView } from "../model/workspace";
import { ClientHead } from "./ClientHead";
import { SetupList } from "./SetupList";
import { useScreenHeading } from "../hooks/useScreenHeading";

interface Props {
  onNew: (erp: Erp) => void;
  onPractice: () => void;
  onOpen: (id: string) => void;
  /** Support and consultant tools; left out, their buttons are not shown. */
  onImport?: () => void;
  onCompare?: () => void;
  onProfiles?: () => void;
}

export function HomeScreen({ onNew, onPractice, onOpen, onImport, onCompare, onProfiles }: Props) {
  const heading = useScreenHeading();
  const info = useLoad(useCallback(() => api.appInfo(), []));
  const setups = useLoad(useCallback(() => api.listSetups(), []));
  const clients = useLoad(useCallback(() => api.listClients(), []));
  const expiries = useLoad(useCallback(() => api.setupExpiries(), []));
  const [query, setQuery] = useState("");
  const searchId = useId();
  const unavailable = info.error?.kind === "backend_unavailable";
  const [assignError, setAssignError] = useState<ApiError | null>(null);
  async function assign(setupId: string, clientId: string | null) {
    setAssignError(null);
    try {
      await api.changeSetup(setupId, [{ type: "set_client", client_id: clientId }]);
      setups.reload();
    } catch (e) {
      setAssignError(toApiError(e));
    }
  }
  const [deleteError, setDeleteError] = useState<ApiError | null>(null);
  async function remove(s: SetupSummary) {
    setDeleteError(null);
    try {
      const held = await api.setupKeychainItems(s.id);
      const items =
        held.length === 0
          ? "It holds nothing in the keychain."
          : `These keychain entries are removed: ${held.join(", ")}.`;
      if (!window.confirm(`Delete “${s.label}”? ${items} Its runs are forgotten.`)) return;
      await api.deleteSetup(s.id);
      setups.reload();
    } catch (e) {
      setDeleteError(toApiError(e));
    }
  }
  async function removeClient(c: Client, filed: SetupSummary[]) {
    setDeleteError(null);
    const kept = filed.length === 0 ? "It holds no setups." : `Its ${filed.length === 1 ? "setup stays" : `${filed.length} setups stay`}, under No client.`;
    if (!window.confirm(`Delete the client “${c.name}”? ${kept}`)) return;
    try {
      await api.deleteClient(c.id);
      clients.reload();
      setups.reload();
    } catch (e) {
      setDeleteError(toApiError(e));
    }
  }
  const [archiveError, setArchiveError] = useState<ApiError | null>(null);
  async function archive(s: SetupSummary, archived: boolean) {
    setArchiveError(null);
    try {
      await api.changeSetup(s.id, [{ type: "archive", archived }]);
      setups.reload();
    } catch (e) {
      setArchiveError(toApiError(e));
    }
  }
  const [showArchived, setShowArchived] = useState(false);
  const view = useMemo(
    () => archiveView(setups.data ?? [], clients.data ?? [], showArchived),
    [setups.data, clients.data, showArchived],
  );
  const reloadAll = () => {
    clients.reload();
    setups.reload();
  };
  const expiryBySetup = useMemo(
    () => Object.fromEntries((expiries.data ?? []).map((e) => [e.setup_id, e.expiries])),
    [expiries.data],
  );

  return (
    <main className="screen home">
      <header className="home-header">
        <h1 ref={heading} tabIndex={-1}>Onramp</h1>
        <p className="lead">Set up the integration user your connector needs, then prove it works.</p>
        <AboutPanel info={info.data} />
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

      {(onImport !== undefined || onCompare !== undefined || onProfiles !== undefined) && (
        <section className="tools" aria-labelledby="tools-title">
          <h2 id="tools-title">Reports and profiles</h2>
          <div className="actions">
            {onImport !== undefined && (
              <button type="button" className="button" data-testid="home-import" onClick={onImport}>
                Import a setup profile
              </button>
            )}
            {onCompare !== undefined && (
              <button type="button" className="button" data-testid="home-compare" onClick={onCompare}>
                Compare two setups
              </button>
            )}
            {onProfiles !== undefined && (
              <button type="button" className="button" data-testid="home-profiles" onClick={onProfiles}>
                Connector profiles
              </button>
            )}
          </div>
        </section>
      )}

      {!unavailable && <RemindersPanel onOpen={onOpen} />}

      <section aria-labelledby="saved-title">
        <h2 id="saved-title">Saved setups</h2>
        {(setups.data ?? []).length > 0 && (
          <div className="field workspace-search">
            <label htmlFor={searchId}>Search by client, setup or account</label>
            <input
              id={searchId}
              type="search"
              value={query}
              data-testid="workspace-search"
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        )}
        {setups.loading && <p className="muted">Loading…</p>}
        {unavailable && <p className="muted">Saved setups appear here when Onramp runs as the desktop app.</p>}
        {setups.error !== null && !unavailable && <ErrorPanel error={setups.error} title="Could not list your setups" />}
        {assignError !== null && <ErrorPanel error={assignError} title="Could not file the setup under that client" />}
        {deleteError !== null && <ErrorPanel error={deleteError} title="Could not delete the setup" />}
        {archiveError !== null && <ErrorPanel error={archiveError} title="Could not archive the setup" />}
        {(view.hidden > 0 || showArchived) && (
          <button
            type="button"
            className="button small"
            data-testid="show-archived"
            aria-pressed={showArchived}
            onClick={() => setShowArchived((v) => !v)}
          >
            {showArchived ? "Hide archived" : `Show archived (${view.hidden})`}
          </button>
        )}
        {setups.data !== null && setups.data.length > 0 && view.setups.length === 0 ? (
          <p className="muted" data-testid="setup-list">
            Every saved setup is archived.
          </p>
        ) : setups.data !== null && (
          <SetupList
            setups={view.setups}
            clients={view.clients}
            expiries={expiryBySetup}
            query={query}
            onOpen={onOpen}
            onAssign={(setupId, clientId) => void assign(setupId, clientId)}
            onDelete={(s) => void remove(s)}
            onDeleteClient={(c, filed) => void removeClient(c, filed)}
            onArchive={(s, archived) => void archive(s, archived)}
            onClientsChanged={reloadAll}
          />
        )}
        {view.emptyArchivedClients.length > 0 && (
          <section className="workspace" aria-label="Archived clients without setups">
            {view.emptyArchivedClients.map((c) => (
              <ClientHead key={c.id} client={c} setups={[]} onChanged={reloadAll} onDelete={(cl) => void removeClient(cl, [])} />
            ))}
          </section>
        )}
        {!unavailable && <NewClientForm onAdded={clients.reload} />}
      </section>
    </main>
  );
}
