// The steps of each flow, as data. Step pages render from these; `checks`
// names the validation checks that confirm a step ("I've done this — check it").
import type { AuthMethod, Erp } from "../api";
import { withAuthSteps } from "./authSteps";

/** How a step's page behaves beyond the common title, purpose and menu path. */
export type StepKind =
  | "external"
  | "profile"
  | "credentials"
  | "validate"
  | "report"
  // NetSuite sign-in steps (authSteps.ts)
  | "auth-method"
  | "integration-record"
  | "oauth-code"
  | "oauth-m2m"
  | "ownership";

export interface StepDef {
  id: string;
  title: string;
  /** One or two plain sentences: why this step exists. */
  purpose: string;
  /** Exact menu path in the ERP, or null when the step happens in Onramp. */
  menuPath: string | null;
  kind: StepKind;
  /** Check ids that confirm this step from the API; none when no call can prove it. */
  checks?: readonly string[];
}

export const NETSUITE_STEPS: readonly StepDef[] = [
  {
    id: "account",
    title: "Account",
    purpose:
      "Confirm which NetSuite account this user is for. The account ID is on the Company URLs page; sandbox IDs end in _SB1, _SB2 and so on.",
    menuPath: "Setup > Company > Company Information > Company URLs",
    kind: "external",
    checks: ["netsuite.account"],
  },
  {
    id: "profile",
    title: "Connector profile",
    purpose:
      "Pick the connector this user is for. Its profile lists the features, permissions and sign-in method the connector needs.",
    menuPath: null,
    kind: "profile",
  },
  {
    id: "features",
    title: "Features",
    purpose:
      "Turn on the SuiteCloud features the connector relies on, such as REST Web Services, Token-Based Authentication or OAuth 2.0.",
    menuPath: "Setup > Company > Enable Features > SuiteCloud",
    kind: "external",
    checks: ["netsuite.features"],
  },
  {
    id: "role",
    title: "Role & permissions",
    purpose:
      "Create a role with exactly the permissions the profile lists, at the listed levels, with no department, class, location or subsidiary restrictions.",
    menuPath: "Setup > Users/Roles > Manage Roles > New",
    kind: "external",
    checks: ["netsuite.permissions", "netsuite.subsidiary"],
  },
  {
    id: "integration",
    title: "Integration record",
    purpose:
      "Create the integration record for the connector. NetSuite shows its keys only once, so keep the page open until Onramp has stored them.",
    menuPath: "Setup > Integration > Manage Integrations > New",
    kind: "external",
    checks: ["netsuite.integration"],
  },
  {
    id: "user",
    title: "User",
    purpose:
      "Create or pick the user the connector signs in as, and give it the new role on its Access tab.",
    menuPath: "Lists > Employees > Employees > Edit > Access",
    kind: "external",
    checks: ["netsuite.auth"],
  },
  {
    id: "credentials",
    title: "Credentials",
    purpose:
      "Store the integration record's consumer key and secret and the access token's ID and secret in your system keychain. Onramp never shows them again.",
    menuPath: "Setup > Users/Roles > Access Tokens > New",
    kind: "credentials",
    checks: ["netsuite.auth", "netsuite.clock"],
  },
  {
    id: "validate",
    title: "Validate",
    purpose:
      "Onramp signs in as the integration user and checks the login, clock, features, the role's permissions and record access.",
    menuPath: null,
    kind: "validate",
  },
  {
    id: "report",
    title: "Report",
    purpose: "A summary of what was set up and what was proved, to hand to the connector's owner.",
    menuPath: null,
    kind: "report",
  },
];

export const INTACCT_STEPS: readonly StepDef[] = [
  {
    id: "company",
    title: "Company",
    purpose:
      "Confirm the company ID — the one typed on the Sage Intacct sign-in page — and whether the company is multi-entity. In a multi-entity company, pick the entity the connector works in.",
    menuPath: "Company > Setup > Company > Company information",
    kind: "external",
    checks: ["intacct.company", "intacct.entity"],
  },
  {
    id: "profile",
    title: "Connector profile",
    purpose: "Pick the connector this user is for. Its profile lists the objects and operations the connector needs.",
    menuPath: null,
    kind: "profile",
  },
  {
    id: "subscription",
    title: "Subscription",
    purpose: "Make sure the company subscribes to Web Services; without it no connector can sign in.",
    menuPath: "Company > Subscriptions",
    kind: "external",
    checks: ["intacct.sender", "intacct.company"],
  },
  {
    id: "sender",
    title: "Sender ID",
    purpose:
      "Authorize the connector's Sender ID for this company, so the Web Services gateway accepts its requests. Type it exactly: it is case-sensitive, must be Active, and cannot be edited once added.",
    menuPath: "Company > Setup > Company > Security > Web Services authorizations",
    kind: "external",
    checks: ["intacct.sender"],
  },
  {
    id: "ws_user",
    title: "Web Services user",
    purpose:
      "Create the Web Services user the connector signs in as: a user that cannot use the browser, with user type Business (other types cap its permissions) and the admin privileges the profile needs.",
    menuPath: "Company > Admin > Web Services users",
    kind: "external",
    checks: ["intacct.login", "intacct.user"],
  },
  {
    id: "roles",
    title: "Roles & permissions",
    purpose:
      "Give the user the permissions the profile lists: through a role in role-based companies, or directly on the user in user-based ones.",
    menuPath: "Company > Admin > Users, roles, and groups > Roles",
    kind: "external",
    checks: ["intacct.permissions", "intacct.objects"],
  },
  {
    id: "credentials",
    title: "Credentials",
    purpose:
      "Store the sender ID and password and the Web Services user's ID and password in your system keychain. Onramp never shows them again.",
    menuPath: null,
    kind: "credentials",
    checks: ["intacct.sender", "intacct.login"],
  },
  {
    id: "validate",
    title: "Validate",
    purpose:
      "Onramp calls the Web Services gateway and tells apart the sender, login and permission layers, then probes each required object.",
    menuPath: null,
    kind: "validate",
  },
  {
    id: "report",
    title: "Report",
    purpose: "A summary of what was set up and what was proved, to hand to the connector's owner.",
    menuPath: null,
    kind: "report",
  },
];

/** The flow's steps; NetSuite's depend on the sign-in method (authSteps.ts). */
export function stepsFor(erp: Erp, authMethod: AuthMethod | null = null): readonly StepDef[] {
  return erp === "netsuite" ? withAuthSteps(NETSUITE_STEPS, authMethod) : INTACCT_STEPS;
}

/** The step with this id, or the first step when the id is unknown (e.g. an old saved setup). */
export function findStep(erp: Erp, id: string, authMethod: AuthMethod | null = null): StepDef {
  const steps = stepsFor(erp, authMethod);
  const first = steps[0];
  if (first === undefined) throw new Error("a flow has no steps");
  return steps.find((s) => s.id === id) ?? first;
}
