// Built-in Practice scenarios (the simulator's scenario files). Until the
// backend lists them with their own titles, the names and a short line each
// live here; `name` is the scenario file's stem, sent as practice_scenario.
import type { Erp } from "../api";

export interface PracticeScenario {
  erp: Erp;
  name: string;
  title: string;
}

export const PRACTICE_SCENARIOS: readonly PracticeScenario[] = [
  { erp: "netsuite", name: "happy", title: "Everything set up correctly" },
  { erp: "netsuite", name: "realm-wrong-case", title: "Account ID typed in the wrong case" },
  { erp: "netsuite", name: "sandbox-mixup", title: "Sandbox and production mixed up" },
  { erp: "netsuite", name: "clock-skew", title: "Computer clock is off" },
  { erp: "netsuite", name: "revoked-token", title: "Access token was revoked" },
  { erp: "netsuite", name: "inactive-employee", title: "Integration user is inactive" },
  { erp: "netsuite", name: "role-without-token-login", title: "Role cannot log in with tokens" },
  { erp: "netsuite", name: "missing-currency-permission", title: "Role lacks a permission" },
  { erp: "netsuite", name: "subsidiary-restriction", title: "Role restricted to one subsidiary" },
  { erp: "netsuite", name: "blocked-integration", title: "Integration record is blocked" },
  { erp: "netsuite", name: "concurrency-limit-1", title: "Account allows one request at a time" },
  { erp: "intacct", name: "happy", title: "Everything set up correctly" },
  { erp: "intacct", name: "sender-not-authorized", title: "Sender ID not authorized" },
  { erp: "intacct", name: "wrong-sender-password", title: "Wrong sender password" },
  { erp: "intacct", name: "not-subscribed", title: "Web Services not subscribed" },
  { erp: "intacct", name: "wrong-company", title: "Wrong company ID" },
  { erp: "intacct", name: "user-not-business", title: "User type is not Business" },
  { erp: "intacct", name: "missing-ar-permission", title: "Role lacks Accounts Receivable rights" },
  { erp: "intacct", name: "entity-not-permitted", title: "User cannot access the entity" },
  { erp: "intacct", name: "rate-limited", title: "Too many requests at once" },
];
