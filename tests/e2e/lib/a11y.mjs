// axe-core inside the real window: the same engine browser audits use, run
// against whatever the screen shows now.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING = new Set(["serious", "critical"]);

/** Audits the current screen; fails on any serious or critical violation. */
export async function audit(driver, screen) {
  // The page's CSP forbids eval; a WebDriver script is not subject to it, so
  // axe's source goes in as a script of its own.
  if (!(await driver.executeScript("return Boolean(window.axe)"))) {
    await driver.executeScript(`${AXE}\n;window.axe = axe;`);
  }
  const violations = await driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     window.axe
       .run(document, { resultTypes: ["violations"] })
       .then((r) => done(r.violations.map((v) => ({
         id: v.id, impact: v.impact, help: v.help,
         nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
       }))))
       .catch((e) => done([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }]));`,
  );
  const blocking = violations.filter((v) => BLOCKING.has(v.impact));
  assert.deepEqual(blocking, [], `${screen}: ${JSON.stringify(blocking, null, 2)}`);
  return violations;
}
