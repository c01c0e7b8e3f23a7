import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { appInfo } from "../test/fixtures";
import { AboutPanel } from "./AboutPanel";

describe("AboutPanel", () => {
  it("opens from the keyboard with the name, the version and what Practice mode is", async () => {
    render(<AboutPanel info={appInfo({ version: "1.4.2" })} />);
    const toggle = screen.getByRole("button", { name: "About Onramp" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByTestId("about-panel")).toBeNull();

    await userEvent.tab();
    expect(toggle).toHaveFocus();
    await userEvent.keyboard("{Enter}");

    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const panel = screen.getByRole("region", { name: "About Onramp" });
    expect(toggle).toHaveAttribute("aria-controls", panel.id);
    expect(panel).toHaveTextContent("Onramp version 1.4.2");
    expect(panel).toHaveTextContent(/Practice mode is a simulation/);
    expect(panel).toHaveTextContent(/proves nothing about a real account/);

    await userEvent.keyboard("{Enter}");
    expect(screen.queryByTestId("about-panel")).toBeNull();
  });

  it("says the version is unknown rather than inventing one", async () => {
    render(<AboutPanel info={null} />);
    await userEvent.click(screen.getByRole("button", { name: "About Onramp" }));
    expect(screen.getByTestId("about-version")).toHaveTextContent("version unknown");
  });
});
