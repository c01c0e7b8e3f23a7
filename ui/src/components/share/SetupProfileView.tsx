import type { SetupProfile } from "../../api";
import { formatTime } from "../../model/format";
import { CheckResultItem } from "../CheckResultItem";

/** What an imported setup profile describes: the account, how it was set up, and what failed. */
export function SetupProfileView({ profile, failing }: { profile: SetupProfile; failing: string[] }) {
  const s = profile.setup;
  const facts: [string, string | null | undefined][] = [
    [s.erp === "netsuite" ? "NetSuite account" : "Sage Intacct company", s.account_id],
    // A simulated account is never shown as production.
    ["Environment", s.simulation != null ? `Simulation (practice scenario ${s.simulation.scenario})` : s.environment],
    ["Entity", s.entity_id],
    ["Connector profile", s.connector_profile_id],
    ["Sign-in method", s.auth_method],
    ["Observed", `${formatTime(profile.generated_at)} by Onramp ${profile.app_version}`],
  ];
  const checks = profile.checks ?? [];
  return (
    <section className="profile-view" aria-label="Imported setup profile" data-testid="imported-profile">
      <dl className="facts">
        {facts
          .filter(([, v]) => v != null && v !== "")
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <h3>Failing when exported</h3>
      {failing.length === 0 ? (
        <p data-testid="imported-failing">No check failed.</p>
      ) : (
        <ul data-testid="imported-failing">
          {failing.map((id) => (
            <li key={id} data-check-id={id}>
              <code>{id}</code>
            </li>
          ))}
        </ul>
      )}
      <ObservedSummary profile={profile} />
      {checks.length > 0 && (
        <details>
          <summary>Every check, as exported ({checks.length})</summary>
          <ol className="check-list">
            {checks.map((c) => (
              <CheckResultItem key={c.id} result={c} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function ObservedSummary({ profile }: { profile: SetupProfile }) {
  const o = profile.observed;
  if ("netsuite" in o && o.netsuite !== undefined) {
    const ns = o.netsuite;
    const features = Object.entries(ns.features ?? {});
    const permissions = Object.entries(ns.role?.permissions ?? {});
    return (
      <details>
        <summary>Configuration as observed</summary>
        <dl className="facts">
          <div>
            <dt>Features</dt>
            <dd>{features.length === 0 ? "not observed" : features.map(([f, st]) => `${f}: ${st}`).join(", ")}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>
              {ns.role?.name ?? "—"} ({permissions.length} permissions seen)
            </dd>
          </div>
          <div>
            <dt>Role permissions</dt>
            <dd>{permissions.map(([p, level]) => `${p} ${level}`).join(", ") || "not observed"}</dd>
          </div>
          <div>
            <dt>Integration / token</dt>
            <dd>
              {ns.integration?.state ?? "not observed"} / {ns.token?.state ?? "not observed"}
            </dd>
          </div>
          {ns.audit_detail != null && (
            <div>
              <dt>Login Audit Trail detail</dt>
              <dd>{ns.audit_detail}</dd>
            </div>
          )}
        </dl>
      </details>
    );
  }
  if ("intacct" in o && o.intacct !== undefined) {
    const ia = o.intacct;
    return (
      <details>
        <summary>Configuration as observed</summary>
        <dl className="facts">
          <div>
            <dt>Sender</dt>
            <dd>
              {ia.sender?.id ?? "—"} (authorized: {String(ia.sender?.authorized ?? "not observed")})
            </dd>
          </div>
          <div>
            <dt>User</dt>
            <dd>
              {ia.user?.id ?? "—"}, type {ia.user?.user_type ?? "?"}, admin {ia.user?.admin ?? "?"}
            </dd>
          </div>
          <div>
            <dt>Subscriptions</dt>
            <dd>{(ia.subscriptions ?? []).join(", ") || "not observed"}</dd>
          </div>
        </dl>
      </details>
    );
  }
  return null;
}
