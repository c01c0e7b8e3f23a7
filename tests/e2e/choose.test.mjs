// The system's file chooser beside a typed path: a real GTK dialog over the
// app's window, driven with xdotool the way a user types a path into it. What
// the user picks fills the field; Escape leaves it as it was, and the next
// chooser still opens.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { inChooser } from "./lib/chooser.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

let home, driver;
appForFile((app) => ({ home, driver } = app));


test("a file picked in the system's chooser fills the import field", async () => {
  const file = join(home.home, "from-the-customer.json");
  writeFileSync(file, "{}");
  await (await waitFor(driver, byTestId("home-import"), "the import button")).click();
  const field = await waitFor(driver, byTestId("import-path"), "the import path field");
  await (await driver.findElement(byTestId("import-path-choose"))).click();
  // Typing "/" opens the chooser's location entry.
  await inChooser("Choose a .json file: File", file, "key:Return");
  await driver.wait(async () => (await field.getAttribute("value")) === file, 15_000, "the chosen path in the field");
});

test("Escape in the chooser keeps what was typed", async () => {
  const field = await driver.findElement(byTestId("import-path"));
  await field.clear();
  await field.sendKeys("/typed/by/hand.json");
  await (await driver.findElement(byTestId("import-path-choose"))).click();
  await inChooser("Choose a .json file: File", "key:Escape");
  const choose = await driver.findElement(byTestId("import-path-choose"));
  await driver.wait(async () => choose.isEnabled(), 15_000, "the chooser closed");
  assert.equal(await field.getAttribute("value"), "/typed/by/hand.json");
});

// After Escape above: a chooser opens again (GTK's native-dialog fallback,
// which Tauri's dialog plugin uses, would stay hidden until a restart).
test("after a cancelled chooser, a folder picked in the next one becomes the export folder", async () => {
  const folder = join(home.home, "exports-for-acme");
  mkdirSync(folder);
  await (await driver.findElement(By.xpath("//button[contains(., 'Home')]"))).click();
  await (await waitFor(driver, byTestId("home-profiles"), "the connector profiles button")).click();
  const field = await waitFor(driver, byTestId("profiles-export-folder"), "the export folder field");
  await (await driver.findElement(byTestId("profiles-export-folder-choose"))).click();
  await inChooser("Choose a folder: Export to folder", folder, "key:Return");
  await driver.wait(async () => (await field.getAttribute("value")) === folder, 15_000, "the chosen folder in the field");
});
