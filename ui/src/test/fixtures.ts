import type { AppInfo, CheckResult, RunSummary, Setup, SetupSummary } from "../api";

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
