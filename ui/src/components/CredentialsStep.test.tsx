import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { CredentialsStep } from "./CredentialsStep";

const specs = [
  { name: "netsuite.consumer_key", label: "Consumer key", help: "From the integration record." },
  { name: "netsuite.token_secret", label: "Token secret", help: "From the access token." },
];

function backend() {
  return mockBackend({
    secret_specs: () => specs,
    secret_exists: (a) => (a.key as { name: string }).name === "netsuite.token_secret",
    practice_credentials: () => [
      { name: "netsuite.consumer_key", label: "Consumer key", value: "sim-consumer-key-123" },
      { name: "netsuite.token_secret", label: "Token secret", value: "sim-token-secret-456" },
    ],
  });
}

describe("CredentialsStep", () => {
  it("shows one write-only field per secret the sign-in method needs", async () => {
    const b = backend();
    render(<CredentialsStep setup={setup({ auth_method: "tba" })} />);
    expect(await screen.findByTestId("secret-input-netsuite.consumer_key")).toHaveAttribute("type", "password");
    expect(await screen.findByTestId("secret-status-netsuite.token_secret")).toHaveTextContent(
      "Token secret: Stored in your system keychain",
    );
    expect(b.callsTo("secret_specs")).toEqual([{ erp: "netsuite", authMethod: "tba" }]);
    // A real setup never asks for, nor shows, simulated values.
    expect(screen.queryByTestId("practice-values")).toBeNull();
    expect(b.callsTo("practice_credentials")).toEqual([]);
  });

  it("in Practice mode shows the simulated values, labelled as such, with copy buttons", async () => {
    backend();
    render(<CredentialsStep setup={setup({ id: "p1", practice_scenario: "netsuite/happy" })} />);
    const panel = await screen.findByTestId("practice-values");
    expect(within(panel).getByRole("heading", { name: "Simulated values to copy" })).toBeInTheDocument();
    expect(panel).toHaveTextContent("Simulation only");
    expect(await within(panel).findByTestId("practice-value-netsuite.consumer_key")).toHaveTextContent(
      "sim-consumer-key-123",
    );
    expect(within(panel).getByRole("button", { name: "Copy simulated token secret" })).toBeInTheDocument();
    expect(await screen.findByTestId("secret-input-netsuite.consumer_key")).toBeInTheDocument();
  });
});
