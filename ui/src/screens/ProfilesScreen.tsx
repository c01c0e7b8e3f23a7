import { useCallback, useState } from "react";
import { api, toApiError, type ApiError, type ConnectorProfile } from "../api";
import { ErrorPanel } from "../components/ErrorPanel";
import { ExportedFiles } from "../components/share/ExportedFiles";
import { PathField } from "../components/share/PathField";
import { ProfileEditor } from "../components/share/ProfileEditor";
import { useExportFolder } from "../components/share/useExportFolder";
import { useLoad } from "../hooks/useLoad";
import { ERP_LABEL } from "../model/environment";
import { useScreenHeading } from "../hooks/useScreenHeading";

/** A copy of a profile under a new id, to be edited (built-in profiles are read-only). */
export function copyOf(p: ConnectorProfile, taken: string[]): ConnectorProfile {
  let id = `${p.id}-copy`;
  for (let n = 2; taken.includes(id); n++) id = `${p.id}-copy-${n}`;
  return { ...structuredClone(p), id, name: `${p.name} (copy)`, builtin: false };
}

/** The connector profiles: built-in ones to copy, the user's own to edit, import and export. */
export function ProfilesScreen({ onHome }: { onHome: () => void }) {
  const heading = useScreenHeading();
  const profiles = useLoad(useCallback(() => api.listProfiles(), []));
  /** The profile in the editor, and the id it is stored under (null for a new copy). */
  const [editing, setEditing] = useState<ConnectorProfile | null>(null);
  const [storedId, setStoredId] = useState<string | null>(null);
  const [folder, setFolder] = useExportFolder();
  const [importPath, setImportPath] = useState("");
  const [written, setWritten] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  async function act(what: () => Promise<unknown>) {
    setError(null);
    try {
      await what();
      profiles.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  }

  const all = profiles.data ?? [];
  if (editing !== null) {
    return (
      <main className="screen">
        <h1 ref={heading} tabIndex={-1}>Connector profile</h1>
        <ProfileEditor
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            // A renamed profile is stored under its new id; drop the old file.
            if (storedId !== null && storedId !== saved.id) void act(() => api.deleteConnectorProfile(storedId));
            else profiles.reload();
          }}
        />
      </main>
    );
  }
  return (
    <main className="screen">
      <button type="button" className="button small" onClick={onHome}>
        ← Home
      </button>
      <header className="screen-header">
        <h1 ref={heading} tabIndex={-1}>Connector profiles</h1>
      </header>
      <p className="lead">
        What each connector needs: features, permissions with levels, or Intacct objects and operations. Built-in
        profiles are read-only; copy one to make your own.
      </p>
      {profiles.error !== null && <ErrorPanel error={profiles.error} title="Could not list the profiles" />}
      {error !== null && <ErrorPanel error={error} title="That did not work" />}
      <ul className="setup-list" data-testid="profile-list">
        {all.map((p) => (
          <li key={p.id} className="setup-item" data-profile-id={p.id}>
            <div className="setup-main">
              <span className="setup-label">{p.name}</span>
              <span className="muted small">
                {ERP_LABEL[p.erp]} · <code>{p.id}</code> · {p.builtin === true ? "Built-in (read-only)" : "Yours"}
              </span>
            </div>
            <div className="actions">
              <button
                type="button"
                className="button small"
                onClick={() => {
                  setStoredId(null);
                  setEditing(copyOf(p, all.map((x) => x.id)));
                }}
              >
                Copy<span className="visually-hidden"> {p.name}</span>
              </button>
              {p.builtin !== true && (
                <>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      setStoredId(p.id);
                      setEditing(p);
                    }}
                  >
                    Edit<span className="visually-hidden"> {p.name}</span>
                  </button>
                  <button type="button" className="button small" onClick={() => void act(() => api.deleteConnectorProfile(p.id))}>
                    Delete<span className="visually-hidden"> {p.name}</span>
                  </button>
                </>
              )}
              <button
                type="button"
                className="button small"
                onClick={() => void act(async () => setWritten([await api.exportConnectorProfile(p.id, folder)]))}
              >
                Export<span className="visually-hidden"> {p.name}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      <PathField label="Export to folder" value={folder} onChange={setFolder} testId="profiles-export-folder" choose="folder" />
      <ExportedFiles files={written} title="Saved:" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => api.importConnectorProfile(importPath));
        }}
      >
        <PathField
          label="Import a profile (.toml)"
          value={importPath}
          onChange={setImportPath}
          testId="profiles-import-path"
          choose="toml_file"
          hint="The file is checked against the profile rules before it is added."
        />
        <button type="submit" className="button">
          Import
        </button>
      </form>
    </main>
  );
}
