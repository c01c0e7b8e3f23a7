import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AdminPanel } from "../components/AdminPanel";
import { ErrorPanel } from "../components/ErrorPanel";
import { StepPage } from "../components/StepPage";
import { StepRail } from "../components/StepRail";
import { UnsavedSecretsContext, type UnsavedSecrets } from "../hooks/unsavedSecrets";
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
  /** Start a run as soon as the Validate step opens (a reproduction, ready to run). */
  runNow?: boolean;
}

export function SetupScreen({ id, onHome, onMaintain, runNow = false }: Props) {
  // Taken once: coming back to Validate later does not start another run.
  const autoRun = useRef(runNow);
  const takeRunNow = useCallback(() => {
    const now = autoRun.current;
    autoRun.current = false;
    return now;
  }, []);
  const { setup, error, goTo, markDone, change, refresh, replace } = useSetup(id);
  const unsaved = useRef(new Map<string, string>());
  const registry = useMemo<UnsavedSecrets>(
    () => ({ set: (name, label) => void (label === null ? unsaved.current.delete(name) : unsaved.current.set(name, label)) }),
    [],
  );
  // Leaving the step with a typed secret not stored waits for the user's answer.
  const [leaving, setLeaving] = useState<{ go: () => void; names: string[] } | null>(null);
  const guard = (go: () => void) => {
    const names = [...unsaved.current.values()];
    if (names.length === 0) go();
    else setLeaving({ go, names });
  };

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
  // A consequential choice is never made for the user: its step is not left until it is made.
  const choiceMissing =
    step.kind === "profile" && setup.profile_id === null
      ? "Choose a connector profile to continue."
      : step.kind === "auth-method" && setup.auth_method === null
        ? "Choose how the connector signs in to continue."
        : null;

  return (
    <div className={`setup-screen${setup.practice_scenario !== null ? " practice" : ""}`}>
      <SetupHeader
        setup={setup}
        onHome={() => guard(onHome)}
        onMaintain={onMaintain && (() => guard(onMaintain))}
        onRename={(label) => change([{ type: "rename", label }])}
      />
      <div className="setup-body">
        <StepRail steps={railSteps(setup, steps)} onJump={(stepId) => guard(() => void goTo(stepId))} />
        <main className="step-main">
          {error !== null && <ErrorPanel error={error} title="Could not save your progress" />}
          {leaving !== null && (
            <UnsavedWarning
              names={leaving.names}
              onStay={() => setLeaving(null)}
              onLeave={() => {
                unsaved.current.clear();
                setLeaving(null);
                leaving.go();
              }}
            />
          )}
          <UnsavedSecretsContext.Provider value={registry}>
          <StepPage
            step={step}
            number={number}
            total={steps.length}
            actions={
              last ? undefined : (
                <>
                  <button
                    type="button"
                    className="button primary"
                    data-testid="next-step"
                    disabled={choiceMissing !== null}
                    aria-describedby={choiceMissing !== null ? "choice-missing" : undefined}
                    onClick={() => guard(() => void markDone(step.id))}
                  >
                    {step.kind === "validate" ? "Continue" : done ? "Done — next step" : "I've done this"}
                  </button>
                  {choiceMissing !== null && (
                    <span id="choice-missing" className="muted small" data-testid="choice-missing">
                      {choiceMissing}
                    </span>
                  )}
                </>
              )
            }
          >
            <StepBody
              setup={setup}
              step={step}
              onRunFinished={() => void refresh()}
              onProfile={(profileId) => void change([{ type: "set_profile", profile_id: profileId }])}
              onChange={(c) => void change([c])}
              onEntity={(entity) => void change([{ type: "set_entity", entity_id: entity }])}
              onReplace={replace}
              steps={steps}
              onGoTo={(stepId) => void goTo(stepId)}
              takeRunNow={takeRunNow}
              onStepVerdict={(stepId, passed) =>
                void change([{ type: "mark_step", step: stepId, status: passed ? "done" : "failed" }])
              }
            />
          </StepPage>
          </UnsavedSecretsContext.Provider>
          {setup.erp === "netsuite" && <AdminPanel setup={setup} onChanged={() => void refresh()} />}
        </main>
      </div>
    </div>
  );
}

/** Asks before leaving a step whose secret fields hold values not stored yet. */
function UnsavedWarning({ names, onStay, onLeave }: { names: string[]; onStay: () => void; onLeave: () => void }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="step-warning" role="alertdialog" aria-labelledby="unsaved-title" aria-describedby="unsaved-text" data-testid="unsaved-secrets">
      <h3 id="unsaved-title" ref={title} tabIndex={-1}>
        Not stored yet
      </h3>
      <p id="unsaved-text">
        You typed {names.join(", ")} but did not store {names.length === 1 ? "it" : "them"} in the keychain. NetSuite shows
        these values only once: store {names.length === 1 ? "it" : "them"} before leaving, or {names.length === 1 ? "it is" : "they are"} lost.
      </p>
      <div className="actions">
        <button type="button" className="button primary" data-testid="unsaved-stay" onClick={onStay}>
          Stay and store
        </button>
        <button type="button" className="button" data-testid="unsaved-leave" onClick={onLeave}>
          Leave without storing
        </button>
      </div>
    </section>
  );
}
