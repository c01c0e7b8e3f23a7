import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Setup, SetupFields } from "../api";
import { KeyHandoff } from "./KeyHandoff";

const m2mExportKey = vi.fn();
vi.mock("../api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../api")>();
  return {
    ...real,
    api: { ...real.api, m2mExportKey: (...a: unknown[]) => m2mExportKey(...a), defaultExportDir: () => Promise.resolve("/home/u/Documents/Onramp") },
  };
});

function setup(fields: SetupFields = {}): Setup {
  return { id: "s1", label: "Acme", practice_scenario: null, fields } as unknown as Setup;
}

describe("KeyHandoff", () => {
  beforeEach(() => m2mExportKey.mockReset());

  it("writes nothing until the warning is confirmed, then exports once", async () => {
    m2mExportKey.mockResolvedValue({ path: "/home/u/Documents/Onramp/k.pem", exported_at: "2026-12-05T10:00:00Z" });
    const changed = vi.fn();
    render(<KeyHandoff setup={setup()} onChanged={changed} />);
    const button = screen.getByTestId("m2m-key-export");
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>("m2m-key-folder").value).toBe("/home/u/Documents/Onramp"));
    expect(button).toBeDisabled();
    fireEvent.click(screen.getByTestId("m2m-key-understood"));
    expect(button).toBeEnabled();
    fireEvent.click(button);
    await screen.findByTestId("m2m-key-path");
    expect(m2mExportKey).toHaveBeenCalledWith("s1", "/home/u/Documents/Onramp", true);
    expect(changed).toHaveBeenCalled();
  });

  it("says when and where a key was already handed over, and offers no second export", () => {
    render(
      <KeyHandoff
        setup={setup({ netsuite: { key_export: { at: "2026-12-01T09:00:00Z", to: "/tmp/k.pem" } } })}
        onChanged={() => undefined}
      />,
    );
    expect(screen.getByTestId("m2m-key-exported").textContent).toContain("/tmp/k.pem");
    expect(screen.queryByTestId("m2m-key-export")).toBeNull();
  });
});
