// Practice netsuite/suiteanalytics-dwi-oauth with the SuiteAnalytics Connect
// profile: the Connect user holds the Data Warehouse Integrator role and signs
// in with OAuth 2.0 (scopes suite_analytics and rest_webservices); the sign-in
// and REST checks pass, and netsuite.connect fails with Oracle's rule (the
// role needs TBA) and the fix.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { allowConsent, chooseMethod, connect, enterClientId, storeClientSecret } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

let home, drv, driver, main;

before(async () => {
  home = throwawayHome();
  drv = await startDriver(home);
  driver = await drv.launch();
  main = await driver.getWindowHandle();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

test("the Data Warehouse Integrator role over OAuth 2.0 fails the Connect check with Oracle's rule", async () => {
  await startScenario(driver, "netsuite/suiteanalytics-dwi-oauth");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await storeClientSecret(driver);
  await allowConsent(driver, await connect(driver), main, "13:1002");
  await waitFor(driver, byTestId("oauth-sub"), "who the token acts as", 20_000);

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  assert.equal(results["netsuite.auth"], "pass", JSON.stringify(results));
  assert.equal(results["netsuite.connect"], "fail", JSON.stringify(results));
  const failing = Object.entries(results).filter(([, s]) => s === "fail").map(([id]) => id);
  assert.deepEqual(failing, ["netsuite.connect"]);
  const row = await driver.findElement(By.css('[data-testid="run-results"] [data-check-id="netsuite.connect"]'));
  const text = await row.getText();
  assert.match(text, /TBA only/);
  assert.match(text, /TBA access token/);
  assert.match(text, /Access Tokens/);
});
