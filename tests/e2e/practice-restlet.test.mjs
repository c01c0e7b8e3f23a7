// Practice netsuite/restlet-not-released with the RESTlet connector profile,
// signed in with TBA (the scenario's integration): the sign-in passes and
// netsuite.restlet fails with the deployment's fix — SSS_INVALID_SCRIPTLET_ID
// explained as Released / Audience, with where to click.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { chooseMethod } from "./lib/oauth.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

test("a RESTlet deployment left on Testing fails netsuite.restlet with its fix", async () => {
  await startScenario(driver, "netsuite/restlet-not-released");
  await chooseMethod(driver, "tba");
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  assert.equal(results["netsuite.auth"], "pass", JSON.stringify(results));
  assert.equal(results["netsuite.restlet"], "fail", JSON.stringify(results));

  const item = await driver.findElement(By.css('[data-check-id="netsuite.restlet"]'));
  const text = await item.getText();
  for (const part of ["Cause", "Fix", "Where"]) assert.ok(text.includes(part), `${part} in: ${text}`);
  assert.match(text, /SSS_INVALID_SCRIPTLET_ID/);
  assert.match(text, /Released/);
  assert.match(text, /Customization > Scripting > Script Deployments/);
});
