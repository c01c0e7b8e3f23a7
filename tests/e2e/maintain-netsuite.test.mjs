// The Maintain page of a NetSuite TBA practice setup (scenario netsuite/maintain,
// whose simulated administrator already created a second token for the
// integration user and a token for a second integration user): rotate the
// token, then change the token owner. Each new token is stored write-only,
// proven with a full run against the simulator, and only then replaces the old.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

/** Pastes each simulated value shown on the Maintain page into its new-value field. */
async function pasteMaintainValues() {
  await waitFor(driver, byTestId("maintain-values"), "the simulated new values");
  const values = await driver.executeScript(`
    return [...document.querySelectorAll('[data-testid^="maintain-value-"]')]
      .map((el) => [el.getAttribute("data-testid").slice("maintain-value-".length), el.textContent]);
  `);
  for (const [name, value] of values) {
    const input = await waitFor(driver, byTestId(`staged-input-${name}`), `the new ${name} field`);
    await input.sendKeys(value);
    await (await driver.findElement(byTestId(`staged-save-${name}`))).click();
    const status = await driver.findElement(byTestId(`staged-status-${name}`));
    await driver.wait(until.elementTextContains(status, "waiting to be proven"), 15_000, `${name} stored`);
  }
  return values.map(([name]) => name).sort();
}

/** Proves the stored values and returns the outcome element once it shows. */
async function prove() {
  const start = await waitFor(driver, byTestId("proof-start"), "the prove button");
  await driver.wait(until.elementIsEnabled(start), 10_000, "the prove button enabled");
  await start.click();
  return waitFor(driver, byTestId("proof-outcome"), "the proof's outcome", 60_000).catch(async (e) => {
    const text = await driver.executeScript("return document.querySelector('main.maintain')?.innerText ?? ''");
    throw new Error(`no outcome; the page says:\n${text}`, { cause: e });
  });
}

test("a practice TBA setup rotates its token, then moves it to a new owner", async () => {
  await startScenario(driver, "netsuite/maintain");
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.ok(Object.values(first).every((s) => s !== "fail"), JSON.stringify(first));

  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  await waitFor(driver, byTestId("rotate-panel"), "the rotation flow");
  const proveButton = await waitFor(driver, byTestId("proof-start"), "the prove button");
  assert.equal(await proveButton.isEnabled(), false, "nothing to prove before the new values are stored");
  assert.deepEqual(await pasteMaintainValues(), ["netsuite.token_id", "netsuite.token_secret"]);
  const rotated = await prove();
  assert.equal(await rotated.getAttribute("data-proven"), "yes", await rotated.getText());
  assert.match(await rotated.getText(), /revoke the old token/);
  // The new values moved into place: nothing waits any more.
  const status = await driver.findElement(byTestId("staged-status-netsuite.token_id"));
  await driver.wait(until.elementTextContains(status, "not stored yet"), 10_000, "the staged token consumed");

  await (await driver.findElement(byTestId("maintain-owner"))).click();
  const current = await waitFor(driver, byTestId("owner-current"), "the current owner");
  assert.equal(await current.getText(), "integration@wolfe.example");
  const newUser = await driver.findElement(byTestId("owner-new-user"));
  assert.equal(await newUser.getAttribute("value"), "integration2@wolfe.example", "the practice scenario's second user");
  await (await driver.findElement(byTestId("owner-begin"))).click();
  assert.deepEqual(await pasteMaintainValues(), ["netsuite.token_id", "netsuite.token_secret"]);
  const moved = await prove();
  assert.equal(await moved.getAttribute("data-proven"), "yes", await moved.getText());
  const owner = await driver.findElement(byTestId("owner-proof"));
  assert.equal(await owner.getAttribute("data-matches"), "true");
  assert.match(await owner.getText(), /act as integration2@wolfe\.example/);
  const next = await (await driver.findElement(byTestId("proof-next-steps"))).getText();
  assert.match(next, /revoke integration@wolfe\.example's token/);
  assert.match(next, /Retire integration@wolfe\.example/);
  await driver.wait(
    async () => (await driver.findElement(byTestId("owner-current")).getText()) === "integration2@wolfe.example",
    10_000,
    "the setup now expects the new owner",
  );
  assert.equal((await driver.findElements(By.css("[role=alert]"))).length, 0);
});
