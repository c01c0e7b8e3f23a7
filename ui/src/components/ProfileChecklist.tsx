import type { ConnectorProfile } from "../api";

interface Item {
  key: string;
  group: string;
  name: string;
  id: string;
  level: string;
}

/** The profile's requirements as rows: NetSuite features or permissions, or Intacct objects per application. */
function itemsOf(profile: ConnectorProfile, what: What): Item[] {
  if (what === "features") {
    return (profile.netsuite?.features ?? []).map((f) => ({ key: f.id, group: "SuiteCloud", name: f.name, id: f.id, level: "" }));
  }
  if (profile.netsuite != null) {
    return profile.netsuite.permissions.map((p) => ({
      key: p.id,
      group: p.group,
      name: p.name,
      id: p.id,
      level: p.level.charAt(0).toUpperCase() + p.level.slice(1),
    }));
  }
  return (profile.intacct?.objects ?? []).map((o) => ({
    key: o.object,
    group: o.application,
    name: `${o.policy} (${o.name})`,
    id: o.object,
    level: o.rights.join(", "),
  }));
}

type What = "features" | "permissions";

interface Props {
  profile: ConnectorProfile;
  /** NetSuite only: the features to enable instead of the role's permissions. */
  what?: What;
  /** Keys ticked so far (saved on the setup, so a reopened setup keeps them). */
  ticked: string[];
  /** One item ticked or unticked (saved as that one change, so other ticks stay). */
  onTick: (key: string, done: boolean) => void;
}

/** What to grant, grouped as the ERP's role page groups it, to tick off while doing it. */
export function ProfileChecklist({ profile, what = "permissions", ticked, onTick }: Props) {
  const items = itemsOf(profile, what);
  const groups = [...new Set(items.map((i) => i.group))];
  const netsuite = profile.netsuite != null;
  const levelLabel = netsuite ? "level" : "operations";
  return (
    <section className="profile-checklist" aria-labelledby="checklist-title" data-testid="profile-checklist">
      <h3 id="checklist-title">
        {what === "features"
          ? "Features to enable"
          : netsuite
            ? "Permissions to add to the role"
            : "Permissions per application and object"}{" "}
        <span className="muted small">
          ({ticked.filter((t) => items.some((i) => i.key === t)).length} of {items.length} ticked)
        </span>
      </h3>
      {groups.map((group) => (
        <fieldset key={group} className="checklist-group">
          <legend>{what === "features" ? group : netsuite ? `Permissions > ${group}` : group}</legend>
          <ul>
            {items
              .filter((i) => i.group === group)
              .map((i) => (
                <li key={i.key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={ticked.includes(i.key)}
                      onChange={(e) => onTick(i.key, e.target.checked)}
                    />{" "}
                    <span className="checklist-name">{i.name}</span> <code className="small">{i.id}</code>{" "}
                    {i.level !== "" && (
                      <span className="checklist-level">
                        <span className="visually-hidden">{levelLabel}: </span>
                        {i.level}
                      </span>
                    )}
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}
