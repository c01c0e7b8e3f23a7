// (d) A validation run from the window: progress streams over a Tauri channel
// and every check of the system suite passes on a working machine (real
// keychain, real settings file, simulator on loopback).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { STATE_FILE, startDriver, throwawayHome } from "./lib/app.mjs";
import { netsuiteSetup, writeState } from "./lib/seed.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

const CHECKS = ["app.data_dir", "app.keychain", "app.settings_store", "app.simulator"];
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

test("Run checks streams each result into the list and records the run", async () => {
  await (await waitFor(driver, By.xpath("//button[contains(., 'Resume')]"), "the saved setup")).click();
  await (await waitFor(driver, byTestId("run-start"), "the Run checks button")).click();

  const rows = async () =>
    driver.executeScript(`
      return [...document.querySelectorAll('[data-testid="run-results"] [data-check-id]')]
        .map((li) => [li.getAttribute("data-check-id"), li.getAttribute("data-status")]);
    `);
  await driver.wait(async () => (await rows()).length === CHECKS.length, 30_000, "every check reported");
  const results = Object.fromEntries(await rows());
  assert.deepEqual(Object.keys(results).sort(), CHECKS);
  for (const id of CHECKS) assert.equal(results[id], "pass", `${id}: ${JSON.stringify(results)}`);

  const progress = await driver.findElement(byTestId("run-progress"));
  assert.equal(await progress.getAttribute("aria-valuenow"), String(CHECKS.length));

  await driver.wait(
    () => JSON.parse(readFileSync(join(home.appDataDir, STATE_FILE), "utf8")).setups[0].last_run?.passed === 4,
    10_000,
    "the run's summary saved on the setup",
  );
});
