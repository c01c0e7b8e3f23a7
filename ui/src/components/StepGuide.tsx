import { useCallback, useId } from "react";
import { api, type ConnectorProfile, type PermissionMode, type Setup, type SetupChange } from "../api";
import { useLoad } from "../hooks/useLoad";
import type { StepDef } from "../model/steps";
import { PracticeValues } from "./PracticeValues";
import { ProfileChecklist } from "./ProfileChecklist";
import { SecretField } from "./SecretField";
import { ValueList, Warning, type Value } from "./ValueList";

export interface GuideProps {
  setup: Setup;
  step: StepDef;
  /** Saves one non-secret value the user chose or ticked on the setup. */
  onChange: (change: SetupChange) => void;
  onEntity: (entity: string | null) => void;
}

/** What to do on an ERP step, beyond its purpose and menu path: values, checklists, warnings. */
export function StepGuide(props: GuideProps) {
  const profiles = useLoad(useCallback(() => api.listProfiles(), []));
  const profile = profiles.data?.find((p) => p.id === props.setup.profile_id) ?? null;
  return props.setup.erp === "netsuite" ? (
    <NetSuiteGuide {...props} profile={profile} />
  ) : (
    <IntacctGuide {...props} profile={profile} />
  );
}

type Props = GuideProps & { profile: ConnectorProfile | null };

function Checklist({ setup, step, profile, onChange, what }: Props & { what?: "features" | "permissions" }) {
  if (profile === null) return <p className="muted">Pick a connector profile first: it lists what to grant.</p>;
  return (
    <ProfileChecklist
      profile={profile}
      what={what}
      ticked={setup.fields?.checklists?.[step.id] ?? []}
      onTick={(item, done) => onChange({ type: "tick_checklist", step: step.id, item, done })}
    />
  );
}

/** Practice mode's simulated values by secret name (the sender and user IDs are not secret). */
function usePracticeValues(setup: Setup): Record<string, string> {
  const load = useCallback(
    () => (setup.practice_scenario === null ? Promise.resolve([]) : api.practiceCredentials(setup.id)),
    [setup.id, setup.practice_scenario],
  );
  const { data } = useLoad(load);
  return Object.fromEntries((data ?? []).map((v) => [v.name, v.value]));
}

function NetSuiteGuide(props: Props) {
  const { setup, step } = props;
  const role = setup.fields?.role_name ?? "Onramp Integration";
  const user = setup.fields?.user_email ?? undefined;
  switch (step.id) {
    case "account":
      return <ValueList title="This setup" values={[{ label: "Account ID", value: setup.account_id }]} />;
    case "features":
      return <Checklist {...props} what="features" />;
    case "role": {
      const installed = props.profile?.netsuite?.installed_role;
      if (installed != null) {
        return (
          <>
            <p className="hint" data-testid="installed-role">
              The connector's bundle installs the role <strong>{installed.name}</strong> (script ID{" "}
              <code>{installed.scriptid}</code>): install the bundle as its guide says and give that role to the
              integration user instead of building one. Validation finds it by its script ID and checks its permissions.
            </p>
            <Checklist {...props} />
          </>
        );
      }
      return (
        <>
          <ValueList title="Values to enter" values={[{ label: "Role name", value: role }]} />
          <p className="hint">Leave Subsidiary Restrictions at All and set no department, class or location restrictions.</p>
          <Checklist {...props} />
        </>
      );
    }
    case "integration":
      return (
        <>
          <ValueList
            title="Values to enter"
            values={[
              { label: "Name", value: "Onramp Connector" },
              { label: "State", value: "Enabled" },
            ]}
          />
          <p className="hint">Tick Token-Based Authentication; untick TBA: Authorization Flow and Authorization Code Grant.</p>
          <Warning>
            NetSuite shows the consumer key and secret only once, right after you save. Paste them here before you leave
            that page: they go straight into your system keychain.
          </Warning>
          {setup.practice_scenario !== null && (
            <PracticeValues setupId={setup.id} names={["netsuite.consumer_key", "netsuite.consumer_secret"]} />
          )}
          <NamedSecrets setup={setup} names={["netsuite.consumer_key", "netsuite.consumer_secret"]} />
        </>
      );
    case "user":
      return (
        <>
          <p className="hint">
            Use a dedicated employee that HR processes do not touch. On SuiteCloud Plus accounts, tick Concurrent Web
            Services User on its Access tab.
          </p>
          <ValueList
            title="Values to enter"
            values={[
              ...(user !== undefined ? [{ label: "User (email)", value: user }] : []),
              { label: "Role on the Access tab", value: role },
            ]}
          />
        </>
      );
    case "credentials":
      return (
        <Warning>
          NetSuite shows the token ID and secret only once. Create the token for the user and role above: the token's
          user is the one System Notes will name for every change the connector makes.
        </Warning>
      );
    default:
      return null;
  }
}

function NamedSecrets({ setup, names }: { setup: Setup; names: string[] }) {
  const { erp, auth_method } = setup;
  const specs = useLoad(useCallback(() => api.secretSpecs({ erp, auth_method }), [erp, auth_method]));
  return (
    <>
      {(specs.data ?? [])
        .filter((s) => names.includes(s.name))
        .map((spec) => (
          <SecretField key={spec.name} setupId={setup.id} spec={spec} />
        ))}
    </>
  );
}

function IntacctGuide(props: Props) {
  const { setup, step, onChange } = props;
  const practice = usePracticeValues(setup);
  const name = useId();
  const sender = practice["intacct.sender_id"];
  const userId = practice["intacct.user_id"];
  switch (step.id) {
    case "company": {
      const multi = setup.fields?.intacct?.multi_entity ?? (setup.entity_id !== null && setup.entity_id !== "" ? true : null);
      const choose = (value: boolean) => onChange({ type: "set_field", field: { name: "multi_entity", value } });
      const values: Value[] = [{ label: "Company ID", value: setup.account_id, note: "as typed on the sign-in page" }];
      if (setup.entity_id !== null && setup.entity_id !== "") values.push({ label: "Entity ID", value: setup.entity_id });
      return (
        <>
          <ValueList title="This setup" values={values} />
          <fieldset className="choice">
            <legend>Is the company multi-entity?</legend>
            {(
              [
                [true, "Yes: it has entities (the sign-in page lets you pick one)"],
                [false, "No: one company, no entities"],
              ] as const
            ).map(([value, label]) => (
              <label key={label}>
                <input type="radio" name={name} checked={multi === value} onChange={() => choose(value)} /> {label}
              </label>
            ))}
          </fieldset>
          {multi === true && (
            <label className="guide-field">
              Entity ID the connector works in
              <input
                type="text"
                defaultValue={setup.entity_id ?? ""}
                onBlur={(e) => props.onEntity(e.target.value.trim() === "" ? null : e.target.value.trim())}
              />
              <span className="hint">Company &gt; Setup &gt; Entities lists them; the ID, not the name.</span>
            </label>
          )}
        </>
      );
    }
    case "subscription":
      return (
        <p className="hint">
          Find Web Services in the list of subscriptions and make sure it is subscribed (the button reads Unsubscribe). If
          it is not, subscribe; it may be part of your contract with Sage.
        </p>
      );
    case "sender":
      return (
        <>
          <ValueList
            title="Values to enter"
            values={[
              ...(sender !== undefined ? [{ label: "Sender ID", value: sender, note: "simulated" }] : []),
              { label: "Status", value: "Active" },
            ]}
          />
          {sender === undefined && <p className="hint">The connector's vendor gives you its sender ID.</p>}
          <Warning>
            The sender ID is case-sensitive and cannot be edited once added: paste it rather than typing it. If it is
            wrong, delete the line and add it again.
          </Warning>
        </>
      );
    case "ws_user":
      return (
        <ValueList
          title="Values to enter"
          values={[
            ...(userId !== undefined ? [{ label: "User ID", value: userId, note: "simulated" }] : []),
            { label: "User type", value: "Business", note: "other types cap permissions" },
            { label: "Admin privileges", value: adminLabel(props.profile) },
            ...(setup.entity_id !== null && setup.entity_id !== ""
              ? [{ label: "Entity access", value: setup.entity_id, note: "or unrestricted" }]
              : []),
          ]}
        />
      );
    case "roles": {
      const mode = setup.fields?.intacct?.permission_mode ?? "role";
      const choose = (value: PermissionMode) =>
        onChange({ type: "set_field", field: { name: "permission_mode", value } });
      return (
        <>
          <fieldset className="choice">
            <legend>How does the company grant permissions?</legend>
            <label>
              <input type="radio" name={name} checked={mode === "role"} onChange={() => choose("role")} />{" "}
              Role-based: the user form has a Roles table. Create a role, grant it the permissions below, assign it to the user.
            </label>
            <label>
              <input type="radio" name={name} checked={mode === "user"} onChange={() => choose("user")} />{" "}
              User-based: the user form shows User type and Admin privileges. Grant the permissions on the user itself.
            </label>
          </fieldset>
          <p className="where">
            <span className="where-label">Where: </span>
            <code>
              {mode === "role"
                ? "Company > Admin > Users, roles, and groups > Roles > New > Subscriptions > Permissions"
                : "Company > Admin > Web Services users > the user > Subscriptions > Permissions"}
            </code>
          </p>
          <Checklist {...props} />
        </>
      );
    }
    default:
      return null;
  }
}

function adminLabel(profile: ConnectorProfile | null): string {
  const admin = profile?.intacct?.admin ?? "off";
  return admin.charAt(0).toUpperCase() + admin.slice(1);
}
