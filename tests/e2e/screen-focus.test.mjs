// Keyboard only: after each screen change the new screen's heading has focus,
// so a keyboard or screen-reader user starts where the content changed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { Key, press, tabUntil, waitFor, byTestId } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

const focusedHeading = () =>
  driver.executeScript(`
    const el = document.activeElement;
    return el && /^H[12]$/.test(el.tagName) ? el.textContent.trim() : null;
  `);

async function expectHeading(text) {
  await driver.wait(async () => (await focusedHeading()) === text, 10_000, `focus on the heading "${text}"`);
}

test("each screen change puts focus on the new screen's heading", async () => {
  await waitFor(driver, byTestId("home-practice"), "the home screen");
  await expectHeading("Onramp");
  for (const [button, heading] of [
    ["home-practice", "Practice mode"],
    ["home-import", "Import a setup profile"],
    ["home-compare", "Compare two setups"],
    ["home-profiles", "Connector profiles"],
    ["home-new-netsuite", "New NetSuite setup"],
  ]) {
    await tabUntil(driver, (name) => name === button);
    await press(driver, Key.ENTER);
    await expectHeading(heading);
    // Back home from the keyboard too.
    await tabUntil(driver, (name) => /^(← Home|Back)$/.test(name));
    await press(driver, Key.ENTER);
    await expectHeading("Onramp");
  }
});
