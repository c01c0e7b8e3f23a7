// Small WebDriver helpers phrased the way a keyboard user moves through the app.
import { setTimeout as sleep } from "node:timers/promises";
import { By, Key, until } from "selenium-webdriver";

export const byTestId = (id) => By.css(`[data-testid="${id}"]`);

export async function waitFor(driver, locator, what, timeout = 15_000) {
  const el = await driver.wait(until.elementLocated(locator), timeout, `waiting for ${what}`);
  await driver.wait(until.elementIsVisible(el), timeout, `waiting for ${what} to show`);
  return el;
}

/**
 * Clicks `el` once it has stopped moving: a click aims at where the element
 * is, and content still loading above it (a step's secret fields) can move it
 * away between the aim and the click.
 */
export async function clickWhenSteady(driver, el) {
  let last = null;
  await driver.wait(
    async () => {
      const r = JSON.stringify(await el.getRect());
      const steady = r === last;
      last = r;
      if (!steady) await sleep(150);
      return steady;
    },
    10_000,
    "the element to stop moving",
  );
  await el.click();
}

/** The focused element, named by its data-testid or else its visible text. */
export async function focused(driver) {
  return driver.executeScript(`
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.getAttribute("data-testid") || el.textContent.trim().replace(/\\s+/g, " ");
  `);
}

export async function press(driver, ...keys) {
  await driver.actions().sendKeys(...keys).perform();
}

/** Presses Tab until `predicate(focusedName)` holds; returns every name passed on the way. */
export async function tabUntil(driver, predicate, max = 100) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await press(driver, Key.TAB);
    const name = await focused(driver);
    seen.push(name);
    if (name !== null && predicate(name)) return seen;
  }
  throw new Error(`focus never reached the target; it visited: ${JSON.stringify(seen)}`);
}

export async function currentStep(driver) {
  const el = await driver.findElement(By.css('[data-testid="step-rail"] [aria-current="step"]'));
  return el.getAttribute("data-testid");
}

export { By, Key, until };
