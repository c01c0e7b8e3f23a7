// The profile/method rule as a consultant meets it: the Zuora billing profile
// signs in with TBA only, so OAuth 2.0 is not offered; an OAuth 2.0 choice made
// under a profile that allowed it is not kept when Billing is chosen; the
// Sign-in method step is not left until a supported method is chosen.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { advanceTo, startScenario } from "./lib/practice.mjs";
import { By, byTestId, currentStep, until, waitFor } from "./lib/ui.mjs";

let home, drv, driver;

before(async () => {
  home = throwawayHome();
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

const methodsOffered = () =>
  driver.executeScript(
    `return [...document.querySelectorAll('[data-testid^="auth-method-"][type="radio"]')].map((r) => r.value);`,
  );

async function jumpTo(step) {
  await (await waitFor(driver, byTestId(`step-${step}`), `the ${step} step on the rail`)).click();
  await driver.wait(async () => (await currentStep(driver)) === `step-${step}`, 10_000, `on ${step}`);
}

async function pickProfile(name) {
  const radio = await waitFor(driver, By.xpath(`//fieldset[contains(@class,"profile-picker")]//label[.//*[contains(text(),"${name}")]]//input`), name);
  await radio.click();
  await driver.wait(async () => radio.isSelected(), 10_000, `${name} saved`);
}

test("a sign-in method the connector profile does not support can never be chosen or kept", async () => {
  // netsuite/happy uses the Zuora billing profile (TBA only).
  await startScenario(driver, "netsuite/happy");
  await advanceTo(driver, "auth");
  await driver.wait(async () => (await methodsOffered()).length > 0, 10_000, "the methods");
  assert.deepEqual(await methodsOffered(), ["tba"], "only TBA is offered");
  const unsupported = await driver.findElement(byTestId("auth-methods-unsupported")).getText();
  assert.match(unsupported, /not offered: OAuth 2\.0 — authorization code, OAuth 2\.0 — client credentials/);

  // A profile that allows OAuth 2.0, and that choice.
  await jumpTo("profile");
  await pickProfile("Read-only reporting");
  await advanceTo(driver, "auth");
  await driver.wait(async () => (await methodsOffered()).length === 3, 10_000, "three methods under reporting");
  const code = await driver.findElement(byTestId("auth-method-oauth2-code"));
  await code.click();
  await driver.wait(async () => code.isSelected(), 10_000, "OAuth 2.0 saved");

  // Back to Billing: the OAuth 2.0 choice is dropped, nothing is chosen instead.
  await jumpTo("profile");
  await pickProfile("Zuora Billing");
  await advanceTo(driver, "auth");
  await driver.wait(async () => (await methodsOffered()).join() === "tba", 10_000, "TBA only again");
  const tba = await driver.findElement(byTestId("auth-method-tba"));
  assert.equal(await tba.isSelected(), false, "nothing is chosen for the user");
  await waitFor(driver, byTestId("auth-method-none"), "the no-method note");
  const next = await driver.findElement(byTestId("next-step"));
  assert.equal(await next.isEnabled(), false, "the step is not left without a method");
  assert.match(await driver.findElement(byTestId("choice-missing")).getText(), /Choose how the connector signs in/);

  await tba.click();
  await driver.wait(until.elementIsEnabled(next), 10_000, "the next button once TBA is chosen");
  await next.click();
  await driver.wait(async () => (await currentStep(driver)) !== "step-auth", 10_000, "leaving the method step");
});
