import { useCallback } from "react";
import { api } from "../api";
import { useLoad } from "../hooks/useLoad";
import { CopyButton } from "./CopyButton";
import { ErrorPanel } from "./ErrorPanel";

/**
 * Practice mode only: the simulator's made-up credential values, shown so the
 * user can rehearse pasting them. They open nothing but the built-in simulator.
 */
export function PracticeValues({ setupId, names }: { setupId: string; names?: string[] }) {
  const load = useCallback(() => api.practiceCredentials(setupId), [setupId]);
  const { data, error } = useLoad(load);
  return (
    <section className="practice-values" aria-labelledby="practice-values-title" data-testid="practice-values">
      <h3 id="practice-values-title">Simulated values to copy</h3>
      <p className="hint">
        Simulation only: these made-up values belong to the practice scenario and work only against Onramp's built-in
        simulator. In a real setup you copy them from NetSuite or Sage Intacct instead.
      </p>
      {error !== null && <ErrorPanel error={error} title="Could not load the simulated values" />}
      {data !== null && (
        <dl>
          {data
            .filter((v) => names === undefined || names.includes(v.name))
            .map((v) => (
              <div key={v.name} className="practice-value">
                <dt>{v.label}</dt>
                <dd>
                  <code data-testid={`practice-value-${v.name}`}>{v.value}</code>{" "}
                  <CopyButton text={v.value} what={`simulated ${v.label.toLowerCase()}`} />
                </dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}
