import { useEffect, useRef, type ReactNode } from "react";
import type { StepDef } from "../model/steps";
import { MenuPath } from "./MenuPath";

interface Props {
  step: StepDef;
  /** Step number shown to the user, starting at 1. */
  number: number;
  total: number;
  children?: ReactNode;
  /** Primary action row (e.g. "I've done this"). */
  actions?: ReactNode;
}

/** The common frame of every step: what, why, where, then the step's own content. */
export function StepPage({ step, number, total, children, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);

  // Moving between steps puts focus on the new step's title, so keyboard and
  // screen-reader users land where the content changed.
  useEffect(() => {
    heading.current?.focus();
  }, [step.id]);

  return (
    <section className="step-page" aria-labelledby={`step-title-${step.id}`}>
      <p className="muted small">
        Step {number} of {total}
      </p>
      <h2 id={`step-title-${step.id}`} ref={heading} tabIndex={-1}>
        {step.title}
      </h2>
      <p className="purpose">{step.purpose}</p>
      {step.menuPath !== null && (
        <p className="where">
          <span className="where-label">Where: </span>
          <MenuPath path={step.menuPath} />
        </p>
      )}
      {children}
      {actions !== undefined && <div className="actions step-actions">{actions}</div>}
    </section>
  );
}
