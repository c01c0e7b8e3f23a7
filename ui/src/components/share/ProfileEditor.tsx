import { useEffect, useState } from "react";
import {
  api,
  toApiError,
  type AdminLevel,
  type ApiError,
  type AuthMethod,
  type ConnectorProfile,
  type IntacctObject,
  type NsLevel,
  type NsPermission,
  type ProfileIssue,
} from "../../api";
import { ErrorPanel } from "../ErrorPanel";

const LEVELS: NsLevel[] = ["view", "create", "edit", "full"];
const AUTH: { id: AuthMethod; label: string }[] = [
  { id: "oauth2-code", label: "OAuth 2.0 (authorization code)" },
  { id: "oauth2-m2m", label: "OAuth 2.0 client credentials (M2M)" },
  { id: "tba", label: "Token-Based Authentication" },
];
const ADMIN: AdminLevel[] = ["off", "limited", "full"];
const RIGHTS = ["List", "View", "Add", "Edit", "Delete"];

interface Props {
  initial: ConnectorProfile;
  onSaved: (p: ConnectorProfile) => void;
  onCancel: () => void;
}

/** Edits one of the user's connector profiles; core's rules are checked as they type. */
export function ProfileEditor({ initial, onSaved, onCancel }: Props) {
  const [p, setP] = useState<ConnectorProfile>(initial);
  const [issues, setIssues] = useState<ProfileIssue[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    api.checkConnectorProfile(p).then(
      (found) => live && setIssues(found),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [p]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onSaved(await api.saveConnectorProfile(p));
    } catch (err) {
      setError(toApiError(err));
    }
  }

  const ns = p.netsuite ?? null;
  const ia = p.intacct ?? null;
  const setPermission = (i: number, change: Partial<NsPermission>) =>
    ns && setP({ ...p, netsuite: { ...ns, permissions: ns.permissions.map((x, j) => (j === i ? { ...x, ...change } : x)) } });
  const setObject = (i: number, change: Partial<IntacctObject>) =>
    ia && setP({ ...p, intacct: { ...ia, objects: ia.objects.map((x, j) => (j === i ? { ...x, ...change } : x)) } });

  return (
    <form className="profile-editor" aria-label="Edit connector profile" data-testid="profile-editor" onSubmit={(e) => void save(e)}>
      <Text label="Id" value={p.id} onChange={(id) => setP({ ...p, id })} testId="profile-id" />
      <Text label="Name" value={p.name} onChange={(name) => setP({ ...p, name })} testId="profile-name" />
      <Text label="Description" value={p.description} onChange={(description) => setP({ ...p, description })} />

      {ns !== null && (
        <>
          <fieldset>
            <legend>Sign-in methods the connector supports</legend>
            {AUTH.map((a) => (
              <label key={a.id} className="field-inline">
                <span>
                  <input
                    type="checkbox"
                    checked={ns.auth_methods.includes(a.id)}
                    onChange={(e) =>
                      setP({
                        ...p,
                        // Kept in the recommended order whatever the click order.
                        netsuite: { ...ns, auth_methods: AUTH.map((x) => x.id).filter((id) => (id === a.id ? e.target.checked : ns.auth_methods.includes(id))) },
                      })
                    }
                  />{" "}
                  {a.label}
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Features</legend>
            {ns.features.map((f, i) => (
              <div className="row" key={i}>
                <Text label="Feature id" value={f.id} onChange={(id) => setP({ ...p, netsuite: { ...ns, features: ns.features.map((x, j) => (j === i ? { ...x, id } : x)) } })} />
                <Text label="Name" value={f.name} onChange={(name) => setP({ ...p, netsuite: { ...ns, features: ns.features.map((x, j) => (j === i ? { ...x, name } : x)) } })} />
                <button type="button" className="button small" onClick={() => setP({ ...p, netsuite: { ...ns, features: ns.features.filter((_, j) => j !== i) } })}>
                  Remove<span className="visually-hidden"> feature {f.id}</span>
                </button>
              </div>
            ))}
            <button type="button" className="button small" onClick={() => setP({ ...p, netsuite: { ...ns, features: [...ns.features, { id: "", name: "" }] } })}>
              Add a feature
            </button>
          </fieldset>
          <fieldset>
            <legend>Permissions and levels</legend>
            {ns.permissions.map((perm, i) => (
              <div className="row" key={i} data-permission-row={i}>
                <Text label="Permission id" value={perm.id} onChange={(id) => setPermission(i, { id })} />
                <Text label="Name" value={perm.name} onChange={(name) => setPermission(i, { name })} />
                <Text label="Subtab" value={perm.group} onChange={(group) => setPermission(i, { group })} />
                <label>
                  Level{" "}
                  <select value={perm.level} onChange={(e) => setPermission(i, { level: e.target.value as NsLevel })}>
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="button small" onClick={() => setP({ ...p, netsuite: { ...ns, permissions: ns.permissions.filter((_, j) => j !== i) } })}>
                  Remove<span className="visually-hidden"> permission {perm.id}</span>
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button small"
              onClick={() => setP({ ...p, netsuite: { ...ns, permissions: [...ns.permissions, { id: "", name: "", group: "Lists", level: "view" }] } })}
            >
              Add a permission
            </button>
          </fieldset>
        </>
      )}

      {ia !== null && (
        <fieldset>
          <legend>Objects and operations</legend>
          <label className="field-inline">
            Admin privileges the user needs{" "}
            <select value={ia.admin} onChange={(e) => setP({ ...p, intacct: { ...ia, admin: e.target.value as AdminLevel } })}>
              {ADMIN.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          {ia.objects.map((o, i) => (
            <div className="row" key={i}>
              <Text label="Object" value={o.object} onChange={(object) => setObject(i, { object })} />
              <Text label="Name" value={o.name} onChange={(name) => setObject(i, { name })} />
              <Text label="Application" value={o.application} onChange={(application) => setObject(i, { application })} />
              <Text label="Policy" value={o.policy} onChange={(policy) => setObject(i, { policy })} />
              <span role="group" aria-label={`Rights on ${o.object || "this object"}`}>
                {RIGHTS.map((r) => (
                  <label key={r}>
                    <input
                      type="checkbox"
                      checked={o.rights.includes(r)}
                      onChange={(e) => setObject(i, { rights: e.target.checked ? [...o.rights, r] : o.rights.filter((x) => x !== r) })}
                    />{" "}
                    {r}
                  </label>
                ))}
              </span>
              <button type="button" className="button small" onClick={() => setP({ ...p, intacct: { ...ia, objects: ia.objects.filter((_, j) => j !== i) } })}>
                Remove<span className="visually-hidden"> object {o.object}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() => setP({ ...p, intacct: { ...ia, objects: [...ia.objects, { object: "", name: "", application: "", policy: "", rights: ["List", "View"] }] } })}
          >
            Add an object
          </button>
        </fieldset>
      )}

      {issues.length > 0 && (
        <div className="diagnosis warning" role="status" data-testid="profile-issues">
          <p>Fix these before saving:</p>
          <ul>
            {issues.map((i, n) => (
              <li key={n}>
                <code>{i.field}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error !== null && <ErrorPanel error={error} title="Could not save the profile" />}
      <div className="actions">
        <button type="submit" className="button primary" data-testid="profile-save" disabled={issues.length > 0}>
          Save profile
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Text({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId?: string }) {
  return (
    <label className="field-inline">
      {label} <input type="text" value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
