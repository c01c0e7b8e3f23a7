import type { ApiError } from "../api";
import { DiagnosisPanel } from "./DiagnosisPanel";

/** Any failed call: the diagnosis when the backend gave one, else its message. */
export function ErrorPanel({ error, title }: { error: ApiError; title: string }) {
  if (error.diagnosis !== null) {
    return (
      <div role="alert">
        <DiagnosisPanel diagnosis={error.diagnosis} title={title} />
        <p className="muted small">Details: {error.message}</p>
      </div>
    );
  }
  return (
    <div role="alert" className="diagnosis error">
      <h3 className="diagnosis-title">{title}</h3>
      <p>{error.message}</p>
    </div>
  );
}
