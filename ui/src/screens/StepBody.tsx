import type { Setup } from "../api";
import { ProfilePicker } from "../components/ProfilePicker";
import { RunPanel } from "../components/RunPanel";
import { RunSummaryView } from "../components/RunSummaryView";
import { SecretField } from "../components/SecretField";
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
      return step.secret === undefined ? null : <SecretField setupId={setup.id} spec={step.secret} />;
    case "validate":
      return <RunPanel setupId={setup.id} onFinished={onRunFinished} />;
    case "report":
      return setup.last_run === null ? (
        <p className="muted">Run the checks on the Validate step first; the report shows what they proved.</p>
      ) : (
        <RunSummaryView summary={setup.last_run} />
      );
  }
}
