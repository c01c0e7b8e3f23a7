// A setup renamed from its header is listed under its new name; archived, it
// hides behind "Show archived (n)" and comes back with its keychain entries;
// deleting it asks first, naming the keychain entries it removes, and a
// refused confirmation keeps it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, startScenario } from "./lib/practice.mjs";
import { By, Key, byTestId, until, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

const NAME = "Wolfe billing rehearsal";

test("a setup is renamed from its header and listed under its new name", async () => {
  await startScenario(driver, "netsuite/happy");
  await (await waitFor(driver, byTestId("setup-rename"), "Rename")).click();
  const input = await waitFor(driver, byTestId("setup-rename-input"), "the name field");
  await input.clear();
  await input.sendKeys(NAME);
  await (await driver.findElement(byTestId("setup-rename-save"))).click();
  await driver.wait(until.elementLocated(By.xpath(`//header//h1[normalize-space(.)='${NAME}']`)), 10_000, "the new name");
  // Credentials in the keychain, for the delete confirmation to name.
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await (await driver.findElement(By.xpath("//button[normalize-space(.)='← All setups']"))).click();
  const list = await waitFor(driver, byTestId("setup-list"), "the setup list");
  await driver.wait(until.elementTextContains(list, NAME), 10_000, "listed under the new name");
});

test("an archived setup hides behind “Show archived (1)” and comes back, from the keyboard", async () => {
  await (await waitFor(driver, byTestId("setup-archive"), "Archive")).sendKeys(Key.ENTER);
  // The list is rendered anew (it says every setup is archived): read it in
  // one script, so no element found before a render is used after it.
  const listed = async () =>
    (await driver.executeScript(`return document.querySelector('[data-testid="setup-list"]')?.textContent ?? "";`)).includes(NAME);
  await driver.wait(async () => !(await listed()), 10_000, "the setup hidden");
  const toggle = await waitFor(driver, byTestId("show-archived"), "the archived toggle");
  assert.equal(await toggle.getText(), "Show archived (1)");
  await toggle.sendKeys(Key.ENTER);
  const shown = await waitFor(driver, By.css('[data-setup-id][data-archived="true"]'), "the archived setup shown");
  assert.match(await shown.getText(), new RegExp(`${NAME} \\(archived\\)`));
  await (await shown.findElement(byTestId("setup-unarchive"))).sendKeys(Key.ENTER);
  await waitFor(driver, By.css('[data-setup-id][data-archived="false"]'), "unarchived");
  await (await driver.findElement(byTestId("show-archived"))).sendKeys(Key.ENTER);
  await driver.wait(async () => (await driver.findElements(byTestId("show-archived"))).length === 0, 10_000, "nothing archived");
  // Its keychain entries are still there: the delete confirmation below names all four.
});

test("deleting asks first; declining keeps the setup, accepting removes it", async () => {
  const remove = await waitFor(driver, byTestId("setup-delete"), "Delete");
  await remove.click();
  await driver.wait(until.alertIsPresent(), 10_000, "the confirmation");
  const ask = await driver.switchTo().alert();
  const text = await ask.getText();
  assert.match(text, new RegExp(`^Delete “${NAME}”\\? These keychain entries are removed: `));
  for (const name of ["netsuite.consumer_key", "netsuite.consumer_secret", "netsuite.token_id", "netsuite.token_secret"]) {
    assert.ok(text.includes(name), `${name} named in: ${text}`);
  }
  await ask.dismiss();
  assert.match(await (await driver.findElement(byTestId("setup-list"))).getText(), new RegExp(NAME));
  await (await driver.findElement(byTestId("setup-delete"))).click();
  await driver.wait(until.alertIsPresent(), 10_000, "the confirmation again");
  await (await driver.switchTo().alert()).accept();
  await driver.wait(
    async () => !(await (await driver.findElement(byTestId("setup-list"))).getText()).includes(NAME),
    10_000,
    "the setup gone",
  );
});
