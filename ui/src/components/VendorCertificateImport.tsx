import { useCallback, useId, useState, type FormEvent } from "react";
import { api, type Setup, type VendorCertificate } from "../api";
import { useAction } from "../hooks/useAction";
import { useLoad } from "../hooks/useLoad";
import { formatTime } from "../model/format";
import { CopyButton } from "./CopyButton";
import { ErrorPanel } from "./ErrorPanel";
import { PathField } from "./share/PathField";

interface Props {
  setup: Setup;
  /** Called with the imported certificate (null once removed). */
  onImported: (cert: VendorCertificate | null) => void;
}

/** Oracle's algorithms for M2M; "" lets the certificate's key decide. */
const ALGORITHMS = ["", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"] as const;

/**
 * The certificate a connector's vendor supplies (they keep the private key):
 * checked against NetSuite's rules before anyone uploads it, refused with the
 * reason when NetSuite would refuse it.
 */
export function VendorCertificateImport({ setup, onImported }: Props) {
  const loaded = useLoad(useCallback(() => api.m2mVendorCertificate(setup.id), [setup.id]));
  const [imported, setImported] = useState<VendorCertificate | null | undefined>(undefined);
  const [path, setPath] = useState("");
  const [algorithm, setAlgorithm] = useState<(typeof ALGORITHMS)[number]>("");
  const algorithmId = useId();
  const action = useAction();
  const cert = imported === undefined ? loaded.data : imported;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const c = await api.m2mImportVendorCertificate(setup.id, path, algorithm === "" ? null : algorithm);
      setImported(c);
      onImported(c);
    });
  };
  const remove = () =>
    void action.run(async () => {
      await api.m2mForgetVendorCertificate(setup.id);
      setImported(null);
      onImported(null);
    });

  return (
    <div className="vendor-certificate">
      <form onSubmit={submit}>
        <PathField
          label="The vendor's certificate"
          value={path}
          onChange={setPath}
          testId="vendor-cert-path"
          choose="certificate_file"
          placeholder="/home/you/Downloads/connector-certificate.pem"
          hint="The certificate file only (PEM or DER): never the private key, which stays with the vendor."
        />
        <div className="field">
          <label htmlFor={algorithmId}>The connector signs with</label>
          <select
            id={algorithmId}
            data-testid="vendor-cert-algorithm"
            value={algorithm}
            onChange={(e) => setAlgorithm(e.target.value as (typeof ALGORITHMS)[number])}
          >
            {ALGORITHMS.map((a) => (
              <option key={a} value={a}>
                {a === "" ? "What the certificate's key implies (if the vendor did not say)" : a}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button primary" data-testid="vendor-cert-import" disabled={action.busy}>
            {action.busy ? "Checking…" : "Check and use this certificate"}
          </button>
        </div>
      </form>
      {action.error !== null && <ErrorPanel error={action.error} title="NetSuite would not take this certificate" />}
      {loaded.error !== null && <ErrorPanel error={loaded.error} title="Could not read the imported certificate" />}
      {cert !== null && cert !== undefined && (
        <div className="certificate" data-testid="vendor-cert" role="status">
          <dl className="facts">
            <div>
              <dt>Key</dt>
              <dd>{cert.key}</dd>
            </div>
            <div>
              <dt>Algorithm to choose in NetSuite</dt>
              <dd data-testid="vendor-cert-algorithm-value">{cert.algorithm}</dd>
            </div>
            <div>
              <dt>Subject</dt>
              <dd>{cert.subject}</dd>
            </div>
            <div>
              <dt>Valid</dt>
              <dd>
                <time dateTime={cert.not_before}>{formatTime(cert.not_before)}</time> to{" "}
                <time dateTime={cert.not_after} data-testid="vendor-cert-expiry">
                  {formatTime(cert.not_after)}
                </time>
              </dd>
            </div>
            <div>
              <dt>SHA-256</dt>
              <dd>
                <code className="wrap">{cert.fingerprint_sha256}</code>
              </dd>
            </div>
          </dl>
          <p className="hint">
            NetSuite will take this certificate. The vendor keeps the private key, so Onramp cannot sign in as the
            connector: after the mapping, only the connector's own connection proves the setup.
          </p>
          <details>
            <summary>Certificate (PEM)</summary>
            <pre>{cert.certificate_pem}</pre>
          </details>
          <div className="actions">
            <CopyButton text={cert.certificate_pem} what="certificate" />
            <button type="button" className="button" data-testid="vendor-cert-remove" disabled={action.busy} onClick={remove}>
              Remove the vendor's certificate
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
