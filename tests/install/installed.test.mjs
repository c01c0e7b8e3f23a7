// The installed .deb as a user meets it: the package registers Onramp for
// com.onramp.app:// links, the installed app opens on its home screen, an
// OAuth redirect opened through the desktop's URL handler (xdg-open) reaches
// the running app, and removing the package leaves the user's settings and
// keychain entries where they were. scripts/install-test.sh installs the
// package, runs this file and removes the package even when a test fails.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { IDENTIFIER, STATE_FILE, appBinary, startDriver, throwawayHome } from "../e2e/lib/app.mjs";
import { answerConsentOutsideTheApp, chooseMethod, enterClientId, storeClientSecret } from "../e2e/lib/oauth.mjs";
import { advanceTo, startScenario } from "../e2e/lib/practice.mjs";
import { byTestId, until, waitFor } from "../e2e/lib/ui.mjs";

const PACKAGE = process.env.ONRAMP_PACKAGE ?? "onramp";
const DESKTOP_ENTRY = "/usr/share/applications/Onramp.desktop";
const SCHEME_TYPE = "x-scheme-handler/com.onramp.app";

let home, drv, driver, main, secret, noUserHandlers;

before(() => {
  assert.equal(appBinary(), "/usr/bin/onramp", "ONRAMP_APP_BINARY names the installed app");
  home = throwawayHome();
  // Empty user folders: what the desktop finds there is the package's own
  // registration only (the app also registers itself per user when it runs).
  noUserHandlers = mkdtempSync(join(home.home, "no-user-handlers-"));
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

/** `cmd args` with the test's HOME, optionally with the user's XDG folders empty. */
function run(cmd, args, { packageOnly = false } = {}) {
  const env = { ...process.env, ...home.env };
  if (packageOnly) Object.assign(env, { XDG_DATA_HOME: noUserHandlers, XDG_CONFIG_HOME: noUserHandlers });
  return spawnSync(cmd, args, { env, encoding: "utf8", timeout: 60_000 });
}

test("the package registers the app for com.onramp.app:// links", () => {
  const entry = readFileSync(DESKTOP_ENTRY, "utf8");
  assert.match(entry, new RegExp(`^MimeType=.*${SCHEME_TYPE.replace(/\./g, "\\.")}`, "m"));
  // The address reaches the app only when Exec passes it on (%u).
  assert.match(entry, /^Exec=onramp %u$/m);
  assert.match(entry, /^Icon=onramp$/m);
  assert.ok(existsSync("/usr/share/icons/hicolor/128x128/apps/onramp.png"), "the icon is installed");
  const check = spawnSync("desktop-file-validate", [DESKTOP_ENTRY], { encoding: "utf8" });
  assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
  const handler = run("xdg-mime", ["query", "default", SCHEME_TYPE], { packageOnly: true });
  assert.equal(handler.stdout.trim(), "Onramp.desktop", handler.stderr);
});

test("the installed app opens on its home screen and shows its version", async () => {
  drv = await startDriver(home);
  driver = await drv.launch();
  main = await driver.getWindowHandle();
  await waitFor(driver, byTestId("home-new-netsuite"), "the home screen", 30_000);
  await (await waitFor(driver, byTestId("about-toggle"), "About Onramp")).click();
  const version = execFileSync("dpkg-query", ["-W", "-f", "${Version}", PACKAGE], { encoding: "utf8" });
  const shown = await waitFor(driver, byTestId("about-version"), "the version");
  assert.equal(await shown.getText(), `version ${version}`);
});

/** Hands `location` to the desktop with `cmd` and waits until the app says it is connected. */
async function openThroughDesktop(cmd, args, location) {
  const opened = run(cmd, [...args, location], { packageOnly: true });
  assert.equal(opened.status, 0, `${cmd}: ${opened.stdout}${opened.stderr}`);
  const status = await driver.findElement(byTestId("oauth-connected"));
  await driver.wait(until.elementTextContains(status, "Connected"), 20_000, `connected by the redirect (${cmd})`);
  assert.equal(await (await driver.findElement(byTestId("oauth-sub"))).getText(), "role 1001, user (employee) 13");
}

test("an OAuth redirect opened through the desktop's URL handler reaches the running app", async () => {
  await startScenario(driver, "netsuite/oauth-happy");
  await chooseMethod(driver, "oauth2-code");
  await advanceTo(driver, "credentials");
  await enterClientId(driver);
  secret = await storeClientSecret(driver);

  // What a browser does with a com.onramp.app:// address: hand it to the
  // desktop, which starts the installed app with it; that second instance
  // passes it to the running one and exits.
  await openThroughDesktop("xdg-open", [], await answerConsentOutsideTheApp(driver, main));

  // GIO (GNOME, and browsers there) follows the desktop entry strictly: the
  // address reaches the app only through Exec's %u, which xdg-open would
  // add by itself. A second sign-in goes that way.
  await (await waitFor(driver, byTestId("oauth-revoke"), "the Revoke button")).click();
  await driver.wait(until.elementTextContains(await driver.findElement(byTestId("oauth-connected")), "Not connected"), 15_000);
  await openThroughDesktop("gio", ["open"], await answerConsentOutsideTheApp(driver, main));
});

test("removing the package leaves the user's settings and keychain entries untouched", async () => {
  // The app ends first, as when a user quits it before uninstalling.
  await driver?.quit();
  driver = undefined;
  await drv?.stop();
  drv = undefined;
  const stateFile = join(home.appDataDir, STATE_FILE);
  const before = readFileSync(stateFile);
  const removal = spawnSync(process.getuid() === 0 ? "dpkg" : "sudo", [
    ...(process.getuid() === 0 ? [] : ["dpkg"]),
    "-r",
    PACKAGE,
  ], { encoding: "utf8" });
  assert.equal(removal.status, 0, `${removal.stdout}${removal.stderr}`);
  assert.ok(!existsSync("/usr/bin/onramp"), "the program is gone");
  assert.ok(!existsSync(DESKTOP_ENTRY), "the desktop entry is gone");

  assert.deepEqual(readFileSync(stateFile), before, "the settings file is unchanged");
  assert.match(before.toString("utf8"), /"practice_scenario":\s*"netsuite\/oauth-happy"/);
  // The client secret and the tokens from the redirect are still in the
  // keychain under the app's identifier.
  const items = run("secret-tool", ["search", "--all", "service", IDENTIFIER]);
  assert.equal(items.status, 0, items.stderr);
  const secrets = items.stdout.split("\n").filter((l) => l.startsWith("secret = ")).map((l) => l.slice(9));
  assert.ok(secrets.includes(secret), "the client secret is still stored");
  assert.ok(secrets.length >= 2, `the tokens are still stored too (${secrets.length} entries)`);
  rmSync(noUserHandlers, { recursive: true, force: true });
});
