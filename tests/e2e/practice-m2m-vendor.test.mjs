// Practice netsuite/oauth-happy with M2M where the connector's vendor keeps
// the key: the vendor's private key sent by mistake is refused with why, the
// vendor's certificate (made by openssl, as a vendor would) is checked and
// mapped in the simulated NetSuite, and the run says the sign-in is not
// proven instead of ticking the setup.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { chooseMethod, enterClientId } from "./lib/oauth.mjs";
import { advanceTo, startScenario } from "./lib/practice.mjs";
import { By, byTestId, until, waitFor } from "./lib/ui.mjs";

let home, driver;
appForFile((app) => ({ home, driver } = app));

/** Types `path` into the certificate field and presses Check. */
async function importFile(path) {
  const field = await waitFor(driver, byTestId("vendor-cert-path"), "the certificate path field");
  await field.clear();
  await field.sendKeys(path);
  await (await driver.findElement(byTestId("vendor-cert-import"))).click();
}

test("a vendor's certificate is checked, mapped, and the run says the sign-in is not proven", async () => {
  const cert = join(home.home, "connector.crt");
  const key = join(home.home, "connector.key");
  execFileSync("openssl", [
    "req", "-x509", "-nodes", "-subj", "/CN=connector.vendor.example",
    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-days", "365",
    "-keyout", key, "-out", cert,
  ], { stdio: "ignore" });

  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-m2m");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await (await waitFor(driver, byTestId("m2m-holder-vendor"), "the vendor option")).click();

  await importFile(key);
  const refused = await waitFor(driver, By.xpath("//*[contains(., 'NetSuite would not take this certificate')]"), "the refusal");
  assert.match(await refused.getText(), /private key/);

  await importFile(cert);
  const algorithm = await waitFor(driver, byTestId("vendor-cert-algorithm-value"), "the imported certificate", 20_000);
  assert.equal(await algorithm.getText(), "ES384");

  await (await driver.findElement(byTestId("m2m-practice-upload"))).click();
  const certId = await (await waitFor(driver, byTestId("m2m-practice-cert-id"), "the Certificate ID")).getText();
  await (await driver.findElement(byTestId("m2m-cert-id-input"))).sendKeys(certId);
  await (await driver.findElement(byTestId("m2m-cert-id-save"))).click();
  await driver.wait(until.elementTextIs(await waitFor(driver, byTestId("m2m-cert-id-value"), "the saved ID"), certId), 10_000);

  await advanceTo(driver, "validate");
  await (await waitFor(driver, byTestId("run-start"), "the Run checks button")).click();
  const summary = await waitFor(driver, By.css('section.run-summary[aria-label="Run summary"]'), "the run's summary", 30_000);
  assert.match(await summary.getText(), /Not proven: no check could run/);
  assert.doesNotMatch(await summary.getText(), /All checks passed/);
  assert.match(await (await driver.findElement(byTestId("run-next"))).getText(), /Certificate ID/);
  const auth = await driver.findElement(By.css('[data-testid="run-results"] [data-check-id="netsuite.auth"]'));
  assert.equal(await auth.getAttribute("data-status"), "skip");
  assert.match(await auth.getText(), /vendor keeps the private key/);
});
