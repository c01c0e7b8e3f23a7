// Practice mode with an administrator's one-time consent: from an empty
// simulated OneWorld account (netsuite/oauth-admin-setup) to a validated M2M
// setup, the employee created and the certificate mapped by Onramp, each
// change listed with who consented, then the user offboarded with the
// read-back proof; and a refused TBA login (netsuite/
// revoked-token) explained from the Login Audit Trail, read with the
// administrator's sign-in, without the person typing anything.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { allowConsent, chooseMethod, enterClientId } from "./lib/oauth.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

/** Signs in as the simulated administrator (Dana Admin, Administrator role) on the consent page. */
async function signInAsAdministrator() {
  const main = await driver.getWindowHandle();
  const before = await driver.getAllWindowHandles();
  await (await waitFor(driver, byTestId("admin-sign-in"), "the administrator sign-in button")).click();
  let consent;
  await driver.wait(
    async () => {
      consent = (await driver.getAllWindowHandles()).find((h) => !before.includes(h));
      return consent !== undefined;
    },
    15_000,
    "the consent window",
  );
  await allowConsent(driver, consent, main, "7:3");
  const status = await waitFor(driver, byTestId("admin-signed-in"), "the administrator's sign-in", 20_000);
  assert.match(await status.getText(), /admin@wolfe\.example/);
}

/** Opens the preview of `action`, checks it lists changes, then makes them. */
async function previewAndConfirm(action) {
  await (await waitFor(driver, byTestId(`${action}-preview`), `the ${action} preview button`)).click();
  const changes = await waitFor(driver, byTestId(`${action}-changes`), `the ${action} changes`, 20_000);
  assert.match(await changes.getText(), /Onramp will/);
  await (await driver.findElement(byTestId(`${action}-confirm`))).click();
  const done = await waitFor(driver, byTestId(`${action}-done`), `the ${action} result`, 20_000);
  return done.getText();
}

test("one administrator consent takes an empty account to a validated M2M setup, then offboards it", async () => {
  await startScenario(driver, "netsuite/oauth-admin-setup");
  await chooseMethod(driver, "oauth2-m2m");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await (await waitFor(driver, byTestId("m2m-generate"), "the generate button")).click();
  await waitFor(driver, byTestId("m2m-certificate"), "the generated certificate", 30_000);

  // The administrator signs in through the account's public integration record.
  const adminId = await (await waitFor(driver, byTestId("admin-practice-client-id"), "the simulated admin Client ID")).getText();
  await (await driver.findElement(byTestId("admin-client-id-input"))).sendKeys(adminId);
  await (await driver.findElement(byTestId("admin-client-id-save"))).click();
  await waitFor(driver, byTestId("admin-client-id-value"), "the saved admin Client ID");
  await signInAsAdministrator();

  const employee = await previewAndConfirm("admin-employee");
  assert.match(employee, /Read back employee \d+: integration@wolfe\.example, Give Access on, role 1001/);
  const cert = await previewAndConfirm("admin-cert");
  assert.match(cert, /Certificate \S+ is active for employee \d+ with role 1001/);

  const changes = await (await waitFor(driver, byTestId("admin-changes"), "the changes made")).getText();
  assert.match(changes, /Create the integration employee/);
  assert.match(changes, /Map the M2M certificate/);
  assert.match(changes, /consented by admin@wolfe\.example/);

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  for (const [id, status] of Object.entries(results)) {
    assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  }
  assert.equal(results["netsuite.auth"], "pass");

  // Offboarding it: both flags read back, and the setup's own credentials refused.
  const offboarded = await previewAndConfirm("admin-offboard");
  assert.match(offboarded, /isInactive = true, giveAccess = false/);
  assert.match(offboarded, /no longer issues a token|refused now/);
  const log = await (await waitFor(driver, byTestId("admin-changes"), "the changes made")).getText();
  assert.match(log, /Deactivate the integration user|Offboard/i);
});

test("a refused TBA login is explained from the audit trail the administrator's sign-in reads", async () => {
  await (await driver.findElement(By.xpath("//header//button[contains(., 'All setups')]"))).click();
  await startScenario(driver, "netsuite/revoked-token");
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await signInAsAdministrator();

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  assert.equal(results["netsuite.auth"], "fail", JSON.stringify(results));
  const summary = await driver
    .findElement(By.css('[data-check-id="netsuite.auth"] .check-summary'))
    .getText();
  assert.match(summary, /read with the administrator's sign-in, says 'token_rejected'/);

  await (await waitFor(driver, byTestId("admin-audit-read"), "the audit trail button")).click();
  const detail = await waitFor(driver, byTestId("admin-audit-detail"), "a failed login's Detail", 20_000);
  assert.equal(await detail.getText(), "token_rejected");
  const findings = await driver.findElement(byTestId("admin-audit-findings")).getText();
  assert.match(findings, /revoked/);
});
