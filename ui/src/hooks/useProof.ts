import { useRef, useState } from "react";
import { api, toApiError, type ApiError, type CheckResult, type RunEvent } from "../api";

export type ProofPhase = "idle" | "running" | "cancelling" | "done" | "failed";

/** A proof of new credentials: a full run streamed like Validate's, then its outcome. */
export function useProof<T>(prove: (onEvent: (e: RunEvent) => void) => Promise<T>) {
  const [phase, setPhase] = useState<ProofPhase>("idle");
  const [total, setTotal] = useState(0);
  const [results, setResults] = useState<CheckResult[]>([]);
  const [outcome, setOutcome] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const runId = useRef<string | null>(null);

  async function start() {
    setPhase("running");
    setTotal(0);
    setResults([]);
    setOutcome(null);
    setError(null);
    runId.current = null;
    try {
      const done = await prove((e) => {
        if (e.type === "started") {
          runId.current = e.run_id;
          setTotal(e.total);
        } else if (e.type === "check_finished") {
          setResults((r) => [...r, e.result]);
        }
      });
      setOutcome(done);
      setPhase("done");
    } catch (e) {
      setError(toApiError(e));
      setPhase("failed");
    }
  }

  function cancel() {
    if (runId.current === null) return;
    setPhase("cancelling");
    api.cancelRun(runId.current).catch((e: unknown) => setError(toApiError(e)));
  }

  return { phase, total, results, outcome, error, start, cancel };
}
