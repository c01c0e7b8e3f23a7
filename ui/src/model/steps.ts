// The steps of each flow come from Rust (onramp_core::steps, exported as
// STEPS in the bindings): ids, titles, order, texts and the checks that
// confirm each step ("I've done this — check it").
import { STEPS, type AuthMethod, type Erp, type StepDef } from "../api";

export type { StepDef };
export type StepKind = StepDef["kind"];

const CATALOGUE = STEPS as unknown as Record<string, readonly StepDef[] | undefined>;

function flow(key: string): readonly StepDef[] {
  const steps = CATALOGUE[key];
  if (steps === undefined) throw new Error(`no steps for ${key}`);
  return steps;
}

export const NETSUITE_STEPS: readonly StepDef[] = flow("netsuite/tba");
export const INTACCT_STEPS: readonly StepDef[] = flow("intacct");

/** The flow's steps; NetSuite's depend on the sign-in method (none yet reads like TBA). */
export function stepsFor(erp: Erp, authMethod: AuthMethod | null = null): readonly StepDef[] {
  return erp === "netsuite" ? flow(`netsuite/${authMethod ?? "tba"}`) : INTACCT_STEPS;
}

/** The step with this id, or the first step when the id is unknown (e.g. an old saved setup). */
export function findStep(erp: Erp, id: string, authMethod: AuthMethod | null = null): StepDef {
  const steps = stepsFor(erp, authMethod);
  const first = steps[0];
  if (first === undefined) throw new Error("a flow has no steps");
  return steps.find((s) => s.id === id) ?? first;
}
