import { ErrorPanel } from "../components/ErrorPanel";
import { StepPage } from "../components/StepPage";
import { StepRail } from "../components/StepRail";
import { useSetup } from "../hooks/useSetup";
import { railSteps } from "../model/rail";
import { findStep, stepsFor } from "../model/steps";
import { SetupHeader } from "./SetupHeader";
import { StepBody } from "./StepBody";

interface Props {
  id: string;
  onHome: () => void;
  /** Opens the Maintain page (rotation, change of owner, reminders). */
  onMaintain?: () => void;
}

export function SetupScreen({ id, onHome, onMaintain }: Props) {
  const { setup, error, goTo, markDone, change, refresh, replace } = useSetup(id);

  if (setup === null) {
    return (
      <main className="screen">
        {error !== null ? <ErrorPanel error={error} title="Could not open this setup" /> : <p className="muted">Loading…</p>}
        <button type="button" className="button" onClick={onHome}>
          ← All setups
        </button>
      </main>
    );
  }

  const steps = stepsFor(setup.erp, setup.auth_method);
  const step = findStep(setup.erp, setup.current_step, setup.auth_method);
  const number = steps.indexOf(step) + 1;
  const done = setup.steps?.[step.id]?.status === "done";
  const last = number === steps.length;

  return (
    <div className={`setup-screen${setup.practice_scenario !== null ? " practice" : ""}`}>
      <SetupHeader setup={setup} onHome={onHome} onMaintain={onMaintain} />
      <div className="setup-body">
        <StepRail steps={railSteps(setup, steps)} onJump={(stepId) => void goTo(stepId)} />
        <main className="step-main">
          {error !== null && <ErrorPanel error={error} title="Could not save your progress" />}
          <StepPage
            step={step}
            number={number}
            total={steps.length}
            actions={
              last ? undefined : (
                <button type="button" className="button primary" data-testid="next-step" onClick={() => void markDone(step.id)}>
                  {step.kind === "validate" ? "Continue" : done ? "Done — next step" : "I've done this"}
                </button>
              )
            }
          >
            <StepBody
              setup={setup}
              step={step}
              onRunFinished={() => void refresh()}
              onProfile={(profileId) => void change([{ type: "set_profile", profile_id: profileId }])}
              onFields={(fields) => void change([{ type: "set_fields", fields }])}
              onEntity={(entity) => void change([{ type: "set_entity", entity_id: entity }])}
              onReplace={replace}
              onStepVerdict={(stepId, passed) =>
                void change([{ type: "mark_step", step: stepId, status: passed ? "done" : "failed" }])
              }
            />
          </StepPage>
        </main>
      </div>
    </div>
  );
}
