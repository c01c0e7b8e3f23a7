import type { CheckResult, Setup } from "../api";
import type { StepDef } from "./steps";

export type RailStatus = "done" | "current" | "upcoming" | "failed";

export interface RailStep {
  id: string;
  title: string;
  status: RailStatus;
}

/** Where each step stands, from the saved setup. */
export function railSteps(setup: Pick<Setup, "current_step" | "steps">, steps: readonly StepDef[]): RailStep[] {
  return steps.map((step) => {
    const saved = setup.steps?.[step.id]?.status;
    let status: RailStatus = "upcoming";
    if (step.id === setup.current_step) status = "current";
    else if (saved === "done") status = "done";
    else if (saved === "failed") status = "failed";
    return { id: step.id, title: step.title, status };
  });
}

/** Done and failed steps were visited already, so the user may go back to them. */
export function isJumpable(status: RailStatus): boolean {
  return status === "done" || status === "failed";
}

/**
 * After a run, each step whose confirming checks ran is marked on the rail:
 * failed when one of them fails, done when a step marked failed now passes.
 */
export function stepVerdicts(
  steps: readonly StepDef[],
  setup: Pick<Setup, "steps">,
  checks: CheckResult[],
): [string, boolean][] {
  const out: [string, boolean][] = [];
  for (const step of steps) {
    const mine = checks.filter((c) => (step.checks ?? []).includes(c.id));
    if (mine.length === 0 || step.kind === "validate") continue;
    const failed = mine.some((c) => c.status === "fail");
    const status = setup.steps?.[step.id]?.status;
    if (failed && status !== "failed") out.push([step.id, false]);
    if (!failed && status === "failed") out.push([step.id, true]);
  }
  return out;
}
