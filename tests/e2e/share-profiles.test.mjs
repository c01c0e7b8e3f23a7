// Connector profiles as a consultant uses them: copy a read-only built-in,
// change it in the form (core's rules are checked as they type), save it,
// export it as TOML, and pick it on a setup's Connector profile step.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { netsuiteSetup, writeState } from "./lib/seed.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

const exportDir = mkdtempSync(join(tmpdir(), "onramp-e2e-profiles-"));
let home, drv, driver;

before(async () => {
  home = throwawayHome();
  writeState(home, [netsuiteSetup({ id: "p-1", label: "Acme billing", currentStep: "profile", doneSteps: ["account"] })]);
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
  rmSync(exportDir, { recursive: true, force: true });
});

test("a copy of a built-in profile is edited, validated, saved, exported and offered on a setup", async () => {
  await (await waitFor(driver, byTestId("home-profiles"), "the connector profiles button")).click();
  const builtin = await waitFor(driver, By.css('[data-profile-id="netsuite-zuora-billing"]'), "the built-in profile");
  assert.match(await builtin.getText(), /Built-in \(read-only\)/);
  assert.equal((await builtin.findElements(By.xpath(".//button[starts-with(normalize-space(.), 'Edit')]"))).length, 0);
  await (await builtin.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Copy')]"))).click();

  const id = await waitFor(driver, byTestId("profile-id"), "the editor");
  assert.equal(await id.getAttribute("value"), "netsuite-zuora-billing-copy");
  // An id core refuses keeps Save disabled and names the field.
  await id.clear();
  await id.sendKeys("Acme Billing!");
  const issues = await waitFor(driver, byTestId("profile-issues"), "the validation issues");
  await driver.wait(until.elementTextContains(issues, "id"), 5_000);
  assert.equal(await (await driver.findElement(byTestId("profile-save"))).isEnabled(), false);
  await id.clear();
  await id.sendKeys("netsuite-acme-billing");
  const name = await driver.findElement(byTestId("profile-name"));
  await name.clear();
  await name.sendKeys("Acme billing connector");
  const save = await driver.findElement(byTestId("profile-save"));
  await driver.wait(until.elementIsEnabled(save), 5_000, "a valid profile");
  await save.click();

  const mine = await waitFor(driver, By.css('[data-profile-id="netsuite-acme-billing"]'), "the saved profile");
  assert.match(await mine.getText(), /Yours/);
  const folder = await driver.findElement(byTestId("profiles-export-folder"));
  await driver.wait(async () => (await folder.getAttribute("value")) !== "", 10_000, "the default folder");
  await folder.clear();
  await folder.sendKeys(exportDir);
  await (await mine.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Export')]"))).click();
  const file = await waitFor(driver, byTestId("exported-file"), "the exported file");
  const toml = readFileSync(await file.getText(), "utf8");
  assert.match(toml, /id = "netsuite-acme-billing"/);
  assert.match(toml, /LIST_CURRENCY/);

  // The setup's Connector profile step offers it next to the built-in ones.
  await (await driver.findElement(By.xpath("//button[contains(., 'Home')]"))).click();
  await (await waitFor(driver, By.xpath("//button[contains(., 'Resume')]"), "the saved setup")).click();
  await waitFor(driver, By.xpath("//label[contains(., 'Acme billing connector')]"), "the user's profile on the step");
});
