// NetSuite steps that depend on the sign-in method: choosing it, what to tick
// on the integration record, how credentials are obtained, and who the token
// acts as. The base NetSuite steps live in steps.ts; this file adapts them.
import type { AuthMethod } from "../api";
import type { StepDef } from "./steps";

export const REDIRECT_URI = "com.onramp.app://oauth/callback";
export const M2M_SETUP_PATH = "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";

export const AUTH_METHOD_LABEL: Record<AuthMethod, string> = {
  "oauth2-code": "OAuth 2.0 — authorization code",
  "oauth2-m2m": "OAuth 2.0 — client credentials (M2M)",
  tba: "Token-Based Authentication (TBA)",
};

export const AUTH_METHOD_STEP: StepDef = {
  id: "auth",
  title: "Sign-in method",
  purpose:
    "Choose how the connector signs in to NetSuite. The connector profile says which methods it supports; OAuth 2.0 is the default for new integrations.",
  menuPath: null,
  kind: "auth-method",
};

export const OWNERSHIP_STEP: StepDef = {
  id: "ownership",
  title: "Token owner",
  purpose:
    "The user who creates the TBA token or clicks Allow for OAuth 2.0 is the user NetSuite records in System Notes for every change the connector makes. Check that it is the dedicated integration user with the integration role.",
  menuPath: null,
  kind: "ownership",
};

/** The integration record and credentials steps, per OAuth 2.0 method (TBA keeps the base ones). */
const OAUTH_OVERRIDES: Record<Exclude<AuthMethod, "tba">, Record<string, Partial<StepDef>>> = {
  "oauth2-code": {
    integration: {
      purpose:
        "Create the integration record with the authorization code grant, Onramp's redirect URI and the scopes the connector needs. NetSuite shows the Client ID and secret only once.",
      kind: "integration-record",
    },
    credentials: {
      title: "Connect",
      purpose:
        "Enter the Client ID and secret, then sign in to NetSuite as the integration user and allow access. The tokens go straight to your system keychain.",
      menuPath: null,
      kind: "oauth-code",
    },
  },
  "oauth2-m2m": {
    integration: {
      purpose:
        "Create the integration record with the client credentials (machine to machine) grant and the scopes the connector needs. NetSuite shows the Client ID only once.",
      kind: "integration-record",
    },
    credentials: {
      title: "Certificate",
      purpose:
        "Onramp makes a key pair and a certificate. The private key stays in your system keychain; you upload the certificate to NetSuite and enter the Certificate ID it gives you.",
      menuPath: M2M_SETUP_PATH,
      kind: "oauth-m2m",
    },
  },
};

/** One list per base list and method, so a step found in it is the same object the list holds. */
const built = new WeakMap<readonly StepDef[], Map<AuthMethod | null, StepDef[]>>();

/**
 * The NetSuite steps for a sign-in method: the method choice after the
 * profile, the token-owner check after credentials, and for OAuth 2.0 the
 * integration record and credentials steps adapted to it.
 */
export function withAuthSteps(steps: readonly StepDef[], method: AuthMethod | null): readonly StepDef[] {
  const byMethod = built.get(steps) ?? new Map<AuthMethod | null, StepDef[]>();
  built.set(steps, byMethod);
  const cached = byMethod.get(method);
  if (cached !== undefined) return cached;
  const overrides = method === null || method === "tba" ? {} : OAUTH_OVERRIDES[method];
  const out: StepDef[] = [];
  for (const step of steps) {
    const override = overrides[step.id];
    out.push(override === undefined ? step : { ...step, ...override });
    if (step.id === "profile") out.push(AUTH_METHOD_STEP);
    if (step.id === "credentials") out.push(OWNERSHIP_STEP);
  }
  byMethod.set(method, out);
  return out;
}
