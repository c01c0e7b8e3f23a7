// (g) Practice NetSuite, netsuite/missing-currency-permission: the permission
// check fails and explains the missing Currency permission as cause → fix → where.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

test("a role without the Currency permission fails netsuite.permissions with a fix", async () => {
  await startScenario(driver, "netsuite/missing-currency-permission");
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  assert.equal(results["netsuite.permissions"], "fail", JSON.stringify(results));

  const item = await driver.findElement(By.css('[data-check-id="netsuite.permissions"]'));
  const text = await item.getText();
  for (const part of ["Cause", "Fix", "Where"]) assert.ok(text.includes(part), `${part} in: ${text}`);
  assert.match(text, /Currenc/);
});
