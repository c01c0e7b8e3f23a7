import { useCallback, useState } from "react";
import { toApiError, type ApiError } from "../api";

/**
 * One backend action at a time: `busy` while it runs, its error (cleared when
 * the next starts) shown by the caller. `work` does the call and keeps what
 * it returns.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
