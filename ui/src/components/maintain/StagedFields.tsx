import { useCallback, useEffect, useState } from "react";
import { api, toApiError, type ApiError } from "../../api";
import { useLoad } from "../../hooks/useLoad";
import { ErrorPanel } from "../ErrorPanel";
import { StagedSecretField } from "./StagedSecretField";

const LABEL: Record<string, string> = {
  "netsuite.token_id": "Token ID",
  "netsuite.token_secret": "Token Secret",
  "intacct.user_password": "Web Services user password",
};

interface Props {
  setupId: string;
  /** Changes after a proof, which may have moved the new values into place. */
  generation: number;
  /** Whether every new value is stored. */
  onReady: (ready: boolean) => void;
}

/** The new values a rotation needs, each stored write-only beside the working one. */
export function StagedFields({ setupId, generation, onReady }: Props) {
  const load = useCallback(() => api.rotationState(setupId), [setupId]);
  const state = useLoad(load);
  const { reload } = state;
  const staged = state.data?.staged ?? [];
  const ready = staged.length > 0 && staged.every((s) => s.stored);
  useEffect(() => reload(), [generation, reload]);
  useEffect(() => onReady(ready), [ready, onReady]);
  const [forgetError, setForgetError] = useState<ApiError | null>(null);
  async function forget() {
    setForgetError(null);
    try {
      await api.rotationDiscard(setupId);
      reload();
    } catch (e) {
      setForgetError(toApiError(e));
    }
  }
  return (
    <>
      {state.error !== null && <ErrorPanel error={state.error} title="Could not read the keychain" />}
      {staged.map((s) => (
        <StagedSecretField
          key={s.name}
          setupId={setupId}
          name={s.name}
          label={LABEL[s.name] ?? s.name}
          stored={s.stored}
          onStored={reload}
        />
      ))}
      {staged.some((s) => s.stored) && (
        <div className="actions">
          <button type="button" className="button" data-testid="staged-forget" onClick={() => void forget()}>
            Forget the new values
          </button>
        </div>
      )}
      {forgetError !== null && <ErrorPanel error={forgetError} title="Could not forget the new values" />}
    </>
  );
}
