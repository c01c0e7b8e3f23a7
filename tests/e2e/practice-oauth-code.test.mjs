// Practice netsuite/oauth-happy with the OAuth 2.0 authorization code flow:
// Connect opens the simulated consent page in a second app window; Allow
// there brings the app back connected (tokens in the keychain, the role and
// user from the token's sub, expiry shown) and the suite passes. Then the
// ways back when no window intercepts the redirect: the OS starting a second
// Onramp with the address (handed to the running one), and pasting it.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, test } from "node:test";
import { appBinary, filesContaining, startDriver, throwawayHome } from "./lib/app.mjs";
import { allowConsent, answerConsentOutsideTheApp, chooseMethod, connect, enterClientId, storeClientSecret } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

let home, drv, driver, main, secret;

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

test("Allow on the simulated consent page connects the app and validation passes", async () => {
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  secret = await storeClientSecret(driver);

  const consent = await connect(driver);
  await driver.switchTo().window(consent);
  await driver.wait(until.elementLocated(By.css("select[name=principal]")), 15_000, "the consent form");
  assert.match(await (await driver.findElement(By.css("body"))).getText(), /SIMULATION/);
  await allowConsent(driver, consent, main, "13:1001");

  const sub = await waitFor(driver, byTestId("oauth-sub"), "who the token acts as", 20_000);
  assert.equal(await sub.getText(), "role 1001, user (employee) 13");
  const expiry = await (await driver.findElement(By.css('[data-testid="oauth-access-expiry"] time'))).getAttribute("datetime");
  const minutes = (Date.parse(expiry) - Date.now()) / 60_000;
  assert.ok(minutes > 50 && minutes <= 61, expiry);
  assert.ok(await driver.findElement(byTestId("oauth-refresh-expiry")));
  // The consent window closed itself once the redirect was taken.
  await driver.wait(async () => (await driver.getAllWindowHandles()).length === 1, 10_000, "consent window closed");

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  for (const [id, status] of Object.entries(results)) {
    assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  }
  assert.equal(results["netsuite.auth"], "pass");
});

/** Revokes the connection, then starts a new attempt whose redirect the test receives itself. */
async function redirectOutsideTheApp() {
  await (await waitFor(driver, byTestId("step-credentials"), "the Connect step")).click();
  await (await waitFor(driver, byTestId("oauth-revoke"), "the Revoke button")).click();
  await driver.wait(until.elementTextContains(await driver.findElement(byTestId("oauth-connected")), "Not connected"), 15_000);
  return answerConsentOutsideTheApp(driver, main);
}

test("a second launch carrying the redirect address hands it to the running app", async () => {
  const location = await redirectOutsideTheApp();
  // What the desktop does for a com.onramp.app:// link: start the app with it.
  const second = spawn(appBinary(), [location], { env: { ...process.env, ...home.env }, stdio: "ignore" });
  const code = await new Promise((resolve) => second.once("exit", resolve));
  assert.equal(code, 0, "the second instance forwards and exits");
  await driver.wait(until.elementTextContains(await driver.findElement(byTestId("oauth-connected")), "Connected"), 15_000);
  assert.equal(await (await driver.findElement(byTestId("oauth-sub"))).getText(), "role 1001, user (employee) 13");
  await driver.wait(async () => (await driver.getAllWindowHandles()).length === 1, 10_000, "consent window closed");
});

test("a pasted redirect address completes the sign-in when the browser cannot return", async () => {
  const location = await redirectOutsideTheApp();
  const input = await waitFor(driver, byTestId("oauth-paste-input"), "the paste field");
  await input.sendKeys(`  ${location}  `);
  await (await driver.findElement(byTestId("oauth-paste-submit"))).click();
  await driver.wait(until.elementTextContains(await driver.findElement(byTestId("oauth-connected")), "Connected"), 15_000);
  assert.equal(await (await driver.findElement(byTestId("oauth-sub"))).getText(), "role 1001, user (employee) 13");

  // Neither the client secret nor any token reached a file under HOME.
  assert.deepEqual(filesContaining(home.home, secret), []);
});
