// Reports, setup profiles and reproduction, as support meets them: a practice
// run with a fault is exported (report + setup profile), imported into a second
// installation with a fresh data folder, reproduced in Practice mode there
// (straight to a run, with no click), and fails the same checks. The credentials typed into the keychain during the
// run are in none of the exported files.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { filesContaining, filesUnder, startDriver, throwawayHome } from "./lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, runResults, startScenario } from "./lib/practice.mjs";
import { By, byTestId, currentStep, until, waitFor } from "./lib/ui.mjs";

const SCENARIO = "netsuite/missing-currency-permission";
const exportDir = mkdtempSync(join(tmpdir(), "onramp-e2e-exports-"));
let homeA, homeB, drv, driver;
/** The practice credentials typed into the keychain on the first installation. */
let planted = [];
let failingA = [];
let exported = [];

before(() => {
  homeA = throwawayHome();
  homeB = throwawayHome();
});

after(async () => {
  await driver?.quit().catch(() => {});
  await drv?.stop();
  await homeA?.remove();
  await homeB?.remove();
  rmSync(exportDir, { recursive: true, force: true });
});

const failing = (results) =>
  Object.entries(results)
    .filter(([, status]) => status === "fail")
    .map(([id]) => id)
    .sort();

/** Replaces a text field's content: empties it, then types (each key is an input event). */
async function retype(el, text) {
  await el.clear();
  await el.sendKeys(text);
}

/** Waits until `count` exported files are listed; an error shown instead fails with its text. */
async function waitForExports(count, what) {
  await driver.wait(
    async () => {
      const alert = await driver.executeScript(`return document.querySelector('[role="alert"]')?.textContent ?? null`);
      if (alert !== null) throw new Error(`${what}: ${alert}`);
      return (await exportedFiles()).length === count;
    },
    15_000,
    what,
  );
}

async function exportedFiles() {
  return driver.executeScript(
    `return [...document.querySelectorAll('[data-testid="exported-file"]')].map((e) => e.textContent);`,
  );
}

test("a practice run with a fault is exported as a report and a setup profile", async () => {
  drv = await startDriver(homeA);
  driver = await drv.launch();
  await startScenario(driver, SCENARIO);
  await advanceTo(driver, "credentials");
  await waitFor(driver, byTestId("practice-values"), "the simulated values panel");
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid^="practice-value-"]'))).length > 0,
    10_000,
  );
  planted = await driver.executeScript(
    `return [...document.querySelectorAll('[data-testid^="practice-value-"]')].map((el) => el.textContent);`,
  );
  assert.equal(planted.length, 4, "four TBA values to type into the keychain");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  failingA = failing(await runChecks(driver));
  assert.ok(failingA.includes("netsuite.permissions"), JSON.stringify(failingA));

  await advanceTo(driver, "report");
  await waitFor(driver, byTestId("report"), "the report step");
  const reported = await driver.executeScript(`
    return [...document.querySelectorAll('[data-testid="report-checks"] [data-check-id]')]
      .filter((li) => li.getAttribute("data-status") === "fail")
      .map((li) => li.getAttribute("data-check-id")).sort();
  `);
  assert.deepEqual(reported, failingA, "the report shows the run's failing checks");

  const folder = await waitFor(driver, byTestId("export-folder"), "the export folder field");
  // Pre-filled with a default folder; the user types another.
  await driver.wait(async () => (await folder.getAttribute("value")) !== "", 10_000, "the default folder");
  await retype(folder, exportDir);
  await (await driver.findElement(byTestId("export-report"))).click();
  await waitForExports(2, "the report files");
  await (await driver.findElement(byTestId("export-profile"))).click();
  await waitForExports(3, "the setup profile file");
  exported = await exportedFiles();

  const names = filesUnder(exportDir).sort();
  assert.deepEqual(names, [...exported].sort(), "the files the page names are the ones on disk");
  const html = exported.find((f) => f.endsWith(".html"));
  assert.match(readFileSync(html, "utf8"), /netsuite\.permissions/);
  assert.ok(exported.some((f) => /onramp-practice-setup-profile-.*\.json$/.test(f)), exported.join(", "));
});

test("everything exported from Practice says it is a simulation and names the scenario", async () => {
  // On screen, before anything is exported.
  const note = await driver.findElement(byTestId("report-simulation"));
  assert.match(await note.getText(), new RegExp(`simulation.*${SCENARIO}`, "s"));
  // The file names.
  for (const f of exported) assert.match(f, /\/onramp-practice-(report|setup-profile)-[^/]+\.(html|json)$/, f);
  // The page: banner, the fixed print header every printed page repeats, and every heading.
  const html = readFileSync(
    exported.find((f) => f.endsWith(".html")),
    "utf8",
  );
  assert.match(html, /<title>Onramp practice report \(simulation\)/);
  assert.ok(html.includes(`PRACTICE — SIMULATION · scenario ${SCENARIO}`), "the per-page print header");
  assert.ok(!/env-production">/.test(html), "a simulated account is never labelled production");
  const headings = [...html.matchAll(/<h[23][^>]*>(.*?)<\/h[23]>/g)].map((m) => m[1]);
  assert.ok(headings.length > 3, `headings: ${headings.length}`);
  for (const h of headings) assert.ok(h.includes("Practice — simulation"), `heading without the mark: ${h}`);
  // The JSON of the report and the setup profile.
  for (const f of exported.filter((f) => f.endsWith(".json"))) {
    const json = JSON.parse(readFileSync(f, "utf8"));
    assert.deepEqual(json.setup.simulation, { scenario: SCENARIO }, f);
  }
});

test("none of the credentials typed into the keychain is in an exported file or a stored run", async () => {
  assert.equal(planted.length, 4);
  assert.ok(exported.length === 3);
  for (const value of planted) {
    assert.ok(value.length >= 16, "a practice credential, not an empty string");
    assert.deepEqual(filesContaining(exportDir, value), [], `a planted secret in the exports`);
    assert.deepEqual(filesContaining(join(homeA.appDataDir, "runs"), value), [], `a planted secret in a run record`);
  }
  // The stored run exists (so the scan above looked at something).
  assert.ok(filesUnder(join(homeA.appDataDir, "runs")).length >= 1);
});

test("a second installation imports the profile, reproduces it and fails the same checks", async () => {
  await driver.quit();
  driver = null;
  await drv.stop();
  drv = await startDriver(homeB);
  driver = await drv.launch();

  await (await waitFor(driver, byTestId("home-import"), "the import button")).click();
  const profileFile = exported.find((f) => /onramp-practice-setup-profile-.*\.json$/.test(f));
  await (await waitFor(driver, byTestId("import-path"), "the import path field")).sendKeys(profileFile);
  await (await driver.findElement(byTestId("import-open"))).click();
  await waitFor(driver, byTestId("imported-profile"), "the imported profile");
  const shown = await driver.executeScript(`
    return [...document.querySelectorAll('[data-testid="imported-failing"] [data-check-id]')]
      .map((li) => li.getAttribute("data-check-id")).sort();
  `);
  assert.deepEqual(shown, failingA, "the import shows the checks that failed for the customer");

  // Reproduce goes straight to a run: on Validate, the simulated values already stored.
  await (await driver.findElement(byTestId("reproduce"))).click();
  await waitFor(driver, byTestId("step-rail"), "the reproduced practice setup");
  assert.match(await driver.findElement(By.css("[data-environment='practice']")).getText(), /simulation/i);
  assert.equal(await currentStep(driver), "step-validate");
  const reproduced = failing(await runResults(driver));
  assert.deepEqual(reproduced, failingA, "the reproduction fails exactly the same checks");
});

test("a wrong file is refused with the reason", async () => {
  // Back home, then import the HTML report instead of the profile.
  await (await driver.findElement(By.xpath("//button[contains(., 'All setups')]"))).click();
  await (await waitFor(driver, byTestId("home-import"), "the import button")).click();
  const html = exported.find((f) => f.endsWith(".html"));
  await (await waitFor(driver, byTestId("import-path"), "the import path field")).sendKeys(html);
  await (await driver.findElement(byTestId("import-open"))).click();
  const alert = await waitFor(driver, By.css('[role="alert"]'), "the refusal");
  await driver.wait(until.elementTextContains(alert, "HTML"), 5_000);
  assert.match(await alert.getText(), /export the JSON file/);
});

test("an Intacct practice run's passwords are in none of its exported files", async () => {
  await (await driver.findElement(By.xpath("//button[contains(., 'Home')]"))).click();
  await startScenario(driver, "intacct/missing-ar-permission");
  await advanceTo(driver, "credentials");
  await waitFor(driver, byTestId("practice-values"), "the simulated values panel");
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid^="practice-value-"]'))).length === 6,
    10_000,
  );
  // Sender and user IDs are identifiers the report names on purpose; the passwords
  // and the REST application's client secret are the secrets.
  const passwords = await driver.executeScript(`
    return ["intacct.sender_password", "intacct.user_password", "intacct.client_secret"]
      .map((n) => document.querySelector('[data-testid="practice-value-' + n + '"]').textContent);
  `);
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  assert.ok(failing(await runChecks(driver)).length > 0, "the scenario has a fault");
  await advanceTo(driver, "report");
  const folder = await waitFor(driver, byTestId("export-folder"), "the export folder field");
  const intacctDir = join(exportDir, "intacct");
  await retype(folder, intacctDir);
  await (await driver.findElement(byTestId("export-report"))).click();
  await waitForExports(2, "the report files");
  await (await driver.findElement(byTestId("export-profile"))).click();
  await waitForExports(3, "the setup profile file");
  assert.equal(filesUnder(intacctDir).length, 3);
  for (const value of passwords) {
    assert.ok(value.length >= 8, "a practice password");
    assert.deepEqual(filesContaining(intacctDir, value), []);
    assert.deepEqual(filesContaining(join(homeB.appDataDir, "runs"), value), []);
  }
});
