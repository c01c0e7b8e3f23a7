import type { Diagnosis } from "../api";
import { MenuPath } from "./MenuPath";

interface Props {
  diagnosis: Diagnosis;
  /** Short heading, e.g. the check's title or "Could not save". */
  title?: string;
  /** "error" for failures, "warning" for warnings. */
  tone?: "error" | "warning";
}

/** Cause → fix → where, the shape of every failure the user can meet. */
export function DiagnosisPanel({ diagnosis, title, tone = "error" }: Props) {
  return (
    <section className={`diagnosis ${tone}`} aria-label={title ?? "What went wrong"}>
      {title !== undefined && <h3 className="diagnosis-title">{title}</h3>}
      <dl>
        <dt>Cause</dt>
        <dd>{diagnosis.cause}</dd>
        <dt>Fix</dt>
        <dd>{diagnosis.fix}</dd>
        {diagnosis.where !== "" && (
          <>
            <dt>Where</dt>
            <dd>
              <MenuPath path={diagnosis.where} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
