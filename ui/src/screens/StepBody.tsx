import { useState } from "react";
import type { Setup, SetupChange } from "../api";
import { AuditTrailPanel } from "../components/AuditTrailPanel";
import { AuthStepBody } from "../components/AuthStepBody";
import { CredentialsStep } from "../components/CredentialsStep";
import { PracticeFixPanel } from "../components/PracticeFixPanel";
import { ProfilePicker } from "../components/ProfilePicker";
import { RunPanel } from "../components/RunPanel";
import { ReportStep } from "../components/share/ReportStep";
import { StepCheck } from "../components/StepCheck";
import { StepGuide } from "../components/StepGuide";
import { useSignInReady } from "../hooks/useSignInReady";
import { stepsFor, type StepDef } from "../model/steps";

interface Props {
  setup: Setup;
  step: StepDef;
  onRunFinished: () => void;
  onProfile: (profileId: string) => void;
  /** Saves one non-secret value the user chose or ticked on a step. */
  onChange: (change: SetupChange) => void;
  onEntity: (entity: string | null) => void;
  /** The backend changed and returned the setup (e.g. a practice fix): show that one. */
  onReplace: (setup: Setup) => void;
  /** A step's live check finished: mark the step done or failed on the rail. */
  onStepVerdict: (stepId: string, passed: boolean) => void;
  /** The flow's steps, in order (to point at the sign-in step). */
  steps: readonly StepDef[];
  onGoTo: (stepId: string) => void;
  /** True once when the Validate step should start a run as it opens (a reproduction). */
  takeRunNow?: () => boolean;
}

/** The step where the sign-in is set up (credentials or the OAuth 2.0 connection). */
const SIGN_IN_STEP = "credentials";

/** What a step adds to the common frame, by kind, then its live check. */
export function StepBody(props: Props) {
  const { step } = props;
  return (
    <>
      <KindBody {...props} />
      {step.kind !== "validate" && (step.checks ?? []).length > 0 && <LiveCheck key={step.id} {...props} />}
    </>
  );
}

/** "Check it", offered once the setup can sign in; before that, a pointer to where it is set up. */
function LiveCheck({ setup, step, steps, onGoTo, onStepVerdict }: Props) {
  const ready = useSignInReady(setup);
  const at = steps.findIndex((s) => s.id === SIGN_IN_STEP);
  const signIn = at >= 0 && step.id !== SIGN_IN_STEP ? steps[at] : undefined;
  if (ready === null) return null;
  return (
    <StepCheck
      setupId={setup.id}
      step={step}
      onVerdict={(passed) => onStepVerdict(step.id, passed)}
      signInFirst={!ready && signIn !== undefined ? { title: signIn.title, number: at + 1, onGoTo: () => onGoTo(signIn.id) } : null}
    />
  );
}

function KindBody({ setup, step, onRunFinished, onProfile, onChange, onEntity, onReplace, takeRunNow }: Props) {
  switch (step.kind) {
    case "external":
      return <StepGuide setup={setup} step={step} onChange={onChange} onEntity={onEntity} />;
    case "profile":
      return <ProfilePicker erp={setup.erp} selected={setup.profile_id} onSelect={onProfile} />;
    case "credentials":
      return (
        <>
          <StepGuide setup={setup} step={step} onChange={onChange} onEntity={onEntity} />
          <CredentialsStep setup={setup} />
        </>
      );
    case "validate":
      return <ValidateStep setup={setup} onRunFinished={onRunFinished} onReplace={onReplace} takeRunNow={takeRunNow} />;
    case "auth-method":
    case "integration-record":
    case "oauth-code":
    case "oauth-m2m":
    case "ownership":
      return <AuthStepBody setup={setup} step={step} onChanged={onRunFinished} />;
    case "report":
      return <ReportStep setup={setup} onChanged={onRunFinished} />;
  }
}

/** The run, and in Practice mode the simulated fix and what the simulator logged. */
interface ValidateProps {
  setup: Setup;
  onRunFinished: () => void;
  onReplace: (setup: Setup) => void;
  takeRunNow?: () => boolean;
}

function ValidateStep({ setup, onRunFinished, onReplace, takeRunNow }: ValidateProps) {
  const [runId, setRunId] = useState<string | null>(setup.last_run?.run_id ?? null);
  const practice = setup.practice_scenario !== null;
  return (
    <>
      <RunPanel
        setupId={setup.id}
        steps={stepsFor(setup.erp, setup.auth_method)}
        takeAutoStart={takeRunNow}
        onFinished={(summary) => {
          setRunId(summary.run_id);
          onRunFinished();
        }}
        after={(run) => {
          // After a failing run now, or, on reopening, when the last full run failed.
          const failing =
            run.phase === "finished"
              ? run.results.some((r) => r.status === "fail")
              : run.phase === "idle" && (setup.last_run?.failed ?? 0) > 0;
          return practice && failing ? <PracticeFixPanel setup={setup} onApplied={onReplace} /> : null;
        }}
      />
      {practice && <AuditTrailPanel setup={setup} runId={runId} />}
    </>
  );
}
