import type { AuthMethod } from "../api";

export interface RefreshStep {
  id: string;
  text: string;
  /** NetSuite menu path, or null when the step is in Onramp. */
  where: string | null;
}

/**
 * What a NetSuite sandbox refresh undoes (docs/netsuite.md, "Environment
 * copies and lifecycle"): tokens, authorized applications and M2M mappings
 * are wiped; roles, users and features come back as production has them.
 */
export function sandboxRefreshSteps(auth: AuthMethod | null): RefreshStep[] {
  const steps: RefreshStep[] = [
    {
      id: "role",
      text: "Check the role still has the connector's permissions: the sandbox now has production's roles and users.",
      where: "Setup > Users/Roles > Manage Roles",
    },
  ];
  if (auth === "tba" || auth === null) {
    steps.push({
      id: "token",
      text: "Create a new access token for the integration user and role, and store its token ID and secret in Onramp's Credentials step.",
      where: "Setup > Users/Roles > Access Tokens > New",
    });
  }
  if (auth === "oauth2-code" || auth === null) {
    steps.push({
      id: "consent",
      text: "Sign in with OAuth 2.0 again (authorize the connector): the authorized application and its refresh token were wiped.",
      where: null,
    });
  }
  if (auth === "oauth2-m2m" || auth === null) {
    steps.push({
      id: "certificate",
      text: "Upload the certificate again and map it to the integration record, user and role; enter the new Certificate ID in Onramp.",
      where: "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup",
    });
  }
  steps.push({ id: "validate", text: "Run the checks again on the Validate step.", where: null });
  return steps;
}
