import type { Client, SetupSummary } from "../api";

export interface ClientGroup {
  /** null: setups without a client. */
  client: Client | null;
  setups: SetupSummary[];
}

/** Lower-case words of a search, all of which must match. */
function words(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w !== "");
}

/** Setups grouped by client (clients by name, "no client" last), newest first, filtered by the search. */
export function groupByClient(setups: SetupSummary[], clients: Client[], query: string): ClientGroup[] {
  const byId = new Map(clients.map((c) => [c.id, c]));
  const terms = words(query);
  const matches = (s: SetupSummary) => {
    const client = s.client_id === null ? undefined : byId.get(s.client_id);
    const text = [s.label, s.account_id, s.entity_id ?? "", client?.name ?? ""].join(" ").toLowerCase();
    return terms.every((t) => text.includes(t));
  };
  const groups = new Map<string | null, SetupSummary[]>();
  for (const s of [...setups].sort((a, b) => b.updated_at.localeCompare(a.updated_at))) {
    if (!matches(s)) continue;
    const key = s.client_id !== null && byId.has(s.client_id) ? s.client_id : null;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()]
    .map(([id, list]) => ({ client: id === null ? null : (byId.get(id) ?? null), setups: list }))
    .sort((a, b) => {
      if (a.client === null) return 1;
      if (b.client === null) return -1;
      return a.client.name.localeCompare(b.client.name);
    });
}

/** What the home list shows: archived setups, and the setups of archived clients, only on request. */
export interface ArchiveView {
  setups: SetupSummary[];
  clients: Client[];
  /** Archived clients that hold no setup: listed on their own so they can be brought back. */
  emptyArchivedClients: Client[];
  /** How many setups and empty clients the archive hides. */
  hidden: number;
}

export function archiveView(setups: SetupSummary[], clients: Client[], showArchived: boolean): ArchiveView {
  const archivedClients = new Set(clients.filter((c) => c.archived_at != null).map((c) => c.id));
  const archived = (s: SetupSummary) => s.archived_at !== null || (s.client_id !== null && archivedClients.has(s.client_id));
  const emptyArchivedClients = clients.filter((c) => archivedClients.has(c.id) && !setups.some((s) => s.client_id === c.id));
  const hidden = setups.filter(archived).length + emptyArchivedClients.length;
  return showArchived
    ? { setups, clients, emptyArchivedClients, hidden }
    : {
        setups: setups.filter((s) => !archived(s)),
        clients: clients.filter((c) => !archivedClients.has(c.id)),
        emptyArchivedClients: [],
        hidden,
      };
}
