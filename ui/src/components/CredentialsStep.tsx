import { useCallback } from "react";
import { api, type Setup } from "../api";
import { useLoad } from "../hooks/useLoad";
import { ErrorPanel } from "./ErrorPanel";
import { PracticeValues } from "./PracticeValues";
import { SecretField } from "./SecretField";

/** One write-only field per secret the setup's sign-in method needs. */
export function CredentialsStep({ setup }: { setup: Setup }) {
  const { erp, auth_method } = setup;
  const load = useCallback(() => api.secretSpecs({ erp, auth_method }), [erp, auth_method]);
  const { data: specs, error } = useLoad(load);
  return (
    <div className="credentials-step">
      {setup.practice_scenario !== null && <PracticeValues setupId={setup.id} />}
      {error !== null && <ErrorPanel error={error} title="Could not list the credentials to store" />}
      {specs?.map((spec) => <SecretField key={spec.name} setupId={setup.id} spec={spec} />)}
    </div>
  );
}
