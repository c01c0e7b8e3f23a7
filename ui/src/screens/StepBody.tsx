import { useState } from "react";
import type { Setup } from "../api";
import { AuditTrailPanel } from "../components/AuditTrailPanel";
import { CredentialsStep } from "../components/CredentialsStep";
import { ProfilePicker } from "../components/ProfilePicker";
import { RunPanel } from "../components/RunPanel";
import { ReportStep } from "../components/share/ReportStep";
import type { StepDef } from "../model/steps";

interface Props {
  setup: Setup;
  step: StepDef;
  onRunFinished: () => void;
  onProfile: (profileId: string) => void;
}

/** What a step adds to the common frame, by kind. */
export function StepBody({ setup, step, onRunFinished, onProfile }: Props) {
  switch (step.kind) {
    case "external":
      return null;
    case "profile":
      return <ProfilePicker erp={setup.erp} selected={setup.profile_id} onSelect={onProfile} />;
    case "credentials":
      return <CredentialsStep setup={setup} />;
    case "validate":
      return <ValidateStep setup={setup} onRunFinished={onRunFinished} />;
    case "report":
      return <ReportStep setup={setup} onChanged={onRunFinished} />;
  }
}

/** The run, and in Practice mode what the simulator logged during it. */
function ValidateStep({ setup, onRunFinished }: { setup: Setup; onRunFinished: () => void }) {
  const [runId, setRunId] = useState<string | null>(setup.last_run?.run_id ?? null);
  return (
    <>
      <RunPanel
        setupId={setup.id}
        onFinished={(summary) => {
          setRunId(summary.run_id);
          onRunFinished();
        }}
      />
      {setup.practice_scenario !== null && <AuditTrailPanel setup={setup} runId={runId} />}
    </>
  );
}
