import { useState } from "react";
import { api, type CertificateMapped, type CertificatePlan, type Setup } from "../api";
import { ChangeDone, ChangePreview } from "./ChangePreview";
import { ErrorPanel } from "./ErrorPanel";
import { useAction } from "../hooks/useAction";

interface Props {
  setup: Setup;
  onChanged: () => void;
}

/** Map the setup's M2M certificate: the slots in use, what will change, the click. */
export function AdminCertificate({ setup, onChanged }: Props) {
  const [plan, setPlan] = useState<CertificatePlan | null>(null);
  const [revoke, setRevoke] = useState<string[]>([]);
  const [done, setDone] = useState<CertificateMapped | null>(null);
  const { busy, error, run } = useAction();

  async function load() {
    await run(async () => {
      setPlan(await api.adminCertificatePlan(setup.id));
      setRevoke([]);
    });
  }

  async function map() {
    await run(async () => {
      setDone(await api.adminMapCertificate(setup.id, revoke));
      setPlan(null);
      onChanged();
    });
  }

  const toggle = (id: string) => setRevoke(revoke.includes(id) ? revoke.filter((r) => r !== id) : [...revoke, id]);

  return (
    <section className="admin-action" aria-labelledby="admin-cert-h">
      <h3 id="admin-cert-h">Map the M2M certificate</h3>
      <p>Onramp maps the certificate generated on the Certificate step to the integration user and role, and stores the Certificate ID NetSuite gives.</p>
      <div className="actions">
        <button type="button" className="button" data-testid="admin-cert-preview" disabled={busy} onClick={() => void load()}>
          Preview the changes
        </button>
      </div>
      {plan !== null && (
        <>
          {plan.slots.length > 0 && (
            <table className="slots">
              <caption>Certificates on this integration record</caption>
              <thead>
                <tr>
                  <th scope="col">Certificate ID</th>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Valid until</th>
                  <th scope="col">Revoke</th>
                </tr>
              </thead>
              <tbody>
                {plan.slots.map((s) => (
                  <tr key={s.certificate_id}>
                    <td>
                      <code>{s.certificate_id}</code>
                    </td>
                    <td>{s.entity}</td>
                    <td>{s.role}</td>
                    <td>{s.revoked ? "revoked" : s.valid_until}</td>
                    <td>
                      {!s.revoked && (
                        <input
                          type="checkbox"
                          aria-label={`Revoke certificate ${s.certificate_id}${plan.replaceable.includes(s.certificate_id) ? " (replaced by the new one)" : ""}`}
                          checked={revoke.includes(s.certificate_id)}
                          onChange={() => toggle(s.certificate_id)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ChangePreview
            preview={{
              ...plan.preview,
              changes: [...plan.preview.changes.filter((c) => !c.startsWith("Revoke")), ...revoke.map((id) => `Revoke certificate ${id}.`)],
            }}
            testId="admin-cert"
            busy={busy}
            confirm="Map the certificate"
            onConfirm={() => void map()}
          />
        </>
      )}
      {done !== null && <ChangeDone change={done.change} testId="admin-cert" />}
      {error !== null && <ErrorPanel error={error} title="NetSuite did not map the certificate" />}
    </section>
  );
}
