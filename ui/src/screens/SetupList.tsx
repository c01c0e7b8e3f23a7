import { useState } from "react";
import type { Client, Expiry, SetupSummary } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { SetupStatusLabel } from "../components/SetupStatusLabel";
import { SandboxRefreshChecklist } from "../components/share/SandboxRefreshChecklist";
import { ClientHead } from "./ClientHead";
import { ERP_LABEL } from "../model/environment";
import { expiryState, soonest } from "../model/expiry";
import { formatTime } from "../model/format";
import { groupByClient } from "../model/workspace";

interface Props {
  setups: SetupSummary[];
  clients?: Client[];
  /** Certificate and token expiry dates by setup id. */
  expiries?: Record<string, Expiry[]>;
  query?: string;
  onOpen: (id: string) => void;
  /** Files a setup under a client (null: no client); left out, no client picker is shown. */
  onAssign?: (setupId: string, clientId: string | null) => void;
  /** Deletes a setup (with its keychain entries); left out, no delete button is shown. */
  onDelete?: (setup: SetupSummary) => void;
  /** Deletes a client (its setups stay); left out, no button is shown. */
  onDeleteClient?: (client: Client, setups: SetupSummary[]) => void;
  /** Archives a setup or brings it back; left out, no button is shown. */
  onArchive?: (setup: SetupSummary, archived: boolean) => void;
  /** Reloads after a client was renamed or archived; left out, clients show only their names. */
  onClientsChanged?: () => void;
  now?: Date;
}

/** The consultant's workspaces: clients → setups, with status, last validation and expiry at a glance. */
export function SetupList({
  setups,
  clients = [],
  expiries = {},
  query = "",
  onOpen,
  onAssign,
  onDelete,
  onDeleteClient,
  onArchive,
  onClientsChanged,
  now = new Date(),
}: Props) {
  if (setups.length === 0) {
    return (
      <p className="muted" data-testid="setup-list">
        No saved setups yet. Start one above; Onramp saves your progress as you go.
      </p>
    );
  }
  const groups = groupByClient(setups, clients, query);
  if (groups.length === 0) {
    return (
      <p className="muted" data-testid="setup-list" role="status">
        No setup matches “{query.trim()}”.
      </p>
    );
  }
  return (
    <div data-testid="setup-list">
      {groups.map((g) => (
        <section key={g.client?.id ?? "none"} className="workspace" data-client={g.client?.name ?? ""} aria-label={g.client?.name ?? "No client"}>
          {g.client !== null && onClientsChanged !== undefined ? (
            <ClientHead client={g.client} setups={g.setups} onChanged={onClientsChanged} onDelete={onDeleteClient} />
          ) : (
            (g.client !== null || groups.length > 1) && (
              <div className="workspace-head">
                <h3 className="workspace-title">{g.client?.name ?? "No client"}</h3>
              </div>
            )
          )}
          <ul className="setup-list">
            {g.setups.map((s) => (
              <SetupRow
                key={s.id}
                setup={s}
                expiries={expiries[s.id] ?? []}
                onOpen={onOpen}
                clients={onAssign === undefined ? [] : clients}
                onAssign={onAssign}
                onDelete={onDelete}
                onArchive={onArchive}
                now={now}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface RowProps {
  setup: SetupSummary;
  expiries: Expiry[];
  onOpen: (id: string) => void;
  clients: Client[];
  onAssign?: (setupId: string, clientId: string | null) => void;
  onDelete?: (setup: SetupSummary) => void;
  onArchive?: (setup: SetupSummary, archived: boolean) => void;
  now: Date;
}

function SetupRow({ setup: s, expiries, onOpen, clients, onAssign, onDelete, onArchive, now }: RowProps) {
  const archived = s.archived_at !== null;
  const first = soonest(expiries);
  const state = first === null ? null : expiryState(first.expires_at, now);
  const run = s.last_run;
  return (
    <li className="setup-item" data-setup-id={s.id} data-status={s.status} data-archived={archived}>
      <div className="setup-main">
        <span className="setup-label">
          {s.label}
          {archived && <span className="archived-tag small"> (archived)</span>}
        </span>
        <span className="muted small">
          {ERP_LABEL[s.erp]} · {s.erp === "netsuite" ? "Account" : "Company"} <code>{s.account_id === "" ? "—" : s.account_id}</code>
          {s.entity_id !== null && s.entity_id !== "" && (
            <>
              {" "}
              · Entity <code>{s.entity_id}</code>
            </>
          )}
        </span>
      </div>
      <div className="setup-meta">
        <EnvironmentBadge environment={s.environment} practice={s.practice_scenario !== null} />
        <SetupStatusLabel status={s.status} />
        <span className="muted small" data-testid="last-validation">
          {run === null
            ? "Never validated"
            : `Last validation ${formatTime(run.finished_at)}: ${run.passed} passed, ${run.failed} failed`}
        </span>
        {first !== null && state !== null && (
          <span className={`expiry ${state.kind} small`} data-testid="soonest-expiry" data-expiry={state.kind}>
            {state.kind === "ok" ? "" : "⚠ "}
            {first.what} {state.kind === "expired" ? "expired" : "expires"} {formatTime(first.expires_at)}
            {state.kind === "soon" && ` (${state.text})`}
          </span>
        )}
        <span className="muted small">Updated {formatTime(s.updated_at)}</span>
        {onAssign !== undefined && clients.length > 0 && <ClientPicker setup={s} clients={clients} onAssign={onAssign} />}
      </div>
      <div className="setup-actions">
        <button type="button" className="button" onClick={() => onOpen(s.id)}>
          Resume<span className="visually-hidden"> {s.label}</span>
        </button>
        {onArchive !== undefined && (
          <button
            type="button"
            className="button"
            data-testid={archived ? "setup-unarchive" : "setup-archive"}
            onClick={() => onArchive(s, !archived)}
          >
            {archived ? "Unarchive" : "Archive"}
            <span className="visually-hidden"> {s.label}</span>
          </button>
        )}
        {onDelete !== undefined && (
          <button type="button" className="button" data-testid="setup-delete" onClick={() => onDelete(s)}>
            Delete<span className="visually-hidden"> {s.label}</span>
          </button>
        )}
      </div>
      {s.erp === "netsuite" && s.environment === "sandbox" && s.practice_scenario === null && (
        <details className="setup-extra">
          <summary>After a sandbox refresh…</summary>
          <SandboxRefreshChecklist setup={{ auth_method: null, account_id: s.account_id }} />
        </details>
      )}
    </li>
  );
}

/**
 * Files a setup under a client. Arrow keys on a closed list change its value
 * (and fire a change) at every step, so a choice is only applied with "File".
 */
function ClientPicker({ setup: s, clients, onAssign }: { setup: SetupSummary; clients: Client[]; onAssign: (setupId: string, clientId: string | null) => void }) {
  const current = s.client_id ?? "";
  const [choice, setChoice] = useState(current);
  return (
    <span className="client-picker">
      <label className="small">
        Client{" "}
        <select value={choice} data-testid="setup-client" onChange={(e) => setChoice(e.target.value)}>
          <option value="">No client</option>
          {clients.filter((c) => c.archived_at == null || c.id === current).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <span className="visually-hidden"> for {s.label}</span>
      </label>
      {choice !== current && (
        <button type="button" className="button small" data-testid="setup-client-file" onClick={() => onAssign(s.id, choice === "" ? null : choice)}>
          File under {clients.find((c) => c.id === choice)?.name ?? "no client"}
        </button>
      )}
    </span>
  );
}
