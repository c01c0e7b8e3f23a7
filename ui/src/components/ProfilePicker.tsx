import { useCallback, useId } from "react";
import { api, type Erp } from "../api";
import { useLoad } from "../hooks/useLoad";
import { ErrorPanel } from "./ErrorPanel";

interface Props {
  erp: Erp;
  selected: string | null;
  onSelect: (profileId: string) => void;
}

/** The connector profiles for this ERP; the chosen one decides what later steps ask for. */
export function ProfilePicker({ erp, selected, onSelect }: Props) {
  const name = useId();
  const profiles = useLoad(useCallback(() => api.listProfiles(), []));
  if (profiles.error !== null) return <ErrorPanel error={profiles.error} title="Could not load connector profiles" />;
  if (profiles.data === null) return <p className="muted">Loading profiles…</p>;
  const mine = profiles.data.filter((p) => p.erp === erp);
  if (mine.length === 0) return <p className="muted">No connector profiles are installed for this ERP.</p>;

  return (
    <fieldset className="profile-picker">
      <legend>Connector profile</legend>
      {mine.map((p) => (
        <label key={p.id} className="profile-option">
          <input type="radio" name={name} value={p.id} checked={selected === p.id} onChange={() => onSelect(p.id)} />
          <span>
            <span className="profile-name">{p.name}</span>
            <span className="muted small">{p.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
