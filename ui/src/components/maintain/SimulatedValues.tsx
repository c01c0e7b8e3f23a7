import type { PracticeValue } from "../../api";
import { CopyButton } from "../CopyButton";

/** Practice mode only: what the simulated administrator created, to paste as the new values. */
export function SimulatedValues({ values, what }: { values: PracticeValue[]; what: string }) {
  if (values.length === 0) return null;
  return (
    <section className="practice-values" aria-label={`Simulated ${what}`} data-testid="maintain-values">
      <h4>Simulated {what}</h4>
      <p className="hint">
        Simulation only: made-up values the practice scenario's administrator created. They open nothing but
        Onramp's built-in simulator.
      </p>
      <dl>
        {values.map((v) => (
          <div key={v.name} className="practice-value">
            <dt>{v.label}</dt>
            <dd>
              <code data-testid={`maintain-value-${v.name}`}>{v.value}</code>{" "}
              <CopyButton text={v.value} what={`simulated ${v.label.toLowerCase()}`} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
