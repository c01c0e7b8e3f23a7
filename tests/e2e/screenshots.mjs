// Screenshots of every step of the practice flows, in the real window at
// 800×600, in the light and the dark theme. Run by hand (not part of the test
// run), after building the app as for the e2e tests:
//
//   ONRAMP_APP_BINARY=$PWD/../../target/debug/onramp ../../scripts/with-keyring.sh \
//     xvfb-run -a -s "-screen 0 1024x768x24 -noreset" node screenshots.mjs
//
// Writes docs/screenshots/<erp>/<light|dark>/<nn>-<step>.png (palette PNGs, to
// keep the repository small). The UI follows
// prefers-color-scheme, which WebKitGTK takes from the GTK theme: GTK_THEME
// picks it per launch.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { applyPracticeFix, rerunFailed } from "./lib/fix.mjs";
import { shrinkPng } from "./lib/png.mjs";
import { allowConsent, chooseMethod, enterClientId, storeClientSecret } from "./lib/oauth.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { By, byTestId, clickWhenSteady, currentStep, Key, until, waitFor } from "./lib/ui.mjs";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "screenshots");
const THEMES = { light: "Adwaita", dark: "Adwaita:dark" };
// A fault scenario per ERP, so Validate shows a failure, its fix and the re-run.
const FLOWS = { netsuite: "netsuite/missing-currency-permission", intacct: "intacct/missing-ar-permission" };

async function shoot(driver, erp, theme, name) {
  const dir = join(OUT, erp, theme);
  mkdirSync(dir, { recursive: true });
  // Let focus rings and late content settle.
  await driver.sleep(300);
  writeFileSync(join(dir, `${name}.png`), shrinkPng(Buffer.from(await driver.takeScreenshot(), "base64")));
  console.log(`${erp}/${theme}/${name}.png`);
}

async function scrollTo(driver, testId) {
  const el = await waitFor(driver, byTestId(testId), testId);
  await driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", el);
}

async function walk(driver, erp, theme) {
  await startScenario(driver, FLOWS[erp]);
  for (let n = 1; n <= 12; n++) {
    const step = (await currentStep(driver)).slice("step-".length);
    const name = `${String(n).padStart(2, "0")}-${step}`;
    if (step === "credentials") await pasteSimulatedValues(driver);
    if (step === "validate") {
      await runChecks(driver);
      await driver.executeScript("window.scrollTo(0, 0)");
      await shoot(driver, erp, theme, name);
      const failed = await driver.findElement(By.css('[data-testid="run-results"] [data-status="fail"]'));
      await driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", failed);
      await shoot(driver, erp, theme, `${name}-failure`);
      await scrollTo(driver, "practice-fix");
      await shoot(driver, erp, theme, `${name}-fix`);
      await applyPracticeFix(driver);
      await rerunFailed(driver);
      await scrollTo(driver, "rerun-verdict");
      await shoot(driver, erp, theme, `${name}-rerun`);
      // A full run records the fixed setup as validated for the report.
      await (await driver.findElement(byTestId("run-start"))).click();
      await driver.wait(
        async () =>
          (await driver.findElements(byTestId("rerun-verdict"))).length === 0 &&
          (await driver.findElements(By.css("section.run-summary.ok"))).length > 0,
        30_000,
        "a passing full run",
      );
    } else {
      await driver.executeScript("window.scrollTo(0, 0)");
      await shoot(driver, erp, theme, name);
    }
    const next = await driver.findElements(byTestId("next-step"));
    if (next.length === 0) return;
    // Results above it may still be settling: aim at the button where it is now.
    await driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", next[0]);
    await clickWhenSteady(driver, next[0]);
    await driver.wait(async () => (await currentStep(driver)) !== `step-${step}`, 10_000, `leaving ${step}`);
  }
}

// The NetSuite steps that differ with OAuth 2.0, in `netsuite-oauth/<theme>/`.
async function walkOAuth(driver, theme) {
  const erp = "netsuite-oauth";
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-code");
  await driver.executeScript("window.scrollTo(0, 0)");
  await shoot(driver, erp, theme, "01-auth");
  await advanceTo(driver, "integration");
  await driver.executeScript("window.scrollTo(0, 0)");
  await shoot(driver, erp, theme, "02-integration-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await storeClientSecret(driver);
  const main = await driver.getWindowHandle();
  await (await waitFor(driver, byTestId("oauth-connect"), "the Connect button")).click();
  let consent;
  await driver.wait(async () => {
    consent = (await driver.getAllWindowHandles()).find((h) => h !== main);
    return consent !== undefined;
  }, 15_000, "the consent window");
  await driver.switchTo().window(consent);
  await driver.wait(until.elementLocated(By.css("select[name=principal]")), 15_000, "the consent form");
  await shoot(driver, erp, theme, "03-consent-page");
  await allowConsent(driver, consent, main);
  await scrollTo(driver, "oauth-connected");
  await waitFor(driver, byTestId("oauth-sub"), "who the token acts as", 20_000);
  await shoot(driver, erp, theme, "04-connected");
  await advanceTo(driver, "ownership");
  await (await waitFor(driver, byTestId("identity-check"), "the identity check")).click();
  await waitFor(driver, byTestId("identity-result"), "who the credentials act as", 30_000);
  await scrollTo(driver, "identity-result");
  await shoot(driver, erp, theme, "05-ownership");

  // A second practice setup for M2M, from the home screen.
  await (await driver.findElement(By.xpath("//header//button[contains(., 'All setups')]"))).click();
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-m2m");
  await advanceTo(driver, "integration");
  await driver.executeScript("window.scrollTo(0, 0)");
  await shoot(driver, erp, theme, "06-integration-m2m");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await (await driver.findElement(byTestId("m2m-generate"))).click();
  await waitFor(driver, byTestId("m2m-cert-path"), "the certificate file", 30_000);
  await (await driver.findElement(byTestId("m2m-practice-upload"))).click();
  await waitFor(driver, byTestId("m2m-practice-cert-id"), "the Certificate ID");
  await scrollTo(driver, "m2m-certificate");
  await shoot(driver, erp, theme, "07-certificate");
}

// Screens the step walks do not reach, in `wizard/<theme>/`: starting a practice
// setup, a connection made as the wrong user, a method the profile does not
// support, a secret typed but not stored, renaming a setup, its Maintain page
// and the list of setups.
async function walkWizard(driver, theme) {
  const erp = "wizard";
  await (await waitFor(driver, byTestId("home-practice"), "the Practice mode button")).click();
  await waitFor(driver, By.css('[data-scenario="netsuite/oauth-happy"] button'), "the scenarios");
  await shoot(driver, erp, theme, "01-practice");
  await (await driver.findElement(By.css('[data-scenario="netsuite/oauth-happy"] button'))).click();
  await waitFor(driver, byTestId("step-rail"), "the practice setup");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  await storeClientSecret(driver);
  const main = await driver.getWindowHandle();
  await (await waitFor(driver, byTestId("oauth-connect"), "the Connect button")).click();
  let consent;
  await driver.wait(async () => {
    consent = (await driver.getAllWindowHandles()).find((h) => h !== main);
    return consent !== undefined;
  }, 15_000, "the consent window");
  await allowConsent(driver, consent, main, "7:3");
  await waitFor(driver, byTestId("oauth-wrong-user"), "the wrong-user warning", 20_000);
  await scrollTo(driver, "oauth-status");
  await shoot(driver, erp, theme, "02-connected-wrong-user");

  await (await driver.findElement(byTestId("step-profile"))).click();
  await driver.wait(async () => (await currentStep(driver)) === "step-profile", 10_000, "the profile step");
  const billing = await waitFor(driver, By.xpath('//label[.//*[contains(text(),"Zuora Billing")]]//input'), "Zuora Billing");
  await billing.click();
  await driver.wait(async () => billing.isSelected(), 10_000, "Zuora Billing saved");
  await advanceTo(driver, "auth");
  await waitFor(driver, byTestId("auth-method-none"), "no method chosen");
  await driver.executeScript("window.scrollTo(0, 0)");
  await shoot(driver, erp, theme, "03-auth-unsupported-dropped");

  const tba = await driver.findElement(byTestId("auth-method-tba"));
  await tba.click();
  await driver.wait(async () => tba.isSelected(), 10_000, "TBA saved");
  await advanceTo(driver, "credentials");
  const field = await waitFor(driver, byTestId("secret-input-netsuite.token_secret"), "the token secret field");
  await field.sendKeys("typed-but-not-stored");
  await (await driver.findElement(byTestId("next-step"))).click();
  await waitFor(driver, byTestId("unsaved-secrets"), "the not-stored warning");
  await driver.executeScript("window.scrollTo(0, 0)");
  await shoot(driver, erp, theme, "04-unsaved-secret");
  await (await driver.findElement(byTestId("unsaved-stay"))).click();

  await (await driver.findElement(byTestId("setup-rename"))).click();
  const name = await waitFor(driver, byTestId("setup-rename-input"), "the name field");
  await shoot(driver, erp, theme, "05-rename");
  await name.sendKeys(Key.ESCAPE);

  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  // The secret typed above is still not stored: leave it.
  await (await waitFor(driver, byTestId("unsaved-leave"), "Leave without storing")).click();
  await waitFor(driver, byTestId("maintain-back"), "the Maintain page");
  await driver.executeScript("window.scrollTo(0, 0)");
  await shoot(driver, erp, theme, "06-maintain");

  await (await driver.findElement(By.xpath("//button[contains(., 'All setups')]"))).click();
  await scrollTo(driver, "setup-list");
  await shoot(driver, erp, theme, "07-setups");
}

// SCREENSHOT_FLOWS=intacct,netsuite-oauth shoots only those flows; SCREENSHOT_THEMES=dark only that theme.
const flows = process.env.SCREENSHOT_FLOWS?.split(",") ?? [...Object.keys(FLOWS), "netsuite-oauth", "wizard"];
const themes = process.env.SCREENSHOT_THEMES?.split(",") ?? Object.keys(THEMES);
for (const [theme, gtkTheme] of Object.entries(THEMES).filter(([t]) => themes.includes(t))) {
  for (const erp of flows) {
    const home = throwawayHome();
    home.env.GTK_THEME = gtkTheme;
    const drv = await startDriver(home);
    const driver = await drv.launch();
    try {
      await driver.manage().window().setRect({ width: 800, height: 600 });
      const size = await driver.executeScript("return [window.innerWidth, window.innerHeight]");
      console.log(`window ${size.join("×")}, ${theme}`);
      const walkers = { "netsuite-oauth": walkOAuth, wizard: walkWizard };
      await (walkers[erp] ?? ((d, t) => walk(d, erp, t)))(driver, theme);
    } finally {
      await driver.quit();
      await drv.stop();
      await home.remove();
    }
  }
}
