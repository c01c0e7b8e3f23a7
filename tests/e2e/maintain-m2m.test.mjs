// The Maintain page of an M2M practice setup (scenario netsuite/oauth-maintain,
// which has a second integration user, internal ID 14): move the integration
// to the new owner with a certificate mapped for them. The new key pair waits
// beside the working one, is mapped in the simulated NetSuite, and replaces it
// only after a full run whose token acts as the new owner.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile, filesContaining } from "./lib/app.mjs";
import { chooseMethod, enterClientId } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

let home, driver;
appForFile((app) => ({ home, driver } = app));

test("an M2M practice setup moves to a new owner with a certificate mapped for them", async () => {
  await startScenario(driver, "netsuite/oauth-maintain");
  await chooseMethod(driver, "oauth2-m2m");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await (await driver.findElement(byTestId("m2m-generate"))).click();
  await waitFor(driver, byTestId("m2m-cert-path"), "the certificate file", 30_000);
  await (await driver.findElement(byTestId("m2m-practice-upload"))).click();
  const certId = await (await waitFor(driver, byTestId("m2m-practice-cert-id"), "the Certificate ID")).getText();
  await (await driver.findElement(byTestId("m2m-cert-id-input"))).sendKeys(certId);
  await (await driver.findElement(byTestId("m2m-cert-id-save"))).click();
  await driver.wait(until.elementTextIs(await waitFor(driver, byTestId("m2m-cert-id-value"), "the saved ID"), certId), 10_000);
  await advanceTo(driver, "validate");
  const first = await runChecks(driver);
  assert.ok(Object.values(first).every((s) => s !== "fail"), JSON.stringify(first));

  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  await (await waitFor(driver, byTestId("maintain-owner"), "the change of owner")).click();
  const panel = await waitFor(driver, byTestId("m2m-panel"), "the M2M flow");
  assert.equal(await (await panel.findElement(byTestId("owner-current"))).getText(), "integration@wolfe.example");
  assert.equal(await (await driver.findElement(byTestId("owner-new-user"))).getAttribute("value"), "integration2@wolfe.example");
  assert.equal(await (await driver.findElement(byTestId("owner-new-entity"))).getAttribute("value"), "14");
  await (await driver.findElement(byTestId("owner-begin"))).click();

  const generate = await driver.findElement(byTestId("m2m-rotate-generate"));
  await driver.wait(until.elementIsEnabled(generate), 10_000, "the change started");
  await generate.click();
  await waitFor(driver, byTestId("m2m-rotate-path"), "the new certificate file", 30_000);
  await (await driver.findElement(byTestId("m2m-rotate-upload"))).click();
  const newId = await (await waitFor(driver, byTestId("m2m-rotate-cert-id"), "the new Certificate ID")).getText();
  assert.notEqual(newId, certId);

  const start = await driver.findElement(byTestId("proof-start"));
  await driver.wait(until.elementIsEnabled(start), 10_000, "ready to prove");
  await start.click();
  const outcome = await waitFor(driver, byTestId("proof-outcome"), "the proof's outcome", 60_000);
  assert.equal(await outcome.getAttribute("data-proven"), "yes", await outcome.getText());
  const owner = await driver.findElement(byTestId("owner-proof"));
  assert.equal(await owner.getAttribute("data-matches"), "true");
  assert.match(await owner.getText(), /internal ID 14/);
  const next = await (await driver.findElement(byTestId("proof-next-steps"))).getText();
  assert.match(next, new RegExp(`Certificate ID ${certId}`), "names the old mapping to revoke");
  assert.match(next, /Retire integration@wolfe\.example/);
  await driver.wait(
    async () => (await driver.findElement(byTestId("owner-current")).getText()) === "integration2@wolfe.example",
    10_000,
    "the setup now expects the new owner",
  );
  assert.equal((await driver.findElements(By.css("[role=alert]"))).length, 0);
  // Both private keys went to the keychain only.
  assert.deepEqual(filesContaining(home.home, "PRIVATE KEY"), []);
});
