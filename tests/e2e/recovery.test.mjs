// (c) A corrupt settings file is moved aside, the app says so, and it works.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { STATE_FILE, startDriver, throwawayHome } from "./lib/app.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

const GARBAGE = '{"schema_version": 1, "setups": [{"id": "half-writ';
let home, drv, driver;

before(async () => {
  home = throwawayHome();
  mkdirSync(home.appDataDir, { recursive: true });
  writeFileSync(join(home.appDataDir, STATE_FILE), GARBAGE);
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

test("the recovery message names where the unreadable file went", async () => {
  const banner = await waitFor(driver, byTestId("store-recovery"), "the store recovery message");
  const aside = readdirSync(home.appDataDir).filter((f) => f.startsWith(`${STATE_FILE}.corrupt-`));
  assert.equal(aside.length, 1, `one quarantined file: ${readdirSync(home.appDataDir)}`);
  assert.equal(readFileSync(join(home.appDataDir, aside[0]), "utf8"), GARBAGE, "kept untouched");
  assert.ok((await banner.getText()).includes(aside[0]), "the message shows the new location");
});

test("the app is usable after recovery: a new setup is created and saved", async () => {
  await (await driver.findElement(byTestId("home-new-netsuite"))).click();
  const label = await waitFor(driver, By.css("input[placeholder^='e.g.']"), "the new setup form");
  await label.sendKeys("After recovery");
  await (await driver.findElement(By.xpath("//label[contains(., 'Account ID')]/following-sibling::input[1]"))).sendKeys(
    "1234567",
  );
  await (await driver.findElement(By.css("button[type=submit]"))).click();
  await waitFor(driver, byTestId("step-rail"), "the new setup's step rail");

  await driver.wait(
    () => {
      try {
        const saved = JSON.parse(readFileSync(join(home.appDataDir, STATE_FILE), "utf8"));
        return saved.setups.some((s) => s.label === "After recovery");
      } catch {
        return false;
      }
    },
    10_000,
    "the new setup saved to a fresh, valid store",
  );
  await driver.wait(until.elementLocated(By.css("[aria-current='step']")), 5_000);
});
