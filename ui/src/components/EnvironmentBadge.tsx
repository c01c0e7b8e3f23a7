import type { Environment } from "../api";
import { ENVIRONMENT_LABEL } from "../model/environment";

interface Props {
  environment: Environment;
  /** Set when the setup runs against the built-in simulator. */
  practice?: boolean;
}

/** Production vs. sandbox vs. practice, visible wherever an account is shown. */
export function EnvironmentBadge({ environment, practice = false }: Props) {
  if (practice) {
    return (
      <span className="badge env-practice" data-environment="practice">
        Practice — simulation
      </span>
    );
  }
  return (
    <span className={`badge env-${environment}`} data-environment={environment}>
      {ENVIRONMENT_LABEL[environment]}
    </span>
  );
}
