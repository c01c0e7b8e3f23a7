import { useCallback } from "react";

/**
 * A screen's heading takes focus when it appears (after the screen's data
 * loads, if it waits for it), so keyboard and screen-reader users start where
 * the content changed, as each wizard step does. Put the returned ref and
 * `tabIndex={-1}` on the screen's heading.
 */
export function useScreenHeading() {
  return useCallback((heading: HTMLHeadingElement | null) => heading?.focus(), []);
}
