// Practice NetSuite, netsuite/missing-currency-permission: a failing
// validation, the simulated fix on the role, a passing re-run of only what
// failed, and the Role step's own "check it" confirming the fix.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { applyPracticeFix, checkStep, rerunFailed } from "./lib/fix.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, currentStep, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

test("the missing Currency permission is added in the simulated account and the re-run passes", async () => {
  await startScenario(driver, "netsuite/missing-currency-permission");
  await advanceTo(driver, "role");
  const checklist = await (await waitFor(driver, byTestId("profile-checklist"), "the permission checklist")).getText();
  assert.match(checklist, /Currency/);
  assert.match(checklist, /LIST_CURRENCY/);

  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.equal(first["netsuite.permissions"], "fail", JSON.stringify(first));
  assert.equal(first["netsuite.auth"], "pass", JSON.stringify(first));
  const diff = await driver.findElement(By.css('[data-check-id="netsuite.permissions"] table.diff-table')).getText();
  assert.match(diff, /LIST_CURRENCY/);
  assert.match(diff, /Missing/);

  const panel = await applyPracticeFix(driver);
  assert.match(panel, /Simulated NetSuite: make this change/);
  assert.match(panel, /Currency/);

  const rerun = await rerunFailed(driver);
  assert.ok("netsuite.permissions" in rerun && "netsuite.auth" in rerun, JSON.stringify(rerun));
  assert.ok(!("netsuite.clock" in rerun), `only failed checks and what they need: ${JSON.stringify(rerun)}`);
  for (const [id, status] of Object.entries(rerun)) assert.notEqual(status, "fail", `${id}: ${JSON.stringify(rerun)}`);

  // The Role step's own check now confirms the role.
  await (await driver.findElement(byTestId("step-role"))).click();
  await driver.wait(async () => (await currentStep(driver)) === "step-role", 10_000, "the Role step");
  const role = await checkStep(driver);
  // Currency is readable again; its Full level shows only in the role's list, so it warns.
  assert.equal(role.results["netsuite.permissions"], "warn", JSON.stringify(role.results));
  assert.match(role.verdict, /Confirmed/);
});
