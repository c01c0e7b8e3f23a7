import { describe, expect, it } from "vitest";
import { result } from "../test/fixtures";
import { stepVerdicts } from "./rail";
import { NETSUITE_STEPS } from "./steps";

describe("stepVerdicts", () => {
  it("marks the step of a failing check failed, and a failed step whose checks now pass done", () => {
    const checks = [
      result({ id: "netsuite.permissions", status: "fail" }),
      result({ id: "netsuite.subsidiary", status: "pass" }),
      result({ id: "netsuite.features", status: "pass" }),
      result({ id: "netsuite.auth", status: "pass" }),
    ];
    const at = "2026-11-20T09:30:00Z";
    const steps = { features: { status: "failed" as const, updated_at: at }, credentials: { status: "done" as const, updated_at: at } };
    expect(stepVerdicts(NETSUITE_STEPS, { steps }, checks)).toEqual([
      ["features", true],
      ["role", false],
    ]);
    // Nothing to change once the rail says so.
    const marked = { ...steps, features: { status: "done" as const, updated_at: at }, role: { status: "failed" as const, updated_at: at } };
    expect(stepVerdicts(NETSUITE_STEPS, { steps: marked }, checks)).toEqual([]);
  });
});
