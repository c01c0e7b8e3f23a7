// NetSuite OAuth 2.0 in Practice mode, as a user walks it: choose the sign-in
// method, enter the simulated Client ID (and secret) shown on the page.
import assert from "node:assert/strict";
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

/** Presses Connect and returns the handle of the window showing the consent page. */
export async function connect(driver) {
  const before = await driver.getAllWindowHandles();
  await (await waitFor(driver, byTestId("oauth-connect"), "the Connect button")).click();
  await waitFor(driver, byTestId("oauth-launched"), "the sign-in launch notice");
  let handle;
  await driver.wait(
    async () => {
      handle = (await driver.getAllWindowHandles()).find((h) => !before.includes(h));
      return handle !== undefined;
    },
    15_000,
    "the consent window",
  );
  return handle;
}

/**
 * Answers the simulated consent page in its window: picks `principal`
 * ("employee:role") if given, presses Allow, and makes `main` current again.
 * Allow is pressed from a script on the next tick rather than by a WebDriver
 * click: the app closes this window as soon as it takes the redirect, and a
 * WebDriver click waits for the navigation it started, which in a window that
 * no longer exists can wait until the test's time runs out.
 */
export async function allowConsent(driver, consent, main, principal) {
  await driver.switchTo().window(consent);
  await driver.wait(until.elementLocated(By.css("select[name=principal]")), 15_000, "the consent form");
  if (principal) {
    await (await driver.findElement(By.css(`select[name=principal] option[value='${principal}']`))).click();
  }
  const allow = await driver.findElement(By.css("button[value=allow]"));
  await driver.executeScript("const b = arguments[0]; setTimeout(() => b.click(), 0);", allow);
  await driver.switchTo().window(main);
}

/** `allowConsent` as `principal`, then waits until the app has closed the consent window. */
export async function allowAndClose(driver, consent, main, principal) {
  await allowConsent(driver, consent, main, principal);
  await driver.wait(async () => (await driver.getAllWindowHandles()).length === 1, 15_000, "consent window closed");
}

/**
 * Connects, then plays the browser: answers the simulated consent page (Allow
 * for role 1001, user 13) outside the app, as a user whose browser cannot
 * return to Onramp, and returns the address NetSuite redirects to. The
 * consent window stays open; the main window is current again.
 */
export async function answerConsentOutsideTheApp(driver, main) {
  const consent = await connect(driver);
  await driver.switchTo().window(consent);
  const page = new URL(await driver.getCurrentUrl());
  await driver.switchTo().window(main);
  const form = new URL(page);
  form.search = "";
  const answer = await fetch(form, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `${page.search.slice(1)}&principal=13%3A1001&decision=allow`,
  });
  assert.equal(answer.status, 302);
  const location = answer.headers.get("location");
  assert.match(location, /^com\.onramp\.app:\/\/oauth\/callback\?/);
  return location;
}

export { By };
