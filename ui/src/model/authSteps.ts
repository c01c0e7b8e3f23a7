// What the NetSuite sign-in steps show besides their texts (which come with
// the steps from Rust, see steps.ts): the redirect URI, the M2M setup page and
// the names of the sign-in methods.
import type { AuthMethod } from "../api";

export const REDIRECT_URI = "com.onramp.app://oauth/callback";
export const M2M_SETUP_PATH = "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";

export const AUTH_METHOD_LABEL: Record<AuthMethod, string> = {
  "oauth2-code": "OAuth 2.0 — authorization code",
  "oauth2-m2m": "OAuth 2.0 — client credentials (M2M)",
  tba: "Token-Based Authentication (TBA)",
};
