// Connecting as the wrong user, as it happens: the administrator is signed in
// to NetSuite and presses Allow. The Connect step names who the token acts as
// at once ("Dana Admin … role Administrator", not the integration user) with
// "Not the integration user? Reconnect"; validation names the wrong user as
// the cause instead of judging the administrator's role; reconnecting as the
// integration user clears it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { allowAndClose, chooseMethod, connect, enterClientId, storeClientSecret } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

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

test("the Connect step names the wrong user at once and validation blames that, not the role", async () => {
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await storeClientSecret(driver);
  await allowAndClose(driver, await connect(driver), main, "7:3");

  const name = await waitFor(driver, byTestId("oauth-owner-name"), "who the token acts as, by name", 20_000);
  assert.equal(await name.getText(), "Dana Admin (admin@wolfe.example), role Administrator");
  const warning = await driver.findElement(byTestId("oauth-wrong-user"));
  assert.match(await warning.getText(), /not as integration@wolfe\.example/);
  assert.ok(await driver.findElement(byTestId("oauth-reconnect")).isDisplayed());

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  assert.equal(results["netsuite.token_owner"], "fail", JSON.stringify(results));
  assert.equal(results["netsuite.permissions"], "skip", "the administrator's role is not judged");
  const owner = await driver.findElement(By.css('[data-testid="run-results"] [data-check-id="netsuite.token_owner"]'));
  assert.match(await owner.getText(), /signed in to NetSuite as Dana Admin/);
});

test("Reconnect as the integration user clears it and validation passes", async () => {
  await (await waitFor(driver, byTestId("step-credentials"), "the Connect step")).click();
  const before = await driver.getAllWindowHandles();
  await (await waitFor(driver, byTestId("oauth-reconnect"), "Reconnect")).click();
  let consent;
  await driver.wait(
    async () => {
      consent = (await driver.getAllWindowHandles()).find((h) => !before.includes(h));
      return consent !== undefined;
    },
    15_000,
    "the consent window",
  );
  await allowAndClose(driver, consent, main, "13:1001");
  const sub = await waitFor(driver, byTestId("oauth-sub"), "the new connection", 20_000);
  await driver.wait(until.elementTextIs(sub, "role 1001, user (employee) 13"), 15_000, "connected as the integration user");
  assert.equal((await driver.findElements(byTestId("oauth-wrong-user"))).length, 0, "the warning is gone");

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  for (const [id, status] of Object.entries(results)) assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
});
