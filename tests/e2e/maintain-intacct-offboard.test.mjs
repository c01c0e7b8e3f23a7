// Offboarding the Web Services user of a Sage Intacct practice setup
// (intacct/happy) from the Maintain page: the simulated company's
// administrator's user ID and password go to the keychain write-only, the
// preview names the user and what stops working, and only the click sets the
// user inactive; the read-back shows STATUS inactive, the setup's own sign-in
// is refused, and a validation run afterwards fails at sign-in.
import assert from "node:assert/strict";
import { test } from "node:test";
import { audit } from "./lib/a11y.mjs";
import { appForFile } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { byTestId, until, waitFor } from "./lib/ui.mjs";

let driver;
appForFile((app) => ({ driver } = app));

test("an Intacct practice setup offboards its Web Services user with a read-back proof", async () => {
  await startScenario(driver, "intacct/happy");
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.ok(Object.values(first).every((s) => s !== "fail"), JSON.stringify(first));

  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  await (await waitFor(driver, byTestId("maintain-offboard"), "the offboarding task")).click();
  await waitFor(driver, byTestId("intacct-offboard-panel"), "the offboarding flow");
  const preview = await waitFor(driver, byTestId("intacct-offboard-preview"), "the preview button");
  assert.equal(await preview.isEnabled(), false, "no preview before the administrator's sign-in is stored");

  const user = await (await waitFor(driver, byTestId("maintain-value-intacct.user_id"), "the simulated administrator")).getText();
  const password = await (await driver.findElement(byTestId("maintain-value-intacct.user_password"))).getText();
  assert.equal(user, "admin_jane");
  await (await driver.findElement(byTestId("intacct-admin-user"))).sendKeys(user);
  await (await driver.findElement(byTestId("intacct-admin-password"))).sendKeys(password);
  await (await driver.findElement(byTestId("intacct-admin-save"))).click();
  const status = await driver.findElement(byTestId("intacct-admin-status"));
  await driver.wait(until.elementTextContains(status, "stored in the keychain"), 15_000, "the administrator stored");
  assert.equal(await (await driver.findElement(byTestId("intacct-admin-password"))).getAttribute("value"), "");

  await driver.wait(until.elementIsEnabled(preview), 10_000, "the preview button enabled");
  await preview.click();
  const changes = await waitFor(driver, byTestId("intacct-offboard-changes"), "the previewed changes", 30_000);
  assert.match(await changes.getText(), /Set Web Services user xml_onramp \(record 1\) inactive/);
  assert.match(await changes.getText(), /Sender ID onramp_practice stays authorised/);
  await audit(driver, "Maintain, Intacct offboarding preview");

  await (await driver.findElement(byTestId("intacct-offboard-confirm"))).click();
  const done = await waitFor(driver, byTestId("intacct-offboard-done"), "the change made", 30_000);
  assert.match(await done.getText(), /STATUS = inactive/);
  assert.match(await done.getText(), /Consented by Sage Intacct administrator admin_jane/);
  assert.match(await (await driver.findElement(byTestId("intacct-offboard-refused"))).getText(), /refused now.*inactive/s);
  assert.match(await (await driver.findElement(byTestId("intacct-offboard-sender"))).getText(), /Web Services authorizations/);

  await (await driver.findElement(byTestId("maintain-back"))).click();
  await advanceTo(driver, "validate");
  const after = await runChecks(driver);
  assert.equal(after["intacct.login"], "fail", JSON.stringify(after));
});
