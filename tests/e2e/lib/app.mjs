// Starts the built Onramp app in a real window through tauri-driver and gives
// each test its own throwaway HOME and XDG folders.
import { after, before } from "node:test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Builder, By, until, WebElement } from "selenium-webdriver";

// A user scrolls a button into view before pressing it. WebKitWebDriver's own
// scroll before a click leaves a control far down a long step (the Credentials
// step with the administrator's panel below it) outside the point it clicks,
// so the click is lost without an error; centring it first makes every click
// land where a user's would.
const click = WebElement.prototype.click;
WebElement.prototype.click = async function centredClick() {
  // Only a control outside the window moves; an <option> is left to its <select>.
  await this.getDriver().executeScript(
    `const el = arguments[0];
     const r = el.getBoundingClientRect();
     if (el.tagName !== "OPTION" && (r.top < 0 || r.bottom > innerHeight)) {
       el.scrollIntoView({ block: "center", inline: "nearest" });
     }`,
    this,
  );
  return click.call(this);
};

// ONRAMP_E2E_PORT lets several checkouts run their end-to-end tests at once
// (tauri-driver on it, WebKitWebDriver on the next port).
const DRIVER_PORT = Number(process.env.ONRAMP_E2E_PORT ?? 4444);
const DRIVER_URL = `http://127.0.0.1:${DRIVER_PORT}`;
export const IDENTIFIER = "com.onramp.app";
export const STATE_FILE = "onramp-state.json";

export function appBinary() {
  const bin = process.env.ONRAMP_APP_BINARY;
  if (!bin) throw new Error("ONRAMP_APP_BINARY must name the built app (scripts/test.sh sets it)");
  return resolve(bin);
}

/** A throwaway HOME with its own XDG folders; `remove()` deletes it. */
export function throwawayHome() {
  const home = mkdtempSync(join(tmpdir(), "onramp-e2e-home-"));
  const dirs = {
    home,
    config: join(home, ".config"),
    data: join(home, ".local", "share"),
    cache: join(home, ".cache"),
    state: join(home, ".local", "state"),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return {
    ...dirs,
    /** Where the app keeps its settings store under this HOME. */
    appDataDir: join(dirs.data, IDENTIFIER),
    env: {
      HOME: dirs.home,
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      XDG_STATE_HOME: dirs.state,
      // Software GL writes a shader cache under XDG_CACHE_HOME while WebKit's
      // helper processes wind down; nothing of Onramp's is in it.
      MESA_SHADER_CACHE_DISABLE: "true",
    },
    remove: () => removeWithRetries(home),
  };
}

/** WebKit helper processes may still be exiting (and writing) after the app quits. */
async function removeWithRetries(dir) {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (e) {
      if (attempt >= 20) throw e;
      await sleep(250);
    }
  }
}

const LAUNCH_DEADLINE_MS = 60_000;

/** `promise`, or a failure saying `explain()` when it has not settled within `ms`. */
function withDeadline(promise, ms, explain) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(explain())), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The Secret Service of this test session: gnome-keyring-daemon has aborted
 * mid-run (a glib fatal error in the daemon), and the next app's keychain call
 * then starts a stranger daemon whose keyring is locked. Start ours again
 * (same files, same password, so what was stored is still there) and say so.
 */
function keyringUp() {
  if (process.env.ONRAMP_KEYRING_HOME === undefined) return; // not under scripts/with-keyring.sh
  const owned = execFileSync("dbus-send", [
    "--session",
    "--print-reply",
    "--dest=org.freedesktop.DBus",
    "/org/freedesktop/DBus",
    "org.freedesktop.DBus.NameHasOwner",
    "string:org.freedesktop.secrets",
  ]).toString();
  if (/boolean true/.test(owned)) return;
  console.warn("the test session's keyring daemon has exited; starting it again");
  const script = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scripts/with-keyring.sh");
  execFileSync(script, ["--restart"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** Running copies of the app on this D-Bus session, where its single-instance name lives. */
function appsOnThisBus() {
  const bus = `DBUS_SESSION_BUS_ADDRESS=${process.env.DBUS_SESSION_BUS_ADDRESS}\0`;
  const bin = realpathSync(appBinary());
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/exe`) === bin && readFileSync(`/proc/${pid}/environ`, "latin1").includes(bus);
      } catch {
        return false; // gone meanwhile, or a zombie
      }
    });
}

/**
 * WebKitWebDriver kills the app when its session ends, but stopping
 * tauri-driver right after a quit can orphan the app first. A leftover app
 * holds the single-instance name, and the next launch would hand over to it
 * and exit without a window: wait for it to go, and end it if it does not.
 */
async function noAppLeft() {
  const deadline = Date.now() + 10_000;
  while (appsOnThisBus().length > 0 && Date.now() < deadline) await sleep(100);
  for (const pid of appsOnThisBus()) {
    console.warn(`an earlier Onramp app (pid ${pid}) was still running after its session ended; stopping it`);
    process.kill(pid, "SIGKILL");
  }
}

async function waitForDriver(child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${DRIVER_URL}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error("tauri-driver did not answer /status in time");
}

// Stopped by the test runner: exit, so the "exit" guards below run.
process.once("SIGTERM", () => process.exit(1));

/**
 * Starts tauri-driver with `home`'s environment (the app inherits it) and
 * returns a function that opens a WebDriver session on the app.
 */
export async function startDriver(home) {
  const child = spawn("tauri-driver", ["--port", String(DRIVER_PORT), "--native-port", String(DRIVER_PORT + 1)], {
    env: { ...process.env, ...home.env },
    stdio: ["ignore", "inherit", "inherit"],
    // Its own process group: WebKitWebDriver and the app go with it.
    detached: true,
  });
  // A test file the runner stops on its timeout never reaches its `after`
  // hook: the driver must not outlive it and hold the ports for the next file.
  const orphanGuard = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", orphanGuard);
  await waitForDriver(child, 20_000);
  return {
    async launch() {
      keyringUp();
      await noAppLeft();
      const session = new Builder()
        .usingServer(DRIVER_URL)
        .withCapabilities({ browserName: "wry", "tauri:options": { application: appBinary() } })
        .build();
      // WebKitWebDriver waits for ever for an app that died while starting:
      // fail the test instead, with the app's own log.
      const driver = await withDeadline(session, LAUNCH_DEADLINE_MS, () =>
        [
          `the app opened no window within ${LAUNCH_DEADLINE_MS / 1000} s; its output is above, its log:`,
          ...filesUnder(home.home)
            .filter((f) => f.endsWith("onramp.log"))
            .map((f) => readFileSync(f, "utf8").split("\n").slice(-20).join("\n")),
        ].join("\n"),
      );
      await driver.wait(until.elementLocated(By.css("main")), 30_000, "the app's first screen");
      return driver;
    },
    async stop() {
      await noAppLeft();
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      process.off("exit", orphanGuard);
    },
  };
}

/**
 * One app for the whole test file: a throwaway home, tauri-driver and the
 * window, started before the first test (then handed to `use`) and removed
 * after the last. `seed(home)`, when given, writes files before the app starts.
 */
export function appForFile(use, seed) {
  let home, drv, driver;
  before(async () => {
    home = throwawayHome();
    seed?.(home);
    drv = await startDriver(home);
    driver = await drv.launch();
    use({ home, driver });
  });
  after(async () => {
    await driver?.quit();
    await drv?.stop();
    await home?.remove();
  });
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(path));
    else if (st.isFile()) out.push(path);
  }
  return out;
}

/** Files under `dir` holding `needle` as UTF-8 or UTF-16 (WebKit's storage uses both). */
export function filesContaining(dir, needle) {
  const forms = [Buffer.from(needle, "utf8"), Buffer.from(needle, "utf16le")];
  return filesUnder(dir).filter((f) => {
    const data = readFileSync(f);
    return forms.some((form) => data.includes(form));
  });
}

export { By, until };
