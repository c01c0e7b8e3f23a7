// (d) "Run checks" on a real (not practice) NetSuite setup runs the NetSuite
// suite against the real account; with no credentials in the keychain it stops
// before any request and names each missing value and the step to enter them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { STATE_FILE, startDriver, throwawayHome } from "./lib/app.mjs";
import { netsuiteSetup, writeState } from "./lib/seed.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

let home, drv, driver;

before(async () => {
  home = throwawayHome();
  writeState(home, [
    netsuiteSetup({
      id: "run-1",
      label: "Run from the window",
      currentStep: "validate",
      doneSteps: ["account", "profile", "features", "role", "integration", "user", "credentials"],
    }),
  ]);
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

test("Run checks without stored credentials names the missing ones and sends nothing", async () => {
  await (await waitFor(driver, By.xpath("//button[contains(., 'Resume')]"), "the saved setup")).click();
  await (await waitFor(driver, byTestId("run-start"), "the Run checks button")).click();

  const alert = await waitFor(driver, By.css('.run-panel [role="alert"]'), "the run's error");
  const text = await alert.getText();
  for (const label of ["Consumer key", "Consumer secret", "Token ID", "Token secret"]) {
    assert.ok(text.includes(label), `${label} in: ${text}`);
  }
  assert.match(text, /Credentials/);
  const rows = await driver.findElements(By.css('[data-testid="run-results"] [data-check-id]'));
  assert.equal(rows.length, 0);
  const saved = JSON.parse(readFileSync(join(home.appDataDir, STATE_FILE), "utf8"));
  assert.equal(saved.setups[0].last_run, null);
});
