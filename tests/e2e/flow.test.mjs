// The wizard's flow as a user meets it in Practice mode
// (netsuite/missing-currency-permission): "check it" waits for the sign-in and
// points to where it is set up; leaving the Credentials step with a typed
// secret not stored asks first; results lead with the verdict and the next
// action and mark the failing step on the rail; a passing re-run of the failed
// checks shows the setup as validated on the rail and in the setup list.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { applyPracticeFix, rerunFailed } from "./lib/fix.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, currentStep, until, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

const railStatus = async (step) => (await driver.findElement(byTestId(`step-${step}`))).getAttribute("data-status");

test("'check it' before the sign-in points to the Credentials step", async () => {
  await startScenario(driver, "netsuite/missing-currency-permission");
  await advanceTo(driver, "role");
  const note = await waitFor(driver, byTestId("check-it-needs-sign-in"), "the sign-in-first note");
  assert.match(await note.getText(), /once the sign-in is set up \(step \d+, Credentials\)/);
  assert.equal((await driver.findElements(byTestId("check-it"))).length, 0, "no check offered yet");
  await (await driver.findElement(byTestId("check-it-go-sign-in"))).click();
  await driver.wait(async () => (await currentStep(driver)) === "step-credentials", 10_000, "on Credentials");
});

test("leaving Credentials with a typed secret not stored asks first", async () => {
  const field = await waitFor(driver, byTestId("secret-input-netsuite.token_secret"), "the token secret field");
  await field.sendKeys("typed-but-not-stored");
  await (await driver.findElement(byTestId("next-step"))).click();
  const warning = await waitFor(driver, byTestId("unsaved-secrets"), "the not-stored warning");
  assert.match(await warning.getText(), /You typed Token secret but did not store it/);
  await (await driver.findElement(byTestId("unsaved-stay"))).click();
  assert.equal(await currentStep(driver), "step-credentials", "stayed");
  await (await driver.findElement(byTestId("next-step"))).click();
  await (await waitFor(driver, byTestId("unsaved-leave"), "Leave without storing")).click();
  await driver.wait(async () => (await currentStep(driver)) !== "step-credentials", 10_000, "left");
  await (await driver.findElement(byTestId("step-credentials"))).click();
  await driver.wait(async () => (await currentStep(driver)) === "step-credentials", 10_000, "back on Credentials");
  await pasteSimulatedValues(driver);
});

test("results lead with the verdict and next action; the failing step is marked; a passing re-run validates", async () => {
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.equal(first["netsuite.permissions"], "fail", JSON.stringify(first));
  const next = await driver.findElement(byTestId("run-next"));
  // Records and permissions both fail on the missing Currency permission; the Role step's check leads.
  assert.match(
    await next.getText(),
    /^Next: fix “Role permissions against the profile”: Edit the role and add each permission at the level shown \(e\.g\. Lists > Currency at Full\), then save\. Then re-run the failed checks\.$/,
  );
  const above = await driver.executeScript(`
    const s = document.querySelector('section.run-summary'), l = document.querySelector('[data-testid="run-results"]');
    return (s.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;`);
  assert.ok(above, "the verdict comes before the results");
  await driver.wait(async () => (await railStatus("role")) === "failed", 10_000, "the Role step marked failed on the rail");

  await applyPracticeFix(driver);
  const rerun = await rerunFailed(driver);
  for (const [id, status] of Object.entries(rerun)) assert.notEqual(status, "fail", `${id}: ${JSON.stringify(rerun)}`);
  assert.match(await driver.findElement(byTestId("rerun-verdict")).getText(), /recorded as validated/);
  await driver.wait(async () => (await railStatus("role")) === "done", 10_000, "the Role step done on the rail");

  await (await driver.findElement(By.xpath("//button[normalize-space(.)='← All setups']"))).click();
  const last = await waitFor(driver, byTestId("last-validation"), "the setup list");
  await driver.wait(until.elementTextMatches(last, /\d+ passed, 0 failed/), 10_000, "validated in the list");
});
