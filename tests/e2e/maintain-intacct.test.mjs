// The Maintain page of a Sage Intacct practice setup (intacct/happy): a new
// Web Services user password is stored write-only beside the working one. Its
// proof fails while the simulated company still has the old password, and
// nothing is replaced; once the simulated administrator has set it, the proof
// passes and the new password takes the old one's place.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

const NAME = "intacct.user_password";

async function prove() {
  const start = await waitFor(driver, byTestId("proof-start"), "the prove button");
  await driver.wait(until.elementIsEnabled(start), 10_000, "the prove button enabled");
  await start.click();
  const outcome = await waitFor(driver, byTestId("proof-outcome"), "the proof's outcome", 60_000);
  return outcome;
}

test("an Intacct practice setup changes its Web Services password only once the new one is proven", async () => {
  await startScenario(driver, "intacct/happy");
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.ok(Object.values(first).every((s) => s !== "fail"), JSON.stringify(first));

  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  await waitFor(driver, byTestId("rotate-panel"), "the rotation flow");
  await (await waitFor(driver, byTestId(`staged-input-${NAME}`), "the new password field")).sendKeys("A-new-password-2026");
  await (await driver.findElement(byTestId(`staged-save-${NAME}`))).click();
  const status = await driver.findElement(byTestId(`staged-status-${NAME}`));
  await driver.wait(until.elementTextContains(status, "waiting to be proven"), 15_000, "stored");

  const early = await prove();
  assert.equal(await early.getAttribute("data-proven"), "no", "the company still has the old password");
  assert.match(await early.getText(), /Nothing was replaced/);

  await (await driver.findElement(byTestId("practice-change-password"))).click();
  await waitFor(driver, By.xpath("//*[contains(text(), 'the old one is refused')]"), "the simulated change");
  await (await driver.findElement(byTestId("proof-start"))).click();
  await driver.wait(
    async () => (await driver.findElement(byTestId("proof-outcome")).getAttribute("data-proven").catch(() => null)) === "yes",
    60_000,
    "the new password proven",
  );
  assert.match(await (await driver.findElement(byTestId("proof-outcome"))).getText(), /now replace the old ones/);
  await driver.wait(until.elementTextContains(status, "not stored yet"), 10_000, "the new password moved into place");
});
