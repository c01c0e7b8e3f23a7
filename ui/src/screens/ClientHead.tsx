import { useEffect, useId, useRef, useState } from "react";
import { api, type Client, type SetupSummary } from "../api";
import { ErrorPanel } from "../components/ErrorPanel";
import { useAction } from "../hooks/useAction";
import { cleanInput } from "../model/environment";

interface Props {
  client: Client;
  setups: SetupSummary[];
  /** Reloads the lists after a rename or an archive change. */
  onChanged: () => void;
  onDelete?: (client: Client, setups: SetupSummary[]) => void;
}

/** A client's heading in the home list, with rename (in place), archive and delete. */
export function ClientHead({ client, setups, onChanged, onDelete }: Props) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const { busy, error, run } = useAction();
  const archived = client.archived_at != null;
  const closeRename = () => {
    setRenaming(false);
    // Back on the control that opened the form, once it is rendered again.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  return (
    <div className="workspace-head">
      <h3 className="workspace-title">
        {client.name}
        {archived && <span className="archived-tag small"> (archived)</span>}
      </h3>
      {renaming ? (
        <RenameClient client={client} onDone={() => { closeRename(); onChanged(); }} onCancel={closeRename} />
      ) : (
        <button ref={renameButton} type="button" className="button small" data-testid="client-rename" onClick={() => setRenaming(true)}>
          Rename<span className="visually-hidden"> client {client.name}</span>
        </button>
      )}
      <button
        type="button"
        className="button small"
        data-testid={archived ? "client-unarchive" : "client-archive"}
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await api.changeClient(client.id, { type: "archive", archived: !archived });
            onChanged();
          })
        }
      >
        {archived ? "Unarchive" : "Archive"}
        <span className="visually-hidden"> client {client.name}</span>
      </button>
      {onDelete !== undefined && (
        <button type="button" className="button small" data-testid="client-delete" onClick={() => onDelete(client, setups)}>
          Delete client<span className="visually-hidden"> {client.name}</span>
        </button>
      )}
      {error !== null && <ErrorPanel error={error} title="Could not change the client" />}
    </div>
  );
}

/** The client's new name; Escape or Cancel leaves it as it was. Duplicate names are refused by the backend. */
function RenameClient({ client, onDone, onCancel }: { client: Client; onDone: () => void; onCancel: () => void }) {
  const id = useId();
  const [name, setName] = useState(client.name);
  const { busy, error, run } = useAction();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      className="client-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await api.changeClient(client.id, { type: "rename", name: cleanInput(name) });
          onDone();
        });
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <label htmlFor={id} className="small">
        New name for {client.name}
      </label>
      <input id={id} ref={input} type="text" value={name} data-testid="client-rename-input" onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button small primary" data-testid="client-rename-save" disabled={busy || cleanInput(name) === ""}>
        Save name
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && <ErrorPanel error={error} title="Could not rename the client" />}
    </form>
  );
}
