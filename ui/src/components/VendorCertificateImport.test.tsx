import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { VendorCertificate } from "../api";
import { ipcError, mockBackend } from "../test/backend";
import { setup } from "../test/fixtures";
import { M2mStep } from "./M2mStep";

const vendorCert: VendorCertificate = {
  key: "EC P-384",
  algorithm: "ES384",
  subject: "CN=connector.vendor.example",
  not_before: "2026-12-01T00:00:00Z",
  not_after: "2027-12-01T00:00:00Z",
  fingerprint_sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  certificate_pem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
};

const m2m = setup({ auth_method: "oauth2-m2m" });

describe("M2mStep with the vendor's certificate", () => {
  it("refuses a file NetSuite would refuse with the reason, then takes a good one and asks for its upload", async () => {
    let attempt = 0;
    const b = mockBackend({
      m2m_certificate: () => null,
      m2m_vendor_certificate: () => null,
      m2m_import_vendor_certificate: () => {
        attempt += 1;
        if (attempt === 1) {
          throw ipcError(
            "invalid_input",
            "This certificate cannot be used: the file holds a private key; NetSuite needs only the certificate.",
          );
        }
        return vendorCert;
      },
    });
    const onChanged = vi.fn();
    const user = userEvent.setup();
    render(<M2mStep setup={m2m} onChanged={onChanged} />);
    expect(screen.getByTestId("m2m-holder-onramp")).toBeChecked();
    await user.click(screen.getByTestId("m2m-holder-vendor"));
    // No key pair is offered for a key the vendor keeps, and nothing to upload yet.
    expect(screen.queryByTestId("m2m-generate")).toBeNull();
    expect(screen.queryByText(/Upload the certificate to NetSuite/)).toBeNull();

    await user.type(screen.getByTestId("vendor-cert-path"), "/home/ana/vendor.key");
    await user.click(screen.getByTestId("vendor-cert-import"));
    expect(await screen.findByRole("heading", { name: /NetSuite would not take this certificate/ })).toBeInTheDocument();
    expect(screen.getByText(/holds a private key/)).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId("vendor-cert-path"));
    await user.type(screen.getByTestId("vendor-cert-path"), "/home/ana/vendor.pem");
    await user.selectOptions(screen.getByTestId("vendor-cert-algorithm"), "ES384");
    await user.click(screen.getByTestId("vendor-cert-import"));
    expect(await screen.findByTestId("vendor-cert-algorithm-value")).toHaveTextContent("ES384");
    expect(b.callsTo("m2m_import_vendor_certificate")[1]).toMatchObject({
      path: "/home/ana/vendor.pem",
      algorithm: "ES384",
    });
    expect(screen.getByTestId("vendor-cert")).toHaveTextContent("only the connector's own connection proves the setup");
    expect(screen.queryByText(/NetSuite would not take this certificate/)).toBeNull();
    expect(screen.getByText(/Upload the vendor's certificate file/)).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it("shows a saved vendor certificate and removes it on request", async () => {
    const b = mockBackend({
      m2m_certificate: () => null,
      m2m_vendor_certificate: () => vendorCert,
      m2m_forget_vendor_certificate: () => null,
    });
    const user = userEvent.setup();
    render(
      <M2mStep
        setup={setup({ auth_method: "oauth2-m2m", fields: { netsuite: { vendor_certificate: { algorithm: "ES384" } } } })}
        onChanged={vi.fn()}
      />,
    );
    expect(screen.getByTestId("m2m-holder-vendor")).toBeChecked();
    expect(await screen.findByTestId("vendor-cert-expiry")).toHaveAttribute("datetime", vendorCert.not_after);
    await user.click(screen.getByTestId("vendor-cert-remove"));
    await waitFor(() => expect(screen.queryByTestId("vendor-cert")).toBeNull());
    expect(b.callsTo("m2m_forget_vendor_certificate")).toHaveLength(1);
    expect(screen.queryByText(/Upload the certificate to NetSuite/)).toBeNull();
  });
});
