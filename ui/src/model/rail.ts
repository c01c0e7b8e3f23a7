import type { Setup } from "../api";
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
