// Launch time and memory of the release app against the empty Tauri app
// (benches/empty-app), measured in turn in the same session so the ratios
// hold when the machine's speed drifts. Run by `scripts/bench.sh app`, never
// by the test suite (the file is not a *.test.mjs).
//
// For each launch: launch → first paint (the page's own paint timing) and
// launch → first button in the page; then the memory (PSS) of the app and
// its WebKit processes once idle. For Onramp, also after one and after five
// Practice validations (intacct/happy, run from the Validate step).
//
// Env: ONRAMP_APP_BINARY, ONRAMP_EMPTY_APP_BINARY, ONRAMP_E2E_PORT,
// BENCH_LAUNCHES (default 5).
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { startDriver, throwawayHome, By, until } from "../lib/app.mjs";
import { advanceTo, pasteSimulatedValues, runChecks, startScenario } from "../lib/practice.mjs";

const LAUNCHES = Number(process.env.BENCH_LAUNCHES ?? 5);
const SETTLE_MS = 3000;
const apps = {
  onramp: realpathSync(process.env.ONRAMP_APP_BINARY),
  empty: realpathSync(process.env.ONRAMP_EMPTY_APP_BINARY),
};

/** Processes whose executable is `bin`, and everything they started (WebKit's helpers). */
function processTree(bin) {
  const parent = new Map();
  const roots = [];
  for (const d of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "latin1");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      if (realpathSync(`/proc/${d}/exe`) === bin) roots.push(Number(d));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Proportional set size of the app and its helpers in MiB (shared pages split fairly), by process name. */
function pssByProcess(bin) {
  const by = {};
  for (const pid of processTree(bin)) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, "latin1").match(/^Pss:\s+(\d+) kB/m);
      const name = readFileSync(`/proc/${pid}/comm`, "latin1").trim();
      if (m) by[name] = (by[name] ?? 0) + Number(m[1]) / 1024;
    } catch {
      // exited
    }
  }
  return by;
}

const pssMiB = (bin) => Object.values(pssByProcess(bin)).reduce((a, b) => a + b, 0);
const breakdown = (bin) =>
  Object.entries(pssByProcess(bin))
    .map(([name, mib]) => `${name} ${mib.toFixed(0)}`)
    .join(", ");

async function launchOnce(which, runs) {
  process.env.ONRAMP_APP_BINARY = apps[which];
  const home = throwawayHome();
  const drv = await startDriver(home);
  const t0 = Date.now();
  const driver = await drv.launch();
  await driver.wait(until.elementLocated(By.css("button")), 30_000, "a button");
  const button = Date.now() - t0;
  const paint = await driver.executeScript(`
    const p = performance.getEntriesByType("paint").find((e) => e.name === "first-paint")
      ?? performance.getEntriesByType("paint")[0];
    return p ? performance.timeOrigin + p.startTime : null;`);
  await sleep(SETTLE_MS);
  const memory = { idle: pssMiB(apps[which]), idleBy: breakdown(apps[which]) };
  if (runs > 0) {
    await startScenario(driver, "intacct/happy");
    await advanceTo(driver, "credentials");
    await pasteSimulatedValues(driver);
    await advanceTo(driver, "validate");
    for (let i = 1; i <= runs; i++) {
      await runChecks(driver);
      await sleep(SETTLE_MS);
      if (i === 1) memory.one = pssMiB(apps[which]);
    }
    memory.five = pssMiB(apps[which]);
    memory.fiveBy = breakdown(apps[which]);
  }
  await driver.quit();
  await drv.stop();
  await home.remove();
  return { button, paint: paint === null ? null : paint - t0, memory };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const fmt = (x, d = 0) => (x === null ? "n/a" : x.toFixed(d));

const seen = { onramp: [], empty: [] };
for (let i = 0; i < LAUNCHES; i++) {
  // Alternate, so both see the same drift; the validations only on the last launch.
  seen.empty.push(await launchOnce("empty", 0));
  seen.onramp.push(await launchOnce("onramp", i === LAUNCHES - 1 ? 5 : 0));
}
const m = (which, f) => median(seen[which].map(f));
const row = (what, a, b, target) =>
  console.log(`${what.padEnd(40)} ${fmt(a, 0).padStart(8)} ${fmt(b, 0).padStart(8)} ${a && b ? (a / b).toFixed(2).padStart(6) : "   n/a"}  ${target}`);
console.log(`Median of ${LAUNCHES} launches each, alternating; memory after ${SETTLE_MS / 1000} s idle`);
console.log(`${"figure".padEnd(40)} ${"Onramp".padStart(8)} ${"empty".padStart(8)} ${"ratio".padStart(6)}  target`);
row("launch → first paint (ms)", m("onramp", (r) => r.paint), m("empty", (r) => r.paint), "≤1.3");
row("launch → first button (ms)", m("onramp", (r) => r.button), m("empty", (r) => r.button), "≤1.2");
const emptyIdle = m("empty", (r) => r.memory.idle);
row("memory idle, PSS (MiB)", m("onramp", (r) => r.memory.idle), emptyIdle, "≤1.15");
const last = seen.onramp[seen.onramp.length - 1].memory;
row("memory after one validation (MiB)", last.one ?? null, emptyIdle, "");
row("memory after five validations (MiB)", last.five ?? null, emptyIdle, "≤1.25");
console.log(`by process, MiB: empty idle: ${seen.empty[seen.empty.length - 1].memory.idleBy}`);
console.log(`  Onramp idle: ${last.idleBy}`);
console.log(`  Onramp after five validations: ${last.fiveBy ?? "n/a"}`);
