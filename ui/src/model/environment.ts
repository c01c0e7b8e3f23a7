import type { Environment, Erp } from "../api";

/** What the user pasted, without the whitespace that copy-paste drags along. */
export function cleanInput(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** Identifiers never contain spaces: drop every whitespace character. */
export function cleanId(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, "");
}

/**
 * NetSuite's realm spelling: upper case, underscores. People paste either the
 * realm (`123456_SB1`) or the host form (`123456-sb1`), so both are accepted.
 */
export function normaliseNetSuiteAccount(value: string): string {
  return cleanId(value).toUpperCase().replace(/-/g, "_");
}

const NS_ACCOUNT = /^(?:\d+(?:_SB\d+|_RP)?|TSTDRV\d+)$/;

/** A plain-language problem with the account ID, or null when it looks right. */
export function netSuiteAccountProblem(value: string): string | null {
  const id = normaliseNetSuiteAccount(value);
  if (id === "") return "Enter the account ID.";
  if (NS_ACCOUNT.test(id)) return null;
  return "NetSuite account IDs look like 1234567, 1234567_SB1 (sandbox) or TSTDRV1234567 (test drive).";
}

export function intacctCompanyProblem(value: string): string | null {
  return cleanId(value) === "" ? "Enter the company ID." : null;
}

/**
 * Preview of the environment while typing; the backend derives the stored value.
 * Intacct sandboxes are separate companies with their own ID, so the ID alone
 * cannot tell them apart: every Intacct company is shown as production.
 */
export function deriveEnvironment(erp: Erp, accountId: string): Environment {
  if (erp === "intacct") return "production";
  const id = normaliseNetSuiteAccount(accountId);
  if (/_SB\d+$/.test(id)) return "sandbox";
  if (id.startsWith("TSTDRV")) return "test_drive";
  if (id.endsWith("_RP")) return "release_preview";
  return "production";
}

export const ENVIRONMENT_LABEL: Record<Environment, string> = {
  production: "Production",
  sandbox: "Sandbox",
  test_drive: "Test drive",
  release_preview: "Release preview",
};

export const ERP_LABEL: Record<Erp, string> = {
  netsuite: "NetSuite",
  intacct: "Sage Intacct",
};
