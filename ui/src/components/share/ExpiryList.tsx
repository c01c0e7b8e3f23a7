import type { Expiry } from "../../api";
import { expiryState } from "../../model/expiry";
import { formatTime } from "../../model/format";

/** What expires and when; soon-to-expire and expired dates are flagged in words, not only colour. */
export function ExpiryList({ expiries, now = new Date() }: { expiries: Expiry[]; now?: Date }) {
  if (expiries.length === 0) return null;
  return (
    <section aria-label="Expiry dates" className="expiries">
      <h3>Expiry dates</h3>
      <ul>
        {expiries.map((e) => {
          const state = expiryState(e.expires_at, now);
          return (
            <li key={e.what} className={`expiry ${state.kind}`} data-expiry={state.kind}>
              {e.what}: {formatTime(e.expires_at)}
              {state.text !== "" && <strong> — {state.text}</strong>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
