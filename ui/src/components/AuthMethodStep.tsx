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

/** The sign-in method, limited to what the setup's connector profile allows. */
export function AuthMethodStep({ setup, onChanged }: Props) {
  const name = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const profiles = useLoad(useCallback(() => api.listProfiles(), []));
  const profile = profiles.data?.find((p) => p.id === setup.profile_id) ?? null;
  // Without a profile every method is possible; TBA is what older setups used.
  const allowed = profile?.netsuite?.auth_methods ?? METHODS;
  const preferred = allowed[0];

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
      {METHODS.map((m) => {
        const supported = allowed.includes(m);
        return (
          <label key={m} className={`profile-option${supported ? "" : " unsupported"}`}>
            <input
              type="radio"
              name={name}
              value={m}
              data-testid={`auth-method-${m}`}
              checked={setup.auth_method === m}
              disabled={!supported}
              onChange={() => void choose(m)}
            />
            <span>
              <span className="profile-name">
                {AUTH_METHOD_LABEL[m]}
                {m === preferred && supported && " (recommended for this connector)"}
              </span>
              <span className="muted small">
                {supported ? DESCRIPTION[m] : `Not supported by this connector profile. ${DESCRIPTION[m]}`}
              </span>
            </span>
          </label>
        );
      })}
      {error !== null && <ErrorPanel error={error} title="Could not save the sign-in method" />}
    </fieldset>
  );
}
