import type { Expiry } from "../api";

/** Days before expiry from which a date is flagged. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ExpiryKind = "ok" | "soon" | "expired" | "unknown";

export function expiryState(expiresAt: string, now: Date): { kind: ExpiryKind; text: string } {
  const at = new Date(expiresAt).getTime();
  if (Number.isNaN(at)) return { kind: "unknown", text: "date unreadable" };
  const days = Math.floor((at - now.getTime()) / DAY_MS);
  if (at <= now.getTime()) return { kind: "expired", text: "expired" };
  if (days < EXPIRY_WARNING_DAYS) return { kind: "soon", text: days === 0 ? "expires today" : `expires in ${days} days` };
  return { kind: "ok", text: "" };
}

/** The expiry that comes first, or null. */
export function soonest(expiries: Expiry[]): Expiry | null {
  let best: Expiry | null = null;
  for (const e of expiries) {
    const t = new Date(e.expires_at).getTime();
    if (Number.isNaN(t)) continue;
    if (best === null || t < new Date(best.expires_at).getTime()) best = e;
  }
  return best;
}
