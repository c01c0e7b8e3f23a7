import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api";
import { DiagnosisPanel } from "./DiagnosisPanel";
import { ErrorPanel } from "./ErrorPanel";

const diagnosis = {
  cause: "The role has no 'Log in using Access Tokens' permission.",
  fix: "Add Log in using Access Tokens at level Full to the role.",
  where: "Setup > Users/Roles > Manage Roles",
};

describe("DiagnosisPanel", () => {
  it("presents cause, then fix, then where, as labelled terms", () => {
    render(<DiagnosisPanel diagnosis={diagnosis} title="Sign in failed" />);
    const panel = screen.getByRole("region", { name: "Sign in failed" });
    const terms = [...panel.querySelectorAll("dt")].map((dt) => dt.textContent);
    expect(terms).toEqual(["Cause", "Fix", "Where"]);
    const values = [...panel.querySelectorAll("dd")].map((dd) => dd.textContent);
    expect(values[0]).toBe(diagnosis.cause);
    expect(values[1]).toBe(diagnosis.fix);
    expect(values[2]).toContain("Manage Roles");
  });

  it("copies the exact menu path", async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    render(<DiagnosisPanel diagnosis={diagnosis} />);
    await user.click(screen.getByRole("button", { name: "Copy menu path" }));
    expect(writeText).toHaveBeenCalledWith("Setup > Users/Roles > Manage Roles");
    await waitFor(() => expect(screen.getByText("Copied")).toBeInTheDocument());
  });

  it("leaves out Where when the failure has no place in the ERP", () => {
    render(<DiagnosisPanel diagnosis={{ ...diagnosis, where: "" }} />);
    expect(screen.queryByText("Where")).toBeNull();
    expect(screen.queryByRole("button", { name: /copy/i })).toBeNull();
  });
});

describe("ErrorPanel", () => {
  it("shows an IpcError's diagnosis and its message as details", () => {
    render(<ErrorPanel error={new ApiError("keychain", "keychain locked", diagnosis)} title="Could not store" />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent(diagnosis.cause);
    expect(alert).toHaveTextContent("Details: keychain locked");
  });

  it("falls back to the message when there is no diagnosis", () => {
    render(<ErrorPanel error={new ApiError("internal", "disk full")} title="Could not save" />);
    expect(screen.getByRole("alert")).toHaveTextContent("Could not savedisk full");
    expect(screen.queryByText("Cause")).toBeNull();
  });
});
