import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RailStep } from "../model/rail";
import { StepRail } from "./StepRail";

const steps: RailStep[] = [
  { id: "account", title: "Account", status: "done" },
  { id: "profile", title: "Connector profile", status: "failed" },
  { id: "features", title: "Features", status: "current" },
  { id: "role", title: "Role & permissions", status: "upcoming" },
];

function setup() {
  const onJump = vi.fn();
  render(<StepRail steps={steps} onJump={onJump} />);
  const button = (id: string) => screen.getByTestId(`step-${id}`);
  return { onJump, button, user: userEvent.setup() };
}

describe("StepRail", () => {
  it("is a navigation landmark holding an ordered list of step buttons", () => {
    setup();
    const nav = screen.getByRole("navigation", { name: "Setup steps" });
    const list = within(nav).getByRole("list");
    expect(list.tagName).toBe("OL");
    expect(within(list).getAllByRole("button").map((b) => b.dataset.testid)).toEqual([
      "step-account",
      "step-profile",
      "step-features",
      "step-role",
    ]);
  });

  it("marks only the current step with aria-current=step and names each status in text", () => {
    const { button } = setup();
    expect(button("features")).toHaveAttribute("aria-current", "step");
    for (const id of ["account", "profile", "role"]) expect(button(id)).not.toHaveAttribute("aria-current");
    expect(button("account")).toHaveTextContent("Done");
    expect(button("profile")).toHaveTextContent("Needs attention");
    expect(button("role")).toHaveTextContent("Not yet");
    expect(button("role")).toHaveAttribute("aria-disabled", "true");
  });

  it("has a single tab stop, on the current step", async () => {
    const { button, user } = setup();
    await user.tab();
    expect(button("features")).toHaveFocus();
    await user.tab();
    expect(document.body).toHaveFocus();
  });

  it("moves focus with arrow keys, Home and End, wrapping at the ends", async () => {
    const { button, user } = setup();
    await user.tab();
    await user.keyboard("{ArrowDown}");
    expect(button("role")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(button("account")).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(button("role")).toHaveFocus();
    await user.keyboard("{Home}");
    expect(button("account")).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(button("profile")).toHaveFocus();
    await user.keyboard("{End}");
    expect(button("role")).toHaveFocus();
    // The tab stop follows focus, so leaving and coming back returns here.
    expect(button("role")).toHaveAttribute("tabindex", "0");
    expect(button("features")).toHaveAttribute("tabindex", "-1");
  });

  it("jumps back to done and failed steps with Enter, Space or a click", async () => {
    const { button, onJump, user } = setup();
    await user.tab();
    await user.keyboard("{Home}{Enter}");
    expect(onJump).toHaveBeenLastCalledWith("account");
    await user.keyboard("{ArrowDown}[Space]");
    expect(onJump).toHaveBeenLastCalledWith("profile");
    await user.click(button("account"));
    expect(onJump).toHaveBeenCalledTimes(3);
  });

  it("does not jump to upcoming steps or to the current one", async () => {
    const { button, onJump, user } = setup();
    await user.click(button("role"));
    await user.click(button("features"));
    act(() => button("role").focus());
    await user.keyboard("{Enter}");
    expect(onJump).not.toHaveBeenCalled();
  });
});
