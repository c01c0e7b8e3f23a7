// Writes a settings store the app loads at start-up, so a test can begin
// mid-flow without clicking through earlier steps.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { STATE_FILE } from "./app.mjs";

const T = "2026-01-05T09:00:00Z";

export function netsuiteSetup({ id, label, currentStep, doneSteps = [] }) {
  return {
    id,
    erp: "netsuite",
    label,
    client_id: null,
    environment: "sandbox",
    practice_scenario: null,
    account_id: "1234567_SB1",
    entity_id: null,
    profile_id: null,
    auth_method: "tba",
    current_step: currentStep,
    steps: Object.fromEntries(doneSteps.map((s) => [s, { status: "done", updated_at: T }])),
    fields: {},
    last_run: null,
    created_at: T,
    updated_at: T,
  };
}

export function writeState(home, setups) {
  mkdirSync(home.appDataDir, { recursive: true });
  const path = join(home.appDataDir, STATE_FILE);
  writeFileSync(path, JSON.stringify({ schema_version: 3, setups, clients: [] }, null, 2));
  return path;
}
