// Consultant workspaces on the home screen: setups grouped by client with their
// status in words, last validation and soonest expiry (flagged under 30 days),
// the search box filtering by client, label or account, and the NetSuite
// sandbox "after a refresh" checklist; a client renamed in place (another
// client's name refused) and archived behind "Show archived (n)".
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { STATE_FILE, startDriver, throwawayHome } from "./lib/app.mjs";
import { netsuiteSetup } from "./lib/seed.mjs";
import { By, Key, byTestId, focused, waitFor } from "./lib/ui.mjs";

const DAY = 24 * 3600 * 1000;
const inDays = (n) => new Date(Date.now() + n * DAY).toISOString().replace(/\.\d+Z$/, "Z");
const T = "2026-01-05T09:00:00Z";
const run = (failed) => ({
  run_id: `run-${failed}`,
  passed: 9,
  failed,
  warned: 0,
  skipped: 0,
  cancelled: false,
  timed_out: false,
  started_at: T,
  finished_at: T,
});

let home, drv, driver;

before(async () => {
  home = throwawayHome();
  const failing = {
    ...netsuiteSetup({ id: "ws-1", label: "Billing sync", currentStep: "validate" }),
    client_id: "c-acme",
    last_run: run(2),
    fields: { netsuite: { token: { refresh_expires_at: inDays(12) }, certificate_expires_at: inDays(300) } },
  };
  const validated = {
    ...netsuiteSetup({ id: "ws-2", label: "Reporting", currentStep: "report" }),
    client_id: "c-zeta",
    account_id: "7654321",
    environment: "production",
    last_run: run(0),
  };
  const fresh = { ...netsuiteSetup({ id: "ws-3", label: "Unfiled", currentStep: "account" }), account_id: "5550001", environment: "production" };
  mkdirSync(home.appDataDir, { recursive: true });
  const clients = [
    { id: "c-zeta", name: "Zeta Foods", notes: "", created_at: T },
    { id: "c-acme", name: "Acme Corp", notes: "", created_at: T },
  ];
  writeFileSync(
    join(home.appDataDir, STATE_FILE),
    JSON.stringify({ schema_version: 3, setups: [failing, validated, fresh], clients }, null, 2),
  );
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

const visibleSetups = () =>
  driver.executeScript(
    `return [...document.querySelectorAll('[data-testid="setup-list"] [data-setup-id]')].map((e) => e.getAttribute("data-setup-id"));`,
  );

test("setups are grouped by client with status, last validation and the soonest expiry", async () => {
  await waitFor(driver, byTestId("setup-list"), "the saved setups");
  const groups = await driver.executeScript(
    `return [...document.querySelectorAll("section.workspace")].map((s) => s.getAttribute("aria-label"));`,
  );
  assert.deepEqual(groups, ["Acme Corp", "Zeta Foods", "No client"]);

  const billing = await driver.findElement(By.css('[data-setup-id="ws-1"]'));
  assert.match(await billing.getText(), /Checks failing/);
  assert.match(await billing.findElement(byTestId("last-validation")).getText(), /9 passed, 2 failed/);
  const expiry = await billing.findElement(byTestId("soonest-expiry"));
  assert.equal(await expiry.getAttribute("data-expiry"), "soon");
  assert.match(await expiry.getText(), /OAuth 2\.0 refresh token expires .*\(expires in 1[12] days\)/);
  assert.match(await driver.findElement(By.css('[data-setup-id="ws-2"]')).getText(), /Validated/);
  assert.match(await driver.findElement(By.css('[data-setup-id="ws-3"]')).getText(), /Never validated/);

  // The sandbox setup carries the after-a-refresh checklist.
  await (await billing.findElement(By.css("details summary"))).click();
  const checklist = await billing.findElement(byTestId("sandbox-refresh"));
  assert.match(await checklist.getText(), /Access Tokens > New/);
  assert.equal((await driver.findElements(By.css('[data-setup-id="ws-2"] [data-testid="sandbox-refresh"]'))).length, 0);
});

test("the search box filters by client, label and account", async () => {
  const search = await driver.findElement(byTestId("workspace-search"));
  await search.sendKeys("zeta");
  await driver.wait(async () => (await visibleSetups()).join() === "ws-2", 5_000, "only Zeta Foods' setup");
  await search.clear();
  await search.sendKeys("5550001");
  await driver.wait(async () => (await visibleSetups()).join() === "ws-3", 5_000, "the setup with that account");
  await search.clear();
  await search.sendKeys("billing");
  await driver.wait(async () => (await visibleSetups()).join() === "ws-1", 5_000, "the setup with that label");
});

test("a client is renamed in place; another client's name is refused", async () => {
  // Emptied as a user does (WebDriver's clear() fires no input event).
  await (await driver.findElement(byTestId("workspace-search"))).sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
  await driver.wait(async () => (await visibleSetups()).length === 3, 5_000, "every setup again");
  const zeta = await driver.findElement(By.css('section.workspace[aria-label="Zeta Foods"]'));
  await (await zeta.findElement(byTestId("client-rename"))).click();
  const input = await waitFor(driver, byTestId("client-rename-input"), "the new name field");
  await input.clear();
  await input.sendKeys("acme corp", Key.ENTER);
  const refused = await waitFor(driver, By.css('.client-rename [role="alert"]'), "the refusal");
  assert.match(await refused.getText(), /already a client called/);
  await input.clear();
  await input.sendKeys("Zeta Holdings", Key.ENTER);
  await waitFor(driver, By.css('section.workspace[aria-label="Zeta Holdings"]'), "the client under its new name");
  await driver.wait(async () => (await focused(driver)) === "client-rename", 5_000, "focus back on Rename");
});

test("an archived client's setups hide behind “Show archived (n)” and come back, from the keyboard", async () => {
  const acme = await driver.findElement(By.css('section.workspace[aria-label="Acme Corp"]'));
  await (await acme.findElement(byTestId("client-archive"))).sendKeys(Key.ENTER);
  await driver.wait(async () => !(await visibleSetups()).includes("ws-1"), 5_000, "the archived client's setup hidden");
  const toggle = await driver.findElement(byTestId("show-archived"));
  assert.equal(await toggle.getText(), "Show archived (1)");
  await toggle.sendKeys(Key.ENTER);
  await driver.wait(async () => (await visibleSetups()).includes("ws-1"), 5_000, "shown on request");
  const archived = await driver.findElement(By.css('section.workspace[aria-label="Acme Corp"]'));
  assert.match(await archived.getText(), /\(archived\)/);
  await (await archived.findElement(byTestId("client-unarchive"))).sendKeys(Key.ENTER);
  await driver.wait(
    async () => (await driver.findElements(By.css('section.workspace[aria-label="Acme Corp"] [data-testid="client-archive"]'))).length === 1,
    5_000,
    "unarchived",
  );
  await (await driver.findElement(byTestId("show-archived"))).sendKeys(Key.ENTER);
  await driver.wait(async () => (await driver.findElements(byTestId("show-archived"))).length === 0, 5_000, "nothing archived left");
  assert.deepEqual((await visibleSetups()).sort(), ["ws-1", "ws-2", "ws-3"]);
});
