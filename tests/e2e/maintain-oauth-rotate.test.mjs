// Renewing the consent of a NetSuite OAuth 2.0 authorization-code practice
// setup (netsuite/oauth-happy) from the Maintain page, as a proven rotation:
// a new consent given while signed in as the administrator waits beside the
// working tokens and is refused by its proof (the wrong user, nothing
// replaced); a new consent by the integration user is proven by a full run
// and takes the working tokens' place.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { audit } from "./lib/a11y.mjs";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { allowAndClose, chooseMethod, connect, enterClientId, storeClientSecret } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { byTestId, until, waitFor } from "./lib/ui.mjs";

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

/** Presses Connect again on the Maintain page; returns the consent window. */
async function renew() {
  const before = await driver.getAllWindowHandles();
  await (await waitFor(driver, byTestId("reconsent-connect"), "Connect again")).click();
  let consent;
  await driver.wait(
    async () => {
      consent = (await driver.getAllWindowHandles()).find((h) => !before.includes(h));
      return consent !== undefined;
    },
    15_000,
    "the consent window",
  );
  return consent;
}

async function prove() {
  const start = await waitFor(driver, byTestId("proof-start"), "the prove button");
  await driver.wait(until.elementIsEnabled(start), 15_000, "the prove button enabled");
  await start.click();
  await driver.wait(
    async () => (await driver.findElements(byTestId("proof-outcome"))).length === 1,
    60_000,
    "the proof's outcome",
  );
  return driver.findElement(byTestId("proof-outcome"));
}

test("a connected practice setup opens Maintain with nothing waiting", async () => {
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await storeClientSecret(driver);
  await allowAndClose(driver, await connect(driver), main, "13:1001");
  const sub = await waitFor(driver, byTestId("oauth-sub"), "the connection", 20_000);
  await driver.wait(until.elementTextIs(sub, "role 1001, user (employee) 13"), 15_000, "connected");
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.ok(Object.values(first).every((s) => s !== "fail"), JSON.stringify(first));

  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  const status = await waitFor(driver, byTestId("reconsent-status"), "the new consent's status");
  await driver.wait(until.elementTextContains(status, "none yet"), 10_000, "nothing waiting");
  assert.equal(await (await driver.findElement(byTestId("proof-start"))).isEnabled(), false);
});

test("a consent by the administrator waits, is refused by its proof, and replaces nothing", async () => {
  await allowAndClose(driver, await renew(), main, "7:3");
  const status = await driver.findElement(byTestId("reconsent-status"));
  await driver.wait(until.elementTextContains(status, "waiting to be proven"), 20_000, "the new consent waiting");
  const refused = await prove();
  assert.equal(await refused.getAttribute("data-proven"), "no", await refused.getText());
  assert.match(await refused.getText(), /wrong user/);
  assert.match(await refused.getText(), /Nothing was replaced/);
  await audit(driver, "Maintain, a refused new consent");
});

test("a consent by the integration user is proven and takes the working tokens' place", async () => {
  await allowAndClose(driver, await renew(), main, "13:1001");
  const status = await driver.findElement(byTestId("reconsent-status"));
  await driver.wait(until.elementTextContains(status, "waiting to be proven"), 20_000, "the new consent waiting");
  await (await driver.findElement(byTestId("proof-start"))).click();
  await driver.wait(
    async () =>
      (await driver.findElement(byTestId("proof-outcome")).getAttribute("data-proven").catch(() => null)) === "yes",
    60_000,
    "the new consent proven",
  );
  assert.match(await (await driver.findElement(byTestId("proof-outcome"))).getText(), /now replace the old ones/);
  await driver.wait(until.elementTextContains(status, "none yet"), 10_000, "the new tokens moved into place");
});
