import { useCallback, useId, useState } from "react";
import { api, type M2mAlgorithm, type M2mCertificate, type PracticeUpload, type Setup, type VendorCertificate } from "../api";
import { useAction } from "../hooks/useAction";
import { useLoad } from "../hooks/useLoad";
import { M2M_SETUP_PATH } from "../model/authSteps";
import { formatTime } from "../model/format";
import { CopyButton } from "./CopyButton";
import { ErrorPanel } from "./ErrorPanel";
import { IdField } from "./IdField";
import { KeyHandoff } from "./KeyHandoff";
import { MenuPath } from "./MenuPath";
import { PracticeValues } from "./PracticeValues";
import { VendorCertificateImport } from "./VendorCertificateImport";

interface Props {
  setup: Setup;
  onChanged: () => void;
}

const ALGORITHMS: { value: M2mAlgorithm; label: string }[] = [
  { value: "ES256", label: "ES256 — elliptic curve P-256 (recommended)" },
  { value: "PS256", label: "PS256 — RSA 3072 with PSS (if your policy requires RSA)" },
];

type Holder = "onramp" | "vendor";

/**
 * M2M: Client ID, the certificate — a key pair Onramp makes, or the vendor's
 * certificate when the connector's vendor keeps the key — its upload, and the
 * Certificate ID.
 */
export function M2mStep({ setup, onChanged }: Props) {
  const practice = setup.practice_scenario !== null;
  const name = useId();
  const holderName = useId();
  const vendorSaved = setup.fields?.netsuite?.vendor_certificate != null;
  const [holder, setHolder] = useState<Holder>(vendorSaved ? "vendor" : "onramp");
  const [vendorCert, setVendorCert] = useState<VendorCertificate | null | undefined>(undefined);
  const vendorImported = vendorCert === undefined ? vendorSaved : vendorCert !== null;
  const loaded = useLoad(useCallback(() => api.m2mCertificate(setup.id), [setup.id]));
  const [generated, setGenerated] = useState<M2mCertificate | null>(null);
  const [algorithm, setAlgorithm] = useState<M2mAlgorithm>("ES256");
  const [uploaded, setUploaded] = useState<PracticeUpload | null>(null);
  const action = useAction();
  const { busy, error } = action;
  const cert = generated ?? loaded.data;

  const run = <T,>(work: () => Promise<T>, done: (value: T) => void) =>
    action.run(async () => {
      done(await work());
      onChanged();
    });

  return (
    <div className="oauth-step">
      {practice && <PracticeValues setupId={setup.id} />}
      <IdField
        setupId={setup.id}
        field="client_id"
        label="Client ID"
        help="Shown once when the integration record is saved, under Client Credentials."
        value={setup.fields?.netsuite?.client_id ?? undefined}
        onSaved={onChanged}
      />

      <fieldset className="auth-panel">
        <legend>Who keeps the private key?</legend>
        <label className="radio-line">
          <input
            type="radio"
            name={holderName}
            data-testid="m2m-holder-onramp"
            checked={holder === "onramp"}
            onChange={() => setHolder("onramp")}
          />
          Onramp makes the key pair; the key goes to the connector only if it asks for it
        </label>
        <label className="radio-line">
          <input
            type="radio"
            name={holderName}
            data-testid="m2m-holder-vendor"
            checked={holder === "vendor"}
            onChange={() => setHolder("vendor")}
          />
          The connector's vendor sent a certificate and keeps the key
        </label>
      </fieldset>

      {holder === "vendor" ? (
        <fieldset className="auth-panel">
          <legend>1. The vendor's certificate</legend>
          <VendorCertificateImport
            setup={setup}
            onImported={(c) => {
              setVendorCert(c);
              setUploaded(null);
              onChanged();
            }}
          />
        </fieldset>
      ) : (
        <fieldset className="auth-panel">
          <legend>1. Key pair and certificate</legend>
          {ALGORITHMS.map((a) => (
            <label key={a.value} className="radio-line">
              <input
                type="radio"
                name={name}
                value={a.value}
                data-testid={`m2m-algorithm-${a.value}`}
                checked={algorithm === a.value}
                onChange={() => setAlgorithm(a.value)}
              />
              {a.label}
            </label>
          ))}
          <p className="hint">
            The private key goes straight to your system keychain and never leaves it. The certificate is valid for two
            years, NetSuite's maximum.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              data-testid="m2m-generate"
              disabled={busy}
              onClick={() => void run(() => api.m2mGenerate(setup.id, algorithm), (c) => {
                  setGenerated(c);
                  setUploaded(null);
                })}
            >
              {busy ? "Working…" : cert === null ? "Generate key pair and certificate" : "Generate a new key pair"}
            </button>
          </div>
          {cert !== null && <CertificateView cert={cert} />}
          {cert !== null && <KeyHandoff setup={setup} onChanged={onChanged} />}
        </fieldset>
      )}

      {(holder === "vendor" ? vendorImported : cert !== null) && (
        <section className="auth-panel" aria-labelledby="m2m-upload-title">
          <h3 id="m2m-upload-title">2. Upload the certificate to NetSuite</h3>
          <ol className="checklist">
            <li>
              As an administrator, go to <MenuPath path={M2M_SETUP_PATH} />
            </li>
            <li>
              Press Create New. Entity: the integration user; Role: the integration role; Application: this
              integration.
            </li>
            <li>
              {holder === "vendor"
                ? "Upload the vendor's certificate file, choose the algorithm shown above, and save."
                : "Upload the certificate file above and save."}{" "}
              NetSuite then shows its Certificate ID.
            </li>
          </ol>
          {practice && (
            <div className="actions">
              <button
                type="button"
                className="button"
                data-testid="m2m-practice-upload"
                disabled={busy}
                onClick={() => void run(() => api.m2mPracticeUpload(setup.id), setUploaded)}
              >
                Upload to the simulated NetSuite
              </button>
            </div>
          )}
          {uploaded !== null && (
            <p role="status">
              The simulated NetSuite shows Certificate ID <code data-testid="m2m-practice-cert-id">{uploaded.certificate_id}</code>{" "}
              <CopyButton text={uploaded.certificate_id} what="simulated Certificate ID" />
            </p>
          )}
          <IdField
            setupId={setup.id}
            field="certificate_id"
            label="Certificate ID"
            help="The Certificate ID NetSuite shows for this mapping (not the file name)."
            value={setup.fields?.netsuite?.certificate_id ?? undefined}
            onSaved={onChanged}
          />
        </section>
      )}
      {error !== null && <ErrorPanel error={error} title="That did not work" />}
      {loaded.error !== null && <ErrorPanel error={loaded.error} title="Could not read the certificate" />}
    </div>
  );
}

function CertificateView({ cert }: { cert: M2mCertificate }) {
  return (
    <div className="certificate" data-testid="m2m-certificate">
      <dl className="facts">
        <div>
          <dt>File to upload</dt>
          <dd>
            <code data-testid="m2m-cert-path">{cert.path}</code> <CopyButton text={cert.path} what="certificate file path" />
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            <time dateTime={cert.not_after} data-testid="m2m-cert-expiry">{formatTime(cert.not_after)}</time> — set a reminder to
            upload a new one before then.
          </dd>
        </div>
        <div>
          <dt>Algorithm</dt>
          <dd>{cert.algorithm}</dd>
        </div>
      </dl>
      <p className="hint">
        An integration record holds at most five active certificates: revoke old ones when you rotate. A sandbox refresh
        clears the mappings; upload again afterwards.
      </p>
      <details>
        <summary>Certificate (PEM)</summary>
        <pre data-testid="m2m-cert-pem">{cert.certificate_pem}</pre>
      </details>
      <CopyButton text={cert.certificate_pem} what="certificate" />
    </div>
  );
}
