import "../styles/auth.css";
import type { Setup } from "../api";
import type { StepDef } from "../model/steps";
import { AuthMethodStep } from "./AuthMethodStep";
import { IntegrationRecordStep } from "./IntegrationRecordStep";
import { M2mStep } from "./M2mStep";
import { OAuthCodeStep } from "./OAuthCodeStep";
import { OwnershipStep } from "./OwnershipStep";

interface Props {
  setup: Setup;
  step: StepDef;
  /** The backend changed the setup: reload it. */
  onChanged: () => void;
}

/** The NetSuite sign-in steps (authSteps.ts), by kind. */
export function AuthStepBody({ setup, step, onChanged }: Props) {
  switch (step.kind) {
    case "auth-method":
      return <AuthMethodStep setup={setup} onChanged={onChanged} />;
    case "integration-record":
      return <IntegrationRecordStep setup={setup} />;
    case "oauth-code":
      return <OAuthCodeStep setup={setup} onChanged={onChanged} />;
    case "oauth-m2m":
      return <M2mStep setup={setup} onChanged={onChanged} />;
    case "ownership":
      return <OwnershipStep setup={setup} />;
    default:
      return null;
  }
}
