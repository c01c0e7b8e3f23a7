import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { M2mCertificate } from "../api";
import { mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { M2mStep } from "./M2mStep";

const cert: M2mCertificate = {
  algorithm: "PS256",
  certificate_pem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
  path: "/home/ana/.local/share/com.onramp.app/certificates/s1.pem",
  subject: "CN=Onramp Acme",
  not_after: "2028-11-20T09:30:00Z",
  fingerprint_sha256: "ab",
};

describe("M2mStep", () => {
  it("generates with the chosen algorithm and shows the certificate, its file and reminders", async () => {
    const b = mockBackend({ m2m_certificate: () => null, m2m_generate: () => cert, practice_credentials: () => [] });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<M2mStep setup={setup({ auth_method: "oauth2-m2m" })} onChanged={onChanged} />);
    expect(screen.getByLabelText(/ES256/)).toBeChecked();
    expect(screen.queryByLabelText(/RS256/)).toBeNull();
    await user.click(screen.getByLabelText(/PS256/));
    await user.click(screen.getByTestId("m2m-generate"));
    expect(await screen.findByTestId("m2m-cert-path")).toHaveTextContent(cert.path);
    expect(b.callsTo("m2m_generate")[0]?.algorithm).toBe("PS256");
    expect(screen.getByTestId("m2m-cert-pem")).toHaveTextContent("BEGIN CERTIFICATE");
    expect(screen.getByTestId("m2m-certificate")).toHaveTextContent("at most five active certificates");
    expect(screen.getByText(/OAuth 2.0 Client Credentials \(M2M\) Setup/)).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalled();
    // Not a practice setup: the user uploads it in NetSuite.
    expect(screen.queryByTestId("m2m-practice-upload")).toBeNull();
  });

  it("in Practice mode uploads to the simulator and shows the Certificate ID it returns", async () => {
    const b = mockBackend({
      m2m_certificate: () => cert,
      practice_credentials: () => [{ name: "netsuite.oauth2_client_id", label: "Client ID", value: "cid" }],
      m2m_practice_upload: () => ({ certificate_id: "CERT-42", valid_until: cert.not_after }),
      oauth_set_field: () => null,
    });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<M2mStep setup={setup({ auth_method: "oauth2-m2m", practice_scenario: "netsuite/oauth-happy" })} onChanged={onChanged} />);
    await user.click(await screen.findByTestId("m2m-practice-upload"));
    expect(await screen.findByTestId("m2m-practice-cert-id")).toHaveTextContent("CERT-42");

    await user.type(screen.getByLabelText("Certificate ID"), "  CERT-42 ");
    await user.click(screen.getByTestId("m2m-cert-id-save"));
    await waitFor(() => expect(b.callsTo("oauth_set_field")).toHaveLength(1));
    expect(b.callsTo("oauth_set_field")[0]).toMatchObject({ field: "certificate_id", value: "  CERT-42 " });
  });
});
