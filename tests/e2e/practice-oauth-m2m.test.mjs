// Practice netsuite/oauth-happy with OAuth 2.0 client credentials (M2M):
// generate the key pair and certificate in the app, upload it to the simulated
// NetSuite, enter the Certificate ID it shows, check who the credentials act
// as, and pass the real NetSuite suite against the simulator.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { appForFile, filesContaining } from "./lib/app.mjs";
import { chooseMethod, enterClientId } from "./lib/oauth.mjs";
import { advanceTo, runChecks, startScenario } from "./lib/practice.mjs";
import { byTestId, until, waitFor } from "./lib/ui.mjs";

let home, driver;
appForFile((app) => ({ home, driver } = app));

test("an M2M practice setup validates with a certificate generated in the app", async () => {
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-m2m");
  // The credentials step became the certificate step.
  assert.match(await (await driver.findElement(byTestId("step-credentials"))).getText(), /Certificate/);
  await advanceTo(driver, "credentials");
  await enterClientId(driver);

  assert.equal(await (await driver.findElement(byTestId("m2m-algorithm-ES256"))).isSelected(), true);
  await (await driver.findElement(byTestId("m2m-generate"))).click();
  const path = await (await waitFor(driver, byTestId("m2m-cert-path"), "the certificate file", 30_000)).getText();
  assert.ok(path.startsWith(home.home) && path.endsWith(".pem"), path);
  assert.ok(existsSync(path));
  assert.match(readFileSync(path, "utf8"), /^-----BEGIN CERTIFICATE-----/);
  assert.match(await (await driver.findElement(byTestId("m2m-certificate"))).getText(), /five active certificates/);

  await (await driver.findElement(byTestId("m2m-practice-upload"))).click();
  const certId = await (await waitFor(driver, byTestId("m2m-practice-cert-id"), "the Certificate ID")).getText();
  assert.ok(certId.length > 10, certId);
  await (await driver.findElement(byTestId("m2m-cert-id-input"))).sendKeys(certId);
  await (await driver.findElement(byTestId("m2m-cert-id-save"))).click();
  const saved = await waitFor(driver, byTestId("m2m-cert-id-value"), "the saved Certificate ID");
  await driver.wait(until.elementTextIs(saved, certId), 10_000);

  await advanceTo(driver, "ownership");
  await (await waitFor(driver, byTestId("identity-check"), "the identity check")).click();
  const who = await waitFor(driver, byTestId("identity-result"), "who the credentials act as", 30_000);
  const text = await who.getText();
  // Role names are behind Manage Roles, which the integration role does not hold.
  assert.match(text, /name not readable \(internal ID 1001\)/);
  assert.doesNotMatch(text, /not the one expected/);

  await advanceTo(driver, "validate");
  const results = await runChecks(driver);
  for (const [id, status] of Object.entries(results)) {
    assert.notEqual(status, "fail", `${id}: ${JSON.stringify(results)}`);
  }
  assert.equal(results["netsuite.auth"], "pass");
  assert.equal(results["netsuite.m2m_certificate"], "pass");

  // The private key went to the keychain only: no file under HOME holds it.
  assert.deepEqual(filesContaining(home.home, "PRIVATE KEY"), []);
});
