// A practice OAuth 2.0 connection survives a restart of the app: connected
// with the authorization code flow in netsuite/oauth-happy, the app is quit
// and started again on the same data folder and keychain; the setup is still
// connected as the same user and role, and its checks pass (the simulated
// account still honours the tokens it issued).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { allowConsent, chooseMethod, connect, enterClientId, storeClientSecret } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

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

const WHO = "role 1001, user (employee) 13";

test("connect a practice setup with the OAuth 2.0 code flow", async () => {
  const main = await driver.getWindowHandle();
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await storeClientSecret(driver);
  const consent = await connect(driver);
  await allowConsent(driver, consent, main, "13:1001");
  assert.equal(await (await waitFor(driver, byTestId("oauth-sub"), "who the token acts as", 20_000)).getText(), WHO);
});

test("after a restart the setup is still connected and validates", async () => {
  await driver.quit();
  await drv.stop();
  drv = await startDriver(home);
  driver = await drv.launch();
  const row = await waitFor(driver, By.css("[data-setup-id]"), "the saved practice setup");
  await (await row.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Resume')]"))).click();
  await (await waitFor(driver, byTestId("step-credentials"), "the Connect step")).click();
  const connected = await waitFor(driver, byTestId("oauth-connected"), "the connection status");
  await driver.wait(until.elementTextContains(connected, "Connected"), 15_000, "still connected");
  assert.equal(await (await driver.findElement(byTestId("oauth-sub"))).getText(), WHO);
  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  for (const [id, status] of Object.entries(results)) assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  assert.equal(results["netsuite.auth"], "pass");
});
