import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SecretSpec } from "../api";
import { ipcError, mockBackend } from "../test/backend";
import { SecretField } from "./SecretField";

const spec: SecretSpec = { name: "netsuite.token_secret", label: "Token secret", help: "Shown once by NetSuite." };
const SECRET = "c0ns-umer-S3cret-value-9f8e";

/** A keychain that, like the real one, only answers "stored or not". */
function keychain(initially: string[] = []) {
  const stored = new Set(initially);
  return mockBackend({
    secret_exists: (a) => stored.has((a.key as { name: string }).name),
    secret_set: (a) => {
      stored.add((a.key as { name: string }).name);
      return null;
    },
  });
}

describe("SecretField", () => {
  it("stores the pasted value, then clears itself and shows it is in the keychain", async () => {
    const backend = keychain();
    const user = userEvent.setup();
    const { container } = render(<SecretField setupId="s1" spec={spec} />);
    const input = await screen.findByTestId("secret-input-netsuite.token_secret");
    expect(input).toHaveAttribute("type", "password");

    await user.click(input);
    await user.paste(`  ${SECRET}\n`);
    // Even while typed in, the value is not part of the page's markup.
    expect(document.body.innerHTML).not.toContain(SECRET);
    await user.click(screen.getByTestId("secret-save-netsuite.token_secret"));

    await waitFor(() => expect(screen.getByTestId("secret-status-netsuite.token_secret")).toHaveTextContent("Stored in your system keychain"));
    expect(backend.callsTo("secret_set")).toEqual([{ key: { setup_id: "s1", name: "netsuite.token_secret" }, value: SECRET }]);
    // The field is gone and nothing on the page holds the value any more.
    expect(screen.queryByTestId("secret-input-netsuite.token_secret")).toBeNull();
    expect(container.innerHTML).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it("never reads a value back: an already stored secret shows only its status and Replace", async () => {
    const backend = keychain(["netsuite.token_secret"]);
    const user = userEvent.setup();
    render(<SecretField setupId="s1" spec={spec} />);
    await waitFor(() => expect(screen.getByTestId("secret-status-netsuite.token_secret")).toHaveTextContent("Stored in your system keychain"));
    expect(screen.queryByTestId("secret-input-netsuite.token_secret")).toBeNull();
    expect(backend.calls.map((c) => c.cmd)).toEqual(["secret_exists"]);

    await user.click(screen.getByRole("button", { name: "Replace" }));
    const input = screen.getByTestId("secret-input-netsuite.token_secret");
    expect(input).toHaveValue("");
    await user.type(input, "new-value");
    await user.click(screen.getByTestId("secret-save-netsuite.token_secret"));
    await waitFor(() => expect(screen.queryByTestId("secret-input-netsuite.token_secret")).toBeNull());
    expect(backend.callsTo("secret_set")).toHaveLength(1);
    expect(document.body.innerHTML).not.toContain("new-value");
  });

  it("shows the keychain's diagnosis when storing fails, and stores nothing", async () => {
    mockBackend({
      secret_exists: () => false,
      secret_set: () => {
        throw ipcError("keychain", "no Secret Service provider", {
          cause: "Onramp keeps credentials only in the system keychain, and none is running.",
          fix: "Install and start GNOME Keyring, then try again.",
          where: "Your desktop's Passwords and Keys settings",
        });
      },
    });
    const user = userEvent.setup();
    render(<SecretField setupId="s1" spec={spec} />);
    await user.type(await screen.findByTestId("secret-input-netsuite.token_secret"), SECRET);
    await user.click(screen.getByTestId("secret-save-netsuite.token_secret"));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("none is running");
    expect(alert).toHaveTextContent("Install and start GNOME Keyring");
    expect(screen.getByTestId("secret-status-netsuite.token_secret")).toHaveTextContent("not stored yet");
  });

  it("does not offer to save an empty or whitespace-only value", async () => {
    const backend = keychain();
    const user = userEvent.setup();
    render(<SecretField setupId="s1" spec={spec} />);
    await user.type(await screen.findByTestId("secret-input-netsuite.token_secret"), "   ");
    expect(screen.getByTestId("secret-save-netsuite.token_secret")).toBeDisabled();
    expect(backend.callsTo("secret_set")).toHaveLength(0);
  });
});
