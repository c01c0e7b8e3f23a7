import { diagnosisOf, type CheckResult, type CheckStatus } from "../api";
import { DiagnosisPanel } from "./DiagnosisPanel";
import { PermissionDiffTable } from "./PermissionDiffTable";

const STATUS: Record<CheckStatus, { icon: string; text: string }> = {
  pass: { icon: "✓", text: "Passed" },
  fail: { icon: "✗", text: "Failed" },
  warn: { icon: "⚠", text: "Warning" },
  skip: { icon: "–", text: "Skipped" },
};

export function CheckResultItem({ result }: { result: CheckResult }) {
  const diagnosis = diagnosisOf(result);
  const status = STATUS[result.status];
  const evidence = result.evidence ?? [];
  return (
    <li className={`check ${result.status}`} data-check-id={result.id} data-status={result.status}>
      <div className="check-head">
        <span className="check-status">
          <span aria-hidden="true" className="check-icon">
            {status.icon}
          </span>{" "}
          {status.text}
        </span>
        <span className="check-title">{result.title}</span>
      </div>
      <p className="check-summary">{result.summary}</p>
      {diagnosis !== null && (result.status === "fail" || result.status === "warn") && (
        <DiagnosisPanel diagnosis={diagnosis} tone={result.status === "fail" ? "error" : "warning"} title={`${result.title}: how to fix`} />
      )}
      {result.diff != null && (
        <PermissionDiffTable diff={result.diff} erp={result.id.startsWith("intacct.") ? "intacct" : "netsuite"} />
      )}
      {evidence.length > 0 && (
        <details className="evidence">
          <summary>Evidence</summary>
          <dl>
            {evidence.map((e, i) => (
              <div key={i}>
                <dt>{e.label}</dt>
                <dd>{e.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
