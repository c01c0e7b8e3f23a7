import { useCallback, useEffect, useRef, useState } from "react";
import { api, toApiError, type ApiError, type Setup } from "../api";
import { stepsFor } from "../model/steps";

export interface SetupState {
  setup: Setup | null;
  error: ApiError | null;
  /** Moves the setup to another step and saves it. */
  goTo: (stepId: string) => Promise<void>;
  /** Marks a step done, moves on to the next one and saves. */
  markDone: (stepId: string) => Promise<void>;
  /** Saves a change to the setup's own fields (e.g. the chosen profile). */
  update: (patch: Partial<Pick<Setup, "profile_id" | "auth_method" | "fields" | "entity_id" | "steps">>) => Promise<void>;
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

  // Bumped by every save, so a reload that started before it cannot bring back older data.
  const saves = useRef(0);

  const save = useCallback(async (next: Setup) => {
    saves.current += 1;
    try {
      setSetup(await api.saveSetup(next));
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  }, []);

  const goTo = useCallback(
    async (stepId: string) => {
      if (setup === null) return;
      await save({ ...setup, current_step: stepId });
    },
    [setup, save],
  );

  const markDone = useCallback(
    async (stepId: string) => {
      if (setup === null) return;
      const steps = stepsFor(setup.erp, setup.auth_method);
      const index = steps.findIndex((s) => s.id === stepId);
      const next = steps[index + 1]?.id ?? stepId;
      const now = new Date().toISOString();
      await save({
        ...setup,
        current_step: next,
        steps: { ...setup.steps, [stepId]: { status: "done", updated_at: now } },
      });
    },
    [setup, save],
  );

  const update = useCallback(
    async (patch: Partial<Pick<Setup, "profile_id" | "auth_method" | "fields" | "entity_id" | "steps">>) => {
      if (setup === null) return;
      await save({ ...setup, ...patch });
    },
    [setup, save],
  );

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

  return { setup, error, goTo, markDone, update, refresh, replace };
}
