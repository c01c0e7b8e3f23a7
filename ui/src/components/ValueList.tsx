import { CopyButton } from "./CopyButton";

export interface Value {
  label: string;
  value: string;
  /** Why this value, or where it comes from. */
  note?: string;
}

/** Values to type into the ERP, each with a copy button. */
export function ValueList({ title, values }: { title: string; values: Value[] }) {
  if (values.length === 0) return null;
  return (
    <section className="value-list" aria-label={title}>
      <h3>{title}</h3>
      <dl>
        {values.map((v) => (
          <div key={v.label} className="value-row">
            <dt>{v.label}</dt>
            <dd>
              <code>{v.value}</code> <CopyButton text={v.value} what={v.label.toLowerCase()} />
              {v.note !== undefined && <span className="hint"> {v.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Something the ERP does that cannot be undone or seen again. */
export function Warning({ children }: { children: React.ReactNode }) {
  return (
    <p className="step-warning" role="note">
      <strong>Careful: </strong>
      {children}
    </p>
  );
}
