// Practice Sage Intacct, intacct/missing-ar-permission: the step checks, a
// failing validation, the simulated fix, a passing re-run of only what failed
// (recorded as the setup's validation), and the fix still in place after the
// app restarts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { applyPracticeFix, checkStep, rerunFailed } from "./lib/fix.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, currentStep, waitFor } from "./lib/ui.mjs";

let home, drv, driver;

before(async () => {
  home = throwawayHome();
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

test("a missing AR permission is fixed in the simulated company and the re-run passes", async () => {
  await startScenario(driver, "intacct/missing-ar-permission");
  const header = await (await waitFor(driver, By.css("header.setup-header"), "the setup header")).getText();
  assert.match(header, /Company onramp-practice/);
  assert.match(header, /Entity US/);

  // Before any credential is stored the sender step's check is not offered: it says
  // the check signs in, and where that is set up.
  await advanceTo(driver, "sender");
  const early = await waitFor(driver, byTestId("check-it-needs-sign-in"), "the sign-in-first note");
  assert.match(await early.getText(), /once the sign-in is set up \(step \d+, Credentials\)/);
  assert.equal((await driver.findElements(byTestId("check-it"))).length, 0);

  // A ticked permission is saved on the setup (checked again after the restart).
  await advanceTo(driver, "roles");
  const invoices = await waitFor(driver, By.xpath("//label[contains(., 'ARINVOICE')]/input"), "the ARINVOICE checkbox");
  await invoices.click();
  await driver.wait(async () => await invoices.isSelected(), 5_000, "ARINVOICE ticked");

  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  const creds = await checkStep(driver);
  assert.deepEqual(creds.results, { "intacct.sender": "pass", "intacct.login": "pass" });
  assert.match(creds.verdict, /Confirmed/);

  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.equal(first["intacct.permissions"], "fail", JSON.stringify(first));
  assert.equal(first["intacct.objects"], "fail", JSON.stringify(first));
  assert.equal(first["intacct.sender"], "pass");
  const perms = await driver.findElement(By.css('[data-check-id="intacct.permissions"]'));
  const permsText = await perms.getText();
  for (const part of ["Cause", "Fix", "Where", "Accounts Receivable", "ARINVOICE"]) {
    assert.ok(permsText.includes(part), `${part} in: ${permsText}`);
  }

  const panel = await applyPracticeFix(driver);
  assert.match(panel, /Simulation/);
  assert.match(panel, /Simulated Sage Intacct: make this change/);
  assert.match(panel, /Accounts Receivable/);

  const rerun = await rerunFailed(driver);
  assert.deepEqual(Object.keys(rerun).sort(), ["intacct.entity", "intacct.login", "intacct.objects", "intacct.permissions", "intacct.sender"]);
  for (const [id, status] of Object.entries(rerun)) assert.equal(status, "pass", `${id}: ${JSON.stringify(rerun)}`);
  const verdict = await driver.findElement(byTestId("rerun-verdict")).getText();
  assert.match(verdict, /every check that failed now passes/);
});

test("after a restart the setup reopens on Validate with its fields and the fix still made", async () => {
  await driver.quit();
  driver = await drv.launch();
  const list = await (await waitFor(driver, byTestId("setup-list"), "the saved setups")).getText();
  assert.match(list, /Company onramp-practice · Entity US/);
  // The passing re-run cleared every failure: it is the setup's last validation.
  assert.match(list, /\d+ passed, 0 failed/);
  const resume = await waitFor(driver, By.xpath("//button[starts-with(normalize-space(.), 'Resume')]"), "Resume");
  await resume.click();
  await waitFor(driver, byTestId("step-rail"), "the setup's steps");
  assert.equal(await currentStep(driver), "step-validate");
  // Nothing fails any more, so no fix is offered; the fix stays made in the simulated company.
  assert.equal((await driver.findElements(byTestId("practice-fix"))).length, 0);
  const results = await runChecks(driver);
  assert.equal(results["intacct.permissions"], "pass", JSON.stringify(results));
  for (const [id, status] of Object.entries(results)) assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  const offered = await driver.findElements(byTestId("practice-fix"));
  assert.equal(offered.length, 0, "no fix is offered when nothing fails");

  await (await driver.findElement(byTestId("step-roles"))).click();
  await driver.wait(async () => (await currentStep(driver)) === "step-roles", 10_000, "the Roles step");
  const invoices = await waitFor(driver, By.xpath("//label[contains(., 'ARINVOICE')]/input"), "the ARINVOICE checkbox");
  assert.equal(await invoices.isSelected(), true, "the ticked permission is still ticked");
});
