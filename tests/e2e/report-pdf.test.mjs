// The report as a PDF, from the real window in Practice mode: "Save report as
// PDF…" opens the system's save dialog (GTK, driven with xdotool) in the
// export folder with a name that says practice; Return saves it there, and
// the written file is opened with poppler's pdftotext: every page carries the
// simulation mark with the scenario and its page number. Escape saves nothing.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { inChooser } from "./lib/chooser.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "./lib/practice.mjs";
import { byTestId, waitFor } from "./lib/ui.mjs";

const SCENARIO = "netsuite/missing-currency-permission";
const TITLE = "Save the report as PDF";
let home, driver, folder;
appForFile((app) => ({ home, driver } = app));

const listed = () =>
  driver.executeScript(`return [...document.querySelectorAll('[data-testid="exported-file"]')].map((e) => e.textContent);`);

test("Escape in the save dialog saves nothing; Return saves the practice run's report as a PDF", async () => {
  await startScenario(driver, SCENARIO);
  await advanceTo(driver, "credentials");
  await pasteSimulatedValues(driver);
  await advanceTo(driver, "validate");
  await runChecks(driver);
  await advanceTo(driver, "report");
  folder = join(home.home, "for-the-auditor");
  mkdirSync(folder);
  const field = await waitFor(driver, byTestId("export-folder"), "the export folder field");
  await driver.wait(async () => (await field.getAttribute("value")) !== "", 10_000, "the default folder");
  await field.clear();
  await field.sendKeys(folder);

  // Escape saves nothing (answered first: a file's last key in a dialog was
  // seen to leave the display's keyboard state to the next file's app).
  await (await driver.findElement(byTestId("export-pdf"))).click();
  await inChooser(TITLE, "key:Escape");
  const button = await driver.findElement(byTestId("export-pdf"));
  await driver.wait(async () => button.isEnabled(), 15_000, "the dialog closed");
  assert.equal(readdirSync(folder).length, 0);
  assert.equal((await listed()).length, 0);

  await button.click();
  // The dialog opens in the typed folder with the offered name selected: Return saves.
  await inChooser(TITLE, "key:Return");
  await driver.wait(async () => (await listed()).length === 1, 20_000, "the saved file listed");
  const [file] = await listed();
  assert.equal(readdirSync(folder).length, 1);
  assert.equal(file, join(folder, readdirSync(folder)[0]), "the page names the file on disk");
  assert.match(basename(file), /^onramp-practice-report-[a-z0-9-]+\.pdf$/);
  assert.equal(readFileSync(file).subarray(0, 5).toString(), "%PDF-");

  const pages = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((p) => p.trim() !== "");
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  pages.forEach((text, i) => {
    const flat = text.replace(/\s+/g, " ");
    assert.ok(flat.includes("PRACTICE — SIMULATION") && flat.includes(SCENARIO), `page ${i + 1}: ${flat}`);
    assert.ok(flat.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} numbered: ${flat}`);
  });
  const first = pages[0].replace(/\s+/g, " ");
  assert.match(first, /Attestation In Practice mode/);
  assert.match(first, /Verdict: \d+ of \d+ checks failed/);
  // No credential typed into the keychain is in the file.
  const values = await driver.executeScript(
    `return [...document.querySelectorAll('[data-testid^="practice-value-"]')].map((e) => e.textContent);`,
  );
  for (const v of values) assert.ok(!readFileSync(file, "latin1").includes(v), "a credential in the PDF");
});
