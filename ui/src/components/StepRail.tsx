import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { isJumpable, type RailStatus, type RailStep } from "../model/rail";

const STATUS_TEXT: Record<RailStatus, string> = {
  done: "Done",
  current: "Current step",
  upcoming: "Not yet",
  failed: "Needs attention",
};

const STATUS_ICON: Record<RailStatus, string> = {
  done: "✓",
  current: "●",
  upcoming: "○",
  failed: "!",
};

interface Props {
  steps: RailStep[];
  onJump: (stepId: string) => void;
  label?: string;
}

/**
 * The flow's steps. One tab stop; arrow keys, Home and End move between steps;
 * Enter or Space opens a done step. Upcoming steps cannot be opened yet.
 */
export function StepRail({ steps, onJump, label = "Setup steps" }: Props) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const currentIndex = Math.max(
    0,
    steps.findIndex((s) => s.status === "current"),
  );
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  // In a narrow window the rail scrolls sideways; keep the current step in view.
  useEffect(() => {
    buttons.current[currentIndex]?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [currentIndex]);
  const tabStop = focusIndex !== null && focusIndex < steps.length ? focusIndex : currentIndex;

  function moveFocus(index: number) {
    const last = steps.length - 1;
    const target = index < 0 ? last : index > last ? 0 : index;
    setFocusIndex(target);
    buttons.current[target]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowRight":
        moveFocus(index + 1);
        break;
      case "ArrowUp":
      case "ArrowLeft":
        moveFocus(index - 1);
        break;
      case "Home":
        moveFocus(0);
        break;
      case "End":
        moveFocus(steps.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <nav aria-label={label} className="step-rail" data-testid="step-rail">
      <ol>
        {steps.map((step, index) => {
          const jumpable = isJumpable(step.status);
          return (
            <li key={step.id} className={`rail-step ${step.status}`}>
              <button
                type="button"
                ref={(el) => {
                  buttons.current[index] = el;
                }}
                data-testid={`step-${step.id}`}
                data-status={step.status}
                tabIndex={index === tabStop ? 0 : -1}
                aria-current={step.status === "current" ? "step" : undefined}
                aria-disabled={step.status === "upcoming" ? true : undefined}
                onFocus={() => setFocusIndex(index)}
                onKeyDown={(e) => onKeyDown(e, index)}
                onClick={() => {
                  if (jumpable) onJump(step.id);
                }}
              >
                <span className="rail-icon" aria-hidden="true">
                  {STATUS_ICON[step.status]}
                </span>
                <span className="rail-text">
                  <span className="rail-title">
                    {index + 1}. {step.title}
                  </span>
                  <span className="rail-status">{STATUS_TEXT[step.status]}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
