// Practice mode as a user walks it: pick a scenario, step through to
// Credentials, paste the simulated values shown on the page (made-up
// simulator values, not secrets), then run the checks on Validate.
import { By, byTestId, clickWhenSteady, currentStep, until, waitFor } from "./ui.mjs";

/** Opens Practice mode from the home screen and starts `scenario` (`netsuite/happy`). */
export async function startScenario(driver, scenario) {
  await (await waitFor(driver, byTestId("home-practice"), "the Practice mode button")).click();
  const pick = await waitFor(driver, By.css(`[data-scenario="${scenario}"] button`), `scenario ${scenario}`);
  await pick.click();
  await waitFor(driver, byTestId("step-rail"), "the practice setup's steps");
}

/** Presses the step's main button until the rail's current step is `stepId`. */
export async function advanceTo(driver, stepId) {
  // Coming back from another screen (Maintain, Home), the rail renders a moment later.
  await waitFor(driver, byTestId("step-rail"), "the setup's steps");
  for (let i = 0; i < 12; i++) {
    if ((await currentStep(driver)) === `step-${stepId}`) return;
    const before = await currentStep(driver);
    await clickWhenSteady(driver, await waitFor(driver, byTestId("next-step"), "the step's next button"));
    await driver.wait(async () => (await currentStep(driver)) !== before, 10_000).catch(async (e) => {
      const alerts = await driver.executeScript(
        "return [...document.querySelectorAll('[role=alert], [role=alertdialog], dialog[open]')].map((a) => a.textContent.trim())",
      );
      throw new Error(`still on ${before} after its next button was clicked; alerts: ${JSON.stringify(alerts)}`, {
        cause: e,
      });
    });
  }
  throw new Error(`never reached step ${stepId}`);
}

/** Copies each simulated value from the practice panel into its secret field. */
export async function pasteSimulatedValues(driver) {
  await waitFor(driver, byTestId("practice-values"), "the simulated values panel");
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid^="practice-value-"]'))).length > 0,
    10_000,
    "the simulated values",
  );
  const values = await driver.executeScript(`
    return [...document.querySelectorAll('[data-testid^="practice-value-"]')]
      .map((el) => [el.getAttribute("data-testid").slice("practice-value-".length), el.textContent]);
  `);
  for (const [name, value] of values) {
    const input = await waitFor(driver, byTestId(`secret-input-${name}`), `the ${name} field`);
    await input.sendKeys(value);
    await (await driver.findElement(byTestId(`secret-save-${name}`))).click();
    const status = await driver.findElement(byTestId(`secret-status-${name}`));
    await driver.wait(until.elementTextContains(status, "Stored in your system keychain"), 15_000, `${name} stored`);
  }
  return values.map(([name]) => name);
}

/** Runs the checks and waits for the run's summary; returns {check id: status}. */
export async function runChecks(driver) {
  await (await waitFor(driver, byTestId("run-start"), "the Run checks button")).click();
  return runResults(driver);
}

/** Waits for the run under way (started by a click or by itself) to finish; returns {check id: status}. */
export async function runResults(driver) {
  await waitFor(driver, By.css('section.run-summary[aria-label="Run summary"]'), "the run's summary", 30_000);
  const rows = await driver.executeScript(`
    return [...document.querySelectorAll('[data-testid="run-results"] [data-check-id]')]
      .map((li) => [li.getAttribute("data-check-id"), li.getAttribute("data-status")]);
  `);
  return Object.fromEntries(rows);
}
