import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ConnectorProfile } from "../api";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { IntegrationRecordStep } from "./IntegrationRecordStep";

const reporting: ConnectorProfile = {
  schema_version: 1,
  id: "reporting",
  name: "Reporting",
  description: "",
  erp: "netsuite",
  builtin: true,
  netsuite: { auth_methods: ["oauth2-code"], scopes: ["rest_webservices", "restlets"], features: [], permissions: [] },
  intacct: null,
};

describe("IntegrationRecordStep", () => {
  it("lists the authorization code settings with the redirect URI and the profile's scopes", async () => {
    mockBackend({ list_profiles: () => [reporting] });
    render(<IntegrationRecordStep setup={setup({ auth_method: "oauth2-code", profile_id: "reporting" })} />);
    const panel = screen.getByTestId("integration-settings");
    expect(panel).toHaveTextContent("Authorization Code Grant");
    expect(panel).toHaveTextContent("com.onramp.app://oauth/callback");
    expect(await screen.findByText(/Scopes: REST Web Services, RESTlets\./)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy redirect URI" })).toBeInTheDocument();
  });

  it("for M2M asks for the client credentials grant and no redirect URI", () => {
    mockBackend({ list_profiles: () => [] });
    render(<IntegrationRecordStep setup={setup({ auth_method: "oauth2-m2m" })} />);
    const panel = screen.getByTestId("integration-settings");
    expect(panel).toHaveTextContent("Client Credentials (Machine to Machine) Grant");
    expect(panel).not.toHaveTextContent("com.onramp.app://");
    expect(panel).toHaveTextContent("Scopes: REST Web Services.");
  });
});
