import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ipcError, mockBackend } from "../../test/backend";
import { PathField } from "./PathField";

function Field({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <PathField label="File" value={value} onChange={setValue} testId="p" choose="json_file" />;
}

describe("PathField", () => {
  it("fills the field with the chosen file, opening the chooser where the field points", async () => {
    const backend = mockBackend({ choose_path: () => "/home/ana/Downloads/profile.json" });
    render(<Field initial="/home/ana/Downloads/" />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Choose… File" }));
    expect(await screen.findByDisplayValue("/home/ana/Downloads/profile.json")).toBeInTheDocument();
    expect(backend.callsTo("choose_path")[0]).toEqual({
      kind: "json_file",
      title: "Choose a .json file: File",
      current: "/home/ana/Downloads/",
    });
  });

  it("keeps what was typed when the chooser is cancelled", async () => {
    const backend = mockBackend({ choose_path: () => null });
    render(<Field initial="/typed/by/hand.json" />);
    await userEvent.setup().click(screen.getByTestId("p-choose"));
    await expect.poll(() => backend.callsTo("choose_path").length).toBe(1);
    expect(screen.getByTestId("p")).toHaveValue("/typed/by/hand.json");
    expect(screen.getByTestId("p-choose")).toBeEnabled();
  });

  it("says why the chooser could not give a path and keeps the field", async () => {
    mockBackend({
      choose_path: () => {
        throw ipcError("invalid_input", "the chosen item is not a local file");
      },
    });
    render(<Field initial="" />);
    await userEvent.setup().click(screen.getByTestId("p-choose"));
    expect(await screen.findByRole("alert")).toHaveTextContent("not a local file");
    expect(screen.getByTestId("p")).toHaveValue("");
  });
});
