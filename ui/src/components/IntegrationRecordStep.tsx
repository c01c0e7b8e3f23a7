import { useCallback } from "react";
import { api, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { REDIRECT_URI } from "../model/authSteps";
import { CopyButton } from "./CopyButton";

const SCOPE_LABEL: Record<string, string> = {
  rest_webservices: "REST Web Services",
  restlets: "RESTlets",
  suite_analytics: "SuiteAnalytics Connect",
};

/** What to tick on the integration record for the setup's OAuth 2.0 method. */
export function IntegrationRecordStep({ setup }: { setup: Setup }) {
  const profiles = useLoad(useCallback(() => api.listProfiles(), []));
  const scopes = profiles.data?.find((p) => p.id === setup.profile_id)?.netsuite?.scopes ?? [];
  const scopeNames = (scopes.length > 0 ? scopes : ["rest_webservices"]).map((s) => SCOPE_LABEL[s] ?? s);
  const code = setup.auth_method === "oauth2-code";
  return (
    <section aria-labelledby="integration-settings" className="auth-panel" data-testid="integration-settings">
      <h3 id="integration-settings">On the integration record, under Authentication</h3>
      <ul className="checklist">
        <li>Clear Token-Based Authentication unless an older connector still uses it.</li>
        <li>
          Under OAuth 2.0, tick <strong>{code ? "Authorization Code Grant" : "Client Credentials (Machine to Machine) Grant"}</strong>
          {code ? "." : "; leave Authorization Code Grant clear unless users also sign in."}
        </li>
        {code && (
          <li>
            Redirect URI, exactly: <code>{REDIRECT_URI}</code> <CopyButton text={REDIRECT_URI} what="redirect URI" />
          </li>
        )}
        {code && <li>Leave Public Client clear: Onramp keeps the client secret in your system keychain.</li>}
        <li>Scopes: {scopeNames.join(", ")}.</li>
        <li>State: Enabled. Save, and keep the page open: NetSuite shows the Client ID{code ? " and secret" : ""} only now.</li>
      </ul>
    </section>
  );
}
