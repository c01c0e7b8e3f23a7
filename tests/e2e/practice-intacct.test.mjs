// (f) Practice Sage Intacct, intacct/happy: the real Intacct suite against the
// built-in simulator passes with the simulated sender and user values, and
// the REST check runs with the simulated REST application.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { byTestId, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

test("an Intacct practice setup validates with the simulated sender and user", async () => {
  await startScenario(driver, "intacct/happy");
  await advanceTo(driver, "credentials");
  const pasted = await pasteSimulatedValues(driver);
  assert.deepEqual(pasted.sort(), [
    "intacct.client_id",
    "intacct.client_secret",
    "intacct.sender_id",
    "intacct.sender_password",
    "intacct.user_id",
    "intacct.user_password",
  ]);

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  const ids = Object.keys(results);
  assert.ok(ids.length > 3 && ids.every((id) => id.startsWith("intacct.")), JSON.stringify(results));
  for (const [id, status] of Object.entries(results)) {
    assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  }
  const log = await waitFor(driver, byTestId("audit-trail"), "the simulator's request log");
  await driver.wait(async () => (await log.getText()).includes("ok"), 10_000, "a logged request");
});
