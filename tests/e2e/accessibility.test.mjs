// Accessibility audit (axe-core) of every screen in the real window, in the
// light and the dark theme: no serious or critical violation anywhere. The
// app follows the system theme, which WebKitGTK takes from GTK_THEME.
import assert from "node:assert/strict";
import { test } from "node:test";
import { audit } from "./lib/a11y.mjs";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

const THEMES = { light: "Adwaita", dark: "Adwaita:dark" };

async function goHome(driver) {
  const back = await driver.findElements(By.xpath('//button[contains(., "← Home") or contains(., "← All setups") or normalize-space(.)="Back"]'));
  await back[0].click();
  await waitFor(driver, byTestId("home-practice"), "the home screen");
}

for (const [theme, gtkTheme] of Object.entries(THEMES)) {
  test(`every screen passes the audit in the ${theme} theme`, async () => {
    const home = throwawayHome();
    home.env.GTK_THEME = gtkTheme;
    const drv = await startDriver(home);
    const driver = await drv.launch();
    try {
      await everyScreen(driver, theme);
    } finally {
      await driver.quit();
      await drv.stop();
      await home.remove();
    }
  });
}

async function everyScreen(driver, theme) {
    const dark = await driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches");
    assert.equal(dark, theme === "dark", "the window follows the GTK theme");

    await waitFor(driver, byTestId("home-practice"), "the home screen");
    await audit(driver, "home");
    for (const [button, screen] of [
      ["home-new-netsuite", "new NetSuite setup"],
      ["home-new-intacct", "new Sage Intacct setup"],
      ["home-import", "import"],
      ["home-compare", "compare"],
      ["home-profiles", "connector profiles"],
      ["home-practice", "practice scenarios"],
    ]) {
      await (await waitFor(driver, byTestId(button), screen)).click();
      await driver.wait(async () => (await driver.findElements(byTestId("home-practice"))).length === 0, 10_000);
      await audit(driver, screen);
      await goHome(driver);
    }

    // A practice setup: every step, then a failing run's results and the Maintain page.
    await startScenario(driver, "netsuite/missing-currency-permission");
    const steps = await driver.executeScript(
      `return [...document.querySelectorAll('[data-testid="step-rail"] [data-testid^="step-"]')].map((b) => b.getAttribute("data-testid"))`,
    );
    assert.ok(steps.length >= 5, JSON.stringify(steps));
    // Walked in order, as a user does (the rail does not jump ahead of the work).
    for (const step of steps) {
      const id = step.slice("step-".length);
      await advanceTo(driver, id);
      await audit(driver, `practice ${step}`);
      if (id === "credentials") await pasteSimulatedValues(driver);
      if (id === "validate") break;
    }
    const results = await runChecks(driver);
    assert.equal(results["netsuite.permissions"], "fail", JSON.stringify(results));
    await audit(driver, "validation results with a failure");
    await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
    await waitFor(driver, byTestId("maintain-back"), "the Maintain page");
    await audit(driver, "maintain");
}
