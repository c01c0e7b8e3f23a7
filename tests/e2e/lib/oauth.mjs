// NetSuite OAuth 2.0 in Practice mode, as a user walks it: choose the sign-in
// method, enter the simulated Client ID (and secret) shown on the page.
import { advanceTo } from "./practice.mjs";
import { By, byTestId, until, waitFor } from "./ui.mjs";

/** On the Sign-in method step, picks `method` and waits until it is saved. */
export async function chooseMethod(driver, method) {
  await advanceTo(driver, "auth");
  const radio = await waitFor(driver, byTestId(`auth-method-${method}`), `the ${method} option`);
  await radio.click();
  await driver.wait(async () => (await radio.isSelected()) === true, 10_000, `${method} saved`);
}

/** The simulated value shown for `name` on the practice panel. */
export async function practiceValue(driver, name) {
  const el = await waitFor(driver, byTestId(`practice-value-${name}`), `the simulated ${name}`);
  return el.getText();
}

/** Copies the simulated Client ID into its field and saves it. */
export async function enterClientId(driver) {
  const clientId = await practiceValue(driver, "netsuite.oauth2_client_id");
  await (await waitFor(driver, byTestId("oauth-client-id-input"), "the Client ID field")).sendKeys(clientId);
  await (await driver.findElement(byTestId("oauth-client-id-save"))).click();
  const saved = await waitFor(driver, byTestId("oauth-client-id-value"), "the saved Client ID");
  await driver.wait(until.elementTextIs(saved, clientId), 10_000, "the Client ID saved");
  return clientId;
}

/** Stores the simulated client secret in the keychain through its secret field. */
export async function storeClientSecret(driver) {
  const name = "netsuite.oauth2_client_secret";
  const secret = await practiceValue(driver, name);
  await (await waitFor(driver, byTestId(`secret-input-${name}`), "the client secret field")).sendKeys(secret);
  await (await driver.findElement(byTestId(`secret-save-${name}`))).click();
  const status = await driver.findElement(byTestId(`secret-status-${name}`));
  await driver.wait(until.elementTextContains(status, "Stored in your system keychain"), 15_000, "client secret stored");
  return secret;
}

export { By };
