import { useEffect, useId, useState } from "react";
import { api, type KeyExport, type Setup } from "../api";
import { formatTime } from "../model/format";
import { ErrorPanel } from "./ErrorPanel";
import { useAction } from "../hooks/useAction";

interface Props {
  setup: Setup;
  onChanged: () => void;
}

/**
 * For connectors that take the private key pasted in: a warned, once-per-key
 * export to a new file only the user can read. Closed by default.
 */
export function KeyHandoff({ setup, onChanged }: Props) {
  const ids = useId();
  const [folder, setFolder] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [done, setDone] = useState<KeyExport | null>(null);
  const { busy, error, run } = useAction();
  const exportedAt = setup.fields?.netsuite?.key_export?.at;
  const exportedTo = setup.fields?.netsuite?.key_export?.to;

  useEffect(() => {
    api.defaultExportDir().then(setFolder, () => undefined);
  }, []);

  async function write() {
    await run(async () => {
      setDone(await api.m2mExportKey(setup.id, folder, understood));
      onChanged();
    });
  }

  return (
    <details className="key-handoff" data-testid="m2m-key-handoff">
      <summary>The connector asks for the private key instead?</summary>
      {exportedAt !== undefined ? (
        <p role="status" data-testid="m2m-key-exported">
          This key was handed over on <time dateTime={exportedAt}>{formatTime(exportedAt)}</time> to{" "}
          <code>{exportedTo}</code>. Delete that file once the connector has the key. To hand over another, generate a
          new key pair.
        </p>
      ) : (
        <>
          <p className="banner warning" id={`${ids}-warning`}>
            The private key lets anyone who holds it sign in to NetSuite as the integration user. Onramp writes it once,
            to a new file only you can read: paste it into the connector, then delete the file.
            {setup.practice_scenario !== null && " In Practice mode the key is simulated and the file says so."}
          </p>
          <label htmlFor={`${ids}-folder`}>Folder</label>
          <input
            id={`${ids}-folder`}
            type="text"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            data-testid="m2m-key-folder"
          />
          <label className="radio-line">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              aria-describedby={`${ids}-warning`}
              data-testid="m2m-key-understood"
            />
            I understand; write the key file once
          </label>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={busy || !understood || folder.trim() === ""}
              onClick={() => void write()}
              data-testid="m2m-key-export"
            >
              {busy ? "Writing…" : "Write the private key file"}
            </button>
          </div>
        </>
      )}
      {done !== null && (
        <p role="status">
          Written to <code data-testid="m2m-key-path">{done.path}</code>.
        </p>
      )}
      {error !== null && <ErrorPanel error={error} title="The key was not written" />}
    </details>
  );
}
