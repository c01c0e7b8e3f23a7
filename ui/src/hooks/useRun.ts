import { useCallback, useEffect, useReducer, useRef } from "react";
import { api, toApiError, type ApiError, type CheckResult, type RunEvent, type RunRecord, type RunSummary } from "../api";

export type RunPhase = "idle" | "starting" | "running" | "cancelling" | "finished" | "failed";

export interface RunState {
  phase: RunPhase;
  /** The check ids this run was limited to, or null for the whole suite. */
  only: string[] | null;
  runId: string | null;
  total: number;
  /** Checks started but not finished yet, by id. */
  inProgress: { id: string; title: string }[];
  results: CheckResult[];
  summary: RunSummary | null;
  error: ApiError | null;
}

type Action =
  | { type: "start"; only: string[] | null }
  | { type: "run_id"; runId: string }
  | { type: "event"; event: RunEvent }
  | { type: "cancelling" }
  | { type: "error"; error: ApiError }
  | { type: "restore"; record: RunRecord };

export const initialRun: RunState = {
  phase: "idle",
  only: null,
  runId: null,
  total: 0,
  inProgress: [],
  results: [],
  summary: null,
  error: null,
};

export function runReducer(state: RunState, action: Action): RunState {
  switch (action.type) {
    case "start":
      return { ...initialRun, phase: "starting", only: action.only };
    case "run_id":
      return { ...state, runId: action.runId, phase: state.phase === "starting" ? "running" : state.phase };
    case "cancelling":
      return { ...state, phase: "cancelling" };
    case "error":
      // A failed cancel leaves the run going; anything else ends it.
      return state.phase === "cancelling"
        ? { ...state, phase: "running", error: action.error }
        : { ...state, phase: "failed", error: action.error };
    case "event":
      return applyEvent(state, action.event);
    case "restore":
      // The stored last run, shown until a new one starts (never over a live one).
      if (state.phase !== "idle") return state;
      return {
        ...state,
        phase: "finished",
        runId: action.record.summary?.run_id ?? null,
        total: action.record.checks.length,
        results: action.record.checks,
        summary: action.record.summary ?? null,
      };
  }
}

function applyEvent(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case "started":
      return {
        ...state,
        runId: event.run_id,
        total: event.total,
        phase: state.phase === "cancelling" ? "cancelling" : "running",
      };
    case "check_started":
      return { ...state, inProgress: [...state.inProgress, { id: event.id, title: event.title }] };
    case "check_finished":
      return {
        ...state,
        inProgress: state.inProgress.filter((c) => c.id !== event.result.id),
        results: [...state.results, event.result],
      };
    case "finished":
      return { ...state, phase: "finished", inProgress: [], summary: event.summary };
  }
}

export interface Run extends RunState {
  /** Runs the whole suite, or only these checks and what they need. */
  start: (only?: string[] | null) => void;
  cancel: () => void;
}

/**
 * Streams a validation run of one setup; `onFinished` fires once the summary
 * arrives. With `restoreLast`, starts by showing the setup's stored last run.
 */
export function useRun(setupId: string, onFinished?: (summary: RunSummary) => void, restoreLast = false): Run {
  const [state, dispatch] = useReducer(runReducer, initialRun);
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (!restoreLast) return;
    let live = true;
    api.getLastRun(setupId).then(
      (record) => live && record !== null && dispatch({ type: "restore", record }),
      // Without a stored run the panel simply starts empty.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [setupId, restoreLast]);

  const start = useCallback(
    (only: string[] | null = null) => {
      dispatch({ type: "start", only });
      api
        .startRun(
          setupId,
          (event) => {
            dispatch({ type: "event", event });
            if (event.type === "finished") finishedRef.current?.(event.summary);
          },
          only,
        )
        .then(
          (runId) => dispatch({ type: "run_id", runId }),
          (e: unknown) => dispatch({ type: "error", error: toApiError(e) }),
        );
    },
    [setupId],
  );

  const { runId } = state;
  const cancel = useCallback(() => {
    if (runId === null) return;
    dispatch({ type: "cancelling" });
    api.cancelRun(runId).catch((e: unknown) => dispatch({ type: "error", error: toApiError(e) }));
  }, [runId]);

  return { ...state, start, cancel };
}
