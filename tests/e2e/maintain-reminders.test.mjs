// Reminders in the workspace and on the Maintain page, at NetSuite's own
// thresholds: an M2M certificate at 60, 30 and 14 days before it expires (the
// e-mails NetSuite sends administrators) and once expired, an OAuth 2.0
// refresh token in its last two days, and a setup last validated on an
// earlier NetSuite release. The dates are the setups' own stored data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { appForFile } from "./lib/app.mjs";
import { netsuiteSetup, writeState } from "./lib/seed.mjs";
import { By, byTestId, waitFor } from "./lib/ui.mjs";

const DAY = 24 * 3600 * 1000;
const at = (ms) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, "Z");
const release = (d) => `${d.getUTCFullYear()}.${d.getUTCMonth() >= 6 ? 2 : 1}`;
const ran = (startedAt) => ({
  run_id: `run-${startedAt}`,
  passed: 9,
  failed: 0,
  warned: 0,
  skipped: 0,
  cancelled: false,
  timed_out: false,
  started_at: startedAt,
  finished_at: startedAt,
});
const now = at(0);
// A date in the previous half-year: an earlier NetSuite release.
const lastRelease = at(-200 * DAY);

const m2m = (id, days) => ({
  ...netsuiteSetup({ id, label: `Certificate ${id}`, currentStep: "report" }),
  auth_method: "oauth2-m2m",
  last_run: ran(now),
  fields: { netsuite: { certificate_expires_at: at(days * DAY + 3600 * 1000), certificate_id: `CERT-${id}` } },
});

let driver;
appForFile(
  (app) => ({ driver } = app),
  (home) =>
    writeState(home, [
      m2m("c61", 61),
      m2m("c60", 60),
      m2m("c30", 30),
      m2m("c14", 14),
      { ...m2m("cgone", 0), fields: { netsuite: { certificate_expires_at: at(-DAY) } } },
      {
        ...netsuiteSetup({ id: "code", label: "Consent", currentStep: "report" }),
        auth_method: "oauth2-code",
        last_run: ran(now),
        fields: { netsuite: { token: { refresh_expires_at: at(30 * 3600 * 1000) } } },
      },
      { ...netsuiteSetup({ id: "old", label: "Old release", currentStep: "report" }), last_run: ran(lastRelease) },
    ]),
);

/** {setup id: {reminder kind: urgency}} as the workspace shows them. */
async function shown() {
  await waitFor(driver, byTestId("workspace-reminders"), "the workspace's reminders");
  return driver.executeScript(`
    const out = {};
    for (const list of document.querySelectorAll('[data-testid^="reminders-"]')) {
      const id = list.getAttribute("data-testid").slice("reminders-".length);
      out[id] = Object.fromEntries([...list.querySelectorAll('[data-testid^="reminder-"]')]
        .map((r) => [r.getAttribute("data-testid").slice("reminder-".length), r.getAttribute("data-urgency")]));
    }
    return out;
  `);
}

test("the workspace reminds at NetSuite's thresholds and names the release last validated on", async () => {
  const r = await shown();
  assert.deepEqual(r.c61, {}, "61 days: before NetSuite's first notice");
  assert.deepEqual(r.c60, { certificate_expiry: "notice" }, "the 60-day notice");
  assert.deepEqual(r.c30, { certificate_expiry: "soon" }, "the 30-day notice");
  assert.deepEqual(r.c14, { certificate_expiry: "urgent" }, "the 14-day notice");
  assert.deepEqual(r.cgone, { certificate_expiry: "expired" });
  assert.deepEqual(r.code, { refresh_token_expiry: "urgent" }, "a refresh token in its last two days");
  assert.deepEqual(r.old, { revalidate_after_release: "notice" });

  const text = await (await driver.findElement(byTestId("reminders-old"))).getText();
  const then = release(new Date(lastRelease));
  assert.match(text, new RegExp(`Last validated on NetSuite release ${then.replace(".", "\\.")}`));
  assert.match(text, new RegExp(`NetSuite ${release(new Date()).replace(".", "\\.")} is rolling out`));
  const cert = await (await driver.findElement(byTestId("reminders-c14"))).getText();
  assert.match(cert, /CERT-c14/);
  assert.match(cert, /14-day notice/);
});

test("the Maintain page of a setup shows its own reminders", async () => {
  const link = await driver.findElement(By.xpath("//section[@data-testid='workspace-reminders']//button[text()='Certificate c30']"));
  await link.click();
  await (await waitFor(driver, byTestId("open-maintain"), "the Maintain button")).click();
  const mine = await waitFor(driver, byTestId("reminders-c30"), "the setup's reminders");
  const reminder = await mine.findElement(byTestId("reminder-certificate_expiry"));
  assert.equal(await reminder.getAttribute("data-urgency"), "soon");
  assert.equal(await reminder.getAttribute("data-days-left"), "30");
  assert.match(await mine.getText(), /Rotate it now/);
});
