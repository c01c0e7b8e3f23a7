import type { SetupSummary } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { SetupStatusLabel } from "../components/SetupStatusLabel";
import { ERP_LABEL } from "../model/environment";
import { formatTime } from "../model/format";

interface Props {
  setups: SetupSummary[];
  onOpen: (id: string) => void;
}

export function SetupList({ setups, onOpen }: Props) {
  if (setups.length === 0) {
    return (
      <p className="muted" data-testid="setup-list">
        No saved setups yet. Start one above; Onramp saves your progress as you go.
      </p>
    );
  }
  const sorted = [...setups].sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  return (
    <ul className="setup-list" data-testid="setup-list">
      {sorted.map((s) => (
        <li key={s.id} className="setup-item" data-setup-id={s.id}>
          <div className="setup-main">
            <span className="setup-label">{s.label}</span>
            <span className="muted small">
              {ERP_LABEL[s.erp]} · {s.erp === "netsuite" ? "Account" : "Company"}{" "}
              <code>{s.account_id === "" ? "—" : s.account_id}</code>
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
            <span className="muted small">Updated {formatTime(s.updated_at)}</span>
          </div>
          <button type="button" className="button" onClick={() => onOpen(s.id)}>
            Resume<span className="visually-hidden"> {s.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
