// (a) The home screen and the step rail work with the keyboard alone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { startDriver, throwawayHome } from "./lib/app.mjs";
import { netsuiteSetup, writeState } from "./lib/seed.mjs";
import { byTestId, currentStep, focused, Key, press, tabUntil, waitFor } from "./lib/ui.mjs";

let home, drv, driver, stateFile;

before(async () => {
  home = throwawayHome();
  stateFile = writeState(home, [
    netsuiteSetup({
      id: "kbd-1",
      label: "Keyboard walk",
      currentStep: "role",
      doneSteps: ["account", "profile", "features"],
    }),
  ]);
  drv = await startDriver(home);
  driver = await drv.launch();
});

after(async () => {
  await driver?.quit();
  await drv?.stop();
  await home?.remove();
});

test("Tab walks the home screen in reading order and Enter opens a setup", async () => {
  await waitFor(driver, byTestId("home-new-netsuite"), "the home screen");
  const seen = await tabUntil(driver, (name) => name.startsWith("Resume"));
  const at = (name) => seen.indexOf(name);
  assert.ok(at("home-new-netsuite") >= 0, `focus reached "New NetSuite setup": ${seen}`);
  assert.ok(at("home-new-netsuite") < at("home-new-intacct"), `order: ${seen}`);
  assert.ok(at("home-new-intacct") < at("home-practice"), `order: ${seen}`);
  assert.equal(seen.at(-1), "Resume Keyboard walk");

  await press(driver, Key.ENTER);
  await waitFor(driver, byTestId("step-rail"), "the setup's step rail");
  assert.equal(await currentStep(driver), "step-role");
});

test("arrow keys move along the rail; Enter opens a done step, not an upcoming one", async () => {
  const seen = await tabUntil(driver, (name) => name.startsWith("step-"));
  assert.equal(seen.at(-1), "step-role", "the rail's one tab stop is the current step");

  await press(driver, Key.ARROW_UP);
  assert.equal(await focused(driver), "step-features");
  await press(driver, Key.ARROW_DOWN);
  await press(driver, Key.ARROW_DOWN);
  assert.equal(await focused(driver), "step-integration");
  await press(driver, Key.END);
  assert.equal(await focused(driver), "step-report");

  // An upcoming step cannot be opened: the current step stays where it was.
  await press(driver, Key.ENTER);
  assert.equal(await currentStep(driver), "step-role");

  await press(driver, Key.HOME);
  assert.equal(await focused(driver), "step-account");
  await press(driver, Key.ENTER);
  await driver.wait(async () => (await currentStep(driver)) === "step-account", 10_000, "account becomes current");

  // The jump is saved: the store on disk now resumes at the account step.
  await driver.wait(
    () => JSON.parse(readFileSync(stateFile, "utf8")).setups[0].current_step === "account",
    10_000,
    "current_step saved",
  );
});
