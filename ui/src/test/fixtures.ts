import type { AppInfo, CheckResult, FieldChange, RunSummary, Setup, SetupChange, SetupFields, SetupSummary } from "../api";
import { stepsFor } from "../model/steps";

const T = "2026-11-20T09:30:00Z";

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    keychain: { available: true, message: null },
    store_recovery: null,
    data_dir: "/home/ana/.local/share/onramp",
    ...overrides,
  };
}

export function setup(overrides: Partial<Setup> = {}): Setup {
  return {
    id: "s1",
    erp: "netsuite",
    label: "Acme billing",
    client_id: null,
    environment: "sandbox",
    practice_scenario: null,
    account_id: "1234567_SB1",
    entity_id: null,
    profile_id: null,
    auth_method: null,
    current_step: "account",
    steps: {},
    fields: {},
    last_run: null,
    created_at: T,
    updated_at: T,
    archived_at: null,
    ...overrides,
  };
}

export function summaryOf(s: Setup, overrides: Partial<SetupSummary> = {}): SetupSummary {
  return {
    id: s.id,
    erp: s.erp,
    label: s.label,
    client_id: s.client_id,
    environment: s.environment,
    practice_scenario: s.practice_scenario,
    account_id: s.account_id,
    entity_id: s.entity_id,
    current_step: s.current_step,
    status: "in_progress",
    updated_at: s.updated_at,
    last_run: null,
    archived_at: s.archived_at ?? null,
    ...overrides,
  };
}

export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    run_id: "run-1",
    passed: 0,
    failed: 0,
    warned: 0,
    skipped: 0,
    cancelled: false,
    timed_out: false,
    started_at: T,
    finished_at: T,
    ...overrides,
  };
}

export function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    id: "netsuite.auth",
    title: "Sign in",
    status: "pass",
    summary: "Signed in as the integration user.",
    evidence: [],
    duration_ms: 12,
    ...overrides,
  };
}

/** One value the person set, as `SetupFields::apply` sets it. */
function withField(fields: SetupFields, f: FieldChange): SetupFields {
  switch (f.name) {
    case "prepared_by":
      return { ...fields, prepared_by: f.value?.trim() === "" ? null : (f.value?.trim() ?? null) };
    case "multi_entity":
      return { ...fields, intacct: { ...fields.intacct, multi_entity: f.value } };
    case "permission_mode":
      return { ...fields, intacct: { ...fields.intacct, permission_mode: f.value } };
  }
}

/**
 * The backend's `change_setup` for tests that need the changed setup back:
 * each change touches only its own part of the setup, as in the app.
 */
export function applyChanges(current: Setup, changes: SetupChange[]): Setup {
  let next: Setup = { ...current };
  for (const c of changes) {
    switch (c.type) {
      case "go_to":
        next = { ...next, current_step: c.step };
        break;
      case "mark_done": {
        const steps = stepsFor(next.erp, next.auth_method);
        const at = steps.findIndex((s) => s.id === c.step);
        next = {
          ...next,
          steps: { ...next.steps, [c.step]: { status: "done", updated_at: T } },
          current_step: steps[at + 1]?.id ?? c.step,
        };
        break;
      }
      case "mark_step":
        next = { ...next, steps: { ...next.steps, [c.step]: { status: c.status, updated_at: T } } };
        break;
      case "set_field":
        next = { ...next, fields: withField(next.fields ?? {}, c.field) };
        break;
      case "tick_checklist": {
        const ticked = new Set(next.fields?.checklists?.[c.step] ?? []);
        if (c.done) ticked.add(c.item);
        else ticked.delete(c.item);
        const checklists = { ...next.fields?.checklists, [c.step]: [...ticked].sort() };
        next = { ...next, fields: { ...next.fields, checklists } };
        break;
      }
      case "set_profile":
        next = { ...next, profile_id: c.profile_id };
        break;
      case "set_entity":
        next = { ...next, entity_id: c.entity_id };
        break;
      case "set_client":
        next = { ...next, client_id: c.client_id };
        break;
      case "rename":
        next = { ...next, label: c.label.trim() };
        break;
    }
  }
  return next;
}
