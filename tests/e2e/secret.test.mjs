// (b) A secret typed into the UI goes to the OS keychain only: after a restart
// the app reports it present, and its value is in no file under HOME/XDG.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { filesContaining, filesUnder, startDriver, throwawayHome } from "./lib/app.mjs";
import { netsuiteSetup, writeState } from "./lib/seed.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

const SECRET = `e2e-token-secret-${randomUUID()}`;
let home, drv, driver;

before(async () => {
  home = throwawayHome();
  writeState(home, [
    netsuiteSetup({
      id: "secret-1",
      label: "Keychain check",
      currentStep: "credentials",
      doneSteps: ["account", "profile", "features", "role", "integration", "user"],
    }),
  ]);
  drv = await startDriver(home);
});

after(async () => {
  await driver?.quit().catch(() => {});
  await drv?.stop();
  await home?.remove();
});

async function openSetup() {
  const resume = await waitFor(driver, By.xpath("//button[contains(., 'Resume')]"), "the saved setup");
  await resume.click();
  return waitFor(driver, byTestId("secret-status-netsuite.token_secret"), "the credentials step's secret field");
}

test("a stored secret is reported present after a restart", async () => {
  driver = await drv.launch();
  let status = await openSetup();
  await driver.wait(until.elementTextContains(status, "not stored yet"), 15_000);

  await (await driver.findElement(byTestId("secret-input-netsuite.token_secret"))).sendKeys(SECRET);
  await (await driver.findElement(byTestId("secret-save-netsuite.token_secret"))).click();
  await driver.wait(until.elementTextContains(status, "Stored in your system keychain"), 15_000);
  // Write-only: the field is emptied and the page never shows the value.
  assert.ok(!(await driver.getPageSource()).includes(SECRET));

  await driver.quit();
  driver = await drv.launch();
  status = await openSetup();
  await driver.wait(until.elementTextContains(status, "Stored in your system keychain"), 15_000);
});

test("the secret's value is in no file under the throwaway HOME and XDG folders", async () => {
  await driver.quit();
  driver = null;
  const files = filesUnder(home.home);
  assert.ok(
    files.some((f) => f.endsWith("onramp-state.json")),
    `the app wrote its store under HOME: ${files.join(", ")}`,
  );
  assert.ok(files.some((f) => f.endsWith("onramp.log")), "the app wrote its log under HOME");
  assert.deepEqual(filesContaining(home.home, SECRET), []);
});
