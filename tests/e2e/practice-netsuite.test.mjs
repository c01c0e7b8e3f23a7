// (e) Practice NetSuite, netsuite/happy: from the Practice screen to a passing
// validation of the real NetSuite suite against the built-in simulator.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

test("a NetSuite practice setup validates with the simulated TBA values", async () => {
  await startScenario(driver, "netsuite/happy");
  assert.match(await driver.findElement(By.css("[data-environment='practice']")).getText(), /simulation/i);

  await advanceTo(driver, "credentials");
  const pasted = await pasteSimulatedValues(driver);
  assert.deepEqual(pasted.sort(), [
    "netsuite.consumer_key",
    "netsuite.consumer_secret",
    "netsuite.token_id",
    "netsuite.token_secret",
  ]);

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  const ids = Object.keys(results);
  assert.ok(ids.includes("netsuite.permissions"), JSON.stringify(results));
  assert.ok(ids.every((id) => id.startsWith("netsuite.")), JSON.stringify(results));
  for (const [id, status] of Object.entries(results)) {
    assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  }
  // The integration role cannot read its own permission list (that needs Manage Roles):
  // levels above what a request proves stay unconfirmed without an administrator's sign-in.
  assert.equal(results["netsuite.permissions"], "warn");

  const trail = await waitFor(driver, byTestId("audit-trail"), "the simulated Login Audit Trail");
  await driver.wait(async () => (await trail.getText()).includes("Success"), 10_000, "a successful login row");
  assert.match(await trail.getText(), /Login Audit Trail \(simulated\)/);
});
