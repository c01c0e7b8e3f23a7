import { useCallback, useId, useState } from "react";
import { api, toApiError, type ApiError, type AuthMethod, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { AUTH_METHOD_LABEL } from "../model/authSteps";
import { ErrorPanel } from "./ErrorPanel";

const METHODS: AuthMethod[] = ["oauth2-code", "oauth2-m2m", "tba"];

const DESCRIPTION: Record<AuthMethod, string> = {
  "oauth2-code":
    "The integration user signs in to NetSuite once and allows access; the connector then refreshes its token. The default for new integrations.",
  "oauth2-m2m":
    "No interactive sign-in: the connector proves itself with a certificate you upload to NetSuite. Suits unattended server-to-server syncs.",
  tba: "Consumer key and secret plus an access token. For existing integrations: NetSuite stops accepting new TBA integrations from 2027.1.",
};

interface Props {
  setup: Setup;
  onChanged: () => void;
}

/**
 * The sign-in method: only what the setup's connector profile supports can be
 * chosen; nothing is chosen for the user, and a setup still set to a method
 * the profile does not support (stored before, or a profile edited since) is
 * flagged until another is chosen.
 */
export function AuthMethodStep({ setup, onChanged }: Props) {
  const name = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const profiles = useLoad(useCallback(() => api.listProfiles(), []));
  const profile = profiles.data?.find((p) => p.id === setup.profile_id) ?? null;
  // Without a profile every method is possible; TBA is what older setups used.
  const allowed = profile?.netsuite?.auth_methods ?? METHODS;
  const preferred = allowed[0];
  const unsupported = METHODS.filter((m) => !allowed.includes(m));
  const mismatch = profile !== null && setup.auth_method !== null && !allowed.includes(setup.auth_method);

  async function choose(method: AuthMethod) {
    setError(null);
    try {
      await api.oauthSetMethod(setup.id, method);
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    }
  }

  return (
    <fieldset className="auth-methods">
      <legend>How the connector signs in</legend>
      {profile !== null && (
        <p className="hint">
          {profile.name} supports: {allowed.map((m) => AUTH_METHOD_LABEL[m]).join(", ")}.
        </p>
      )}
      {mismatch && setup.auth_method !== null && (
        <p className="step-warning" role="alert" data-testid="auth-method-mismatch">
          This setup is set to {AUTH_METHOD_LABEL[setup.auth_method]}, which {profile.name} does not support: the
          connector could not sign in that way. Choose one of the methods below.
        </p>
      )}
      {setup.practice_scenario !== null && setup.auth_method !== null && !mismatch && (
        <p className="hint" data-testid="auth-method-from-scenario">
          The practice scenario starts on {AUTH_METHOD_LABEL[setup.auth_method]}, the method its connector recommends;
          choose another to rehearse it.
        </p>
      )}
      {profiles.data !== null && setup.auth_method === null && (
        <p className="hint" data-testid="auth-method-none">
          No sign-in method is chosen yet: pick the one the connector will use.
        </p>
      )}
      {allowed.map((m) => (
        <label key={m} className="profile-option">
          <input
            type="radio"
            name={name}
            value={m}
            data-testid={`auth-method-${m}`}
            checked={setup.auth_method === m}
            onChange={() => void choose(m)}
          />
          <span>
            <span className="profile-name">
              {AUTH_METHOD_LABEL[m]}
              {m === preferred && " (recommended for this connector)"}
            </span>
            <span className="muted small">{DESCRIPTION[m]}</span>
          </span>
        </label>
      ))}
      {profile !== null && unsupported.length > 0 && (
        <p className="muted small" data-testid="auth-methods-unsupported">
          Not supported by {profile.name}, so not offered:{" "}
          {unsupported.map((m) => AUTH_METHOD_LABEL[m]).join(", ")}.
        </p>
      )}
      {error !== null && <ErrorPanel error={error} title="Could not save the sign-in method" />}
    </fieldset>
  );
}
