import type { ReactNode } from "react";

/**
 * A table that may scroll sideways: the wrapper takes keyboard focus so the
 * overflow can be scrolled without a mouse, and is named for screen readers.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // axe: scrollable-region-focusable.
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
