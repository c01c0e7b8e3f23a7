// Practice mode's fix loop as a user walks it: a failing run, the simulated
// "make this change" panel, then "Re-run failed checks"; and a step's own
// "I've done this — check it".
import { By, byTestId, waitFor } from "./ui.mjs";

/** {check id: status} of the results listed inside `scope` (a CSS selector). */
async function statuses(driver, scope) {
  const rows = await driver.executeScript(`
    return [...document.querySelectorAll('${scope} [data-check-id]')]
      .map((li) => [li.getAttribute("data-check-id"), li.getAttribute("data-status")]);
  `);
  return Object.fromEntries(rows);
}

/** Makes the simulated change offered after a failing run; returns the panel's text. */
export async function applyPracticeFix(driver) {
  const panel = await waitFor(driver, byTestId("practice-fix"), "the practice fix panel");
  const text = await panel.getText();
  await (await driver.findElement(byTestId("practice-fix-apply"))).click();
  await waitFor(driver, byTestId("practice-fix-applied"), "the change being made");
  return text;
}

/** Re-runs the failed checks and waits for the verdict; returns {check id: status} of the re-run. */
export async function rerunFailed(driver) {
  await (await waitFor(driver, byTestId("run-failed"), "the Re-run failed checks button")).click();
  await waitFor(driver, byTestId("rerun-verdict"), "the re-run's verdict", 30_000);
  return statuses(driver, '[data-testid="run-results"]');
}

/**
 * Presses the step's "I've done this — check it" and waits for its verdict (or
 * its error); returns {results, verdict, error} as the page shows them.
 */
export async function checkStep(driver) {
  await (await waitFor(driver, byTestId("check-it"), "the step's check button")).click();
  const done = await driver.wait(
    async () => {
      const verdict = await driver.findElements(byTestId("check-it-verdict"));
      if (verdict.length > 0) return verdict[0];
      const alert = await driver.findElements(By.css('[data-testid="check-it-panel"] [role="alert"]'));
      return alert.length > 0 ? alert[0] : null;
    },
    30_000,
    "the step check's verdict",
  );
  const isVerdict = (await done.getAttribute("data-testid")) === "check-it-verdict";
  return {
    results: await statuses(driver, '[data-testid="check-it-results"]'),
    verdict: isVerdict ? await done.getText() : null,
    error: isVerdict ? null : await done.getText(),
  };
}
