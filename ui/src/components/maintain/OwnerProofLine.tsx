import type { OwnerOutcome } from "../../api";

/** Who the proven credentials act as, against whom they should. */
export function OwnerProofLine({ outcome }: { outcome: OwnerOutcome }) {
  const owner = outcome.owner;
  if (owner === null) return null;
  return (
    <p data-testid="owner-proof" data-matches={owner.matches === null ? "unknown" : String(owner.matches)}>
      {owner.acting_as !== null
        ? `The new credentials act as ${owner.acting_as} (expected ${owner.expected}). `
        : `Expected user: ${owner.expected}. `}
      {owner.how}
    </p>
  );
}
