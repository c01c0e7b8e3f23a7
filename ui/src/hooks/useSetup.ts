import { useCallback, useEffect, useRef, useState } from "react";
import { api, toApiError, type ApiError, type Setup, type SetupChange } from "../api";

export interface SetupState {
  setup: Setup | null;
  error: ApiError | null;
  /** Moves the setup to another step. */
  goTo: (stepId: string) => Promise<void>;
  /** Marks a step done; the backend moves the setup on to the flow's next step. */
  markDone: (stepId: string) => Promise<void>;
  /** Makes narrow changes (fields, profile, entity, a step's status) on the stored setup. */
  change: (changes: SetupChange[]) => Promise<void>;
  /** Replaces the setup with what the backend returns (e.g. after a run). */
  refresh: () => Promise<void>;
  /** Shows a setup the backend just saved (e.g. after a practice fix). */
  replace: (setup: Setup) => void;
}

export function useSetup(id: string): SetupState {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    api.getSetup(id).then(
      (s) => live && setSetup(s),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  // Bumped by every change, so a reload that started before it cannot bring back older data.
  const saves = useRef(0);

  const change = useCallback(
    async (changes: SetupChange[]) => {
      saves.current += 1;
      try {
        setSetup(await api.changeSetup(id, changes));
        setError(null);
      } catch (e) {
        setError(toApiError(e));
      }
    },
    [id],
  );

  const goTo = useCallback((stepId: string) => change([{ type: "go_to", step: stepId }]), [change]);

  const markDone = useCallback((stepId: string) => change([{ type: "mark_done", step: stepId }]), [change]);

  const refresh = useCallback(async () => {
    const before = saves.current;
    try {
      const fresh = await api.getSetup(id);
      if (saves.current === before) setSetup(fresh);
    } catch (e) {
      setError(toApiError(e));
    }
  }, [id]);

  const replace = useCallback((next: Setup) => {
    saves.current += 1;
    setSetup(next);
  }, []);

  return { setup, error, goTo, markDone, change, refresh, replace };
}
