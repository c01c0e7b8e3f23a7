interface Props {
  done: number;
  total: number;
  label: string;
}

export function ProgressBar({ done, total, label }: Props) {
  const max = Math.max(total, 1);
  const now = Math.min(done, max);
  const text = total > 0 ? `${done} of ${total} checks` : "Preparing checks…";
  return (
    <div className="progress">
      <div
        role="progressbar"
        data-testid="run-progress"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={text}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${(now / max) * 100}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}
