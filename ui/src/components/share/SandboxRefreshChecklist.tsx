import type { Setup } from "../../api";
import { sandboxRefreshSteps } from "../../model/sandboxRefresh";
import { MenuPath } from "../MenuPath";

/** NetSuite sandboxes: what a sandbox refresh wipes, and what to redo afterwards. */
export function SandboxRefreshChecklist({ setup }: { setup: Pick<Setup, "auth_method" | "account_id"> }) {
  const steps = sandboxRefreshSteps(setup.auth_method);
  return (
    <section className="sandbox-refresh" aria-labelledby="sandbox-refresh-title" data-testid="sandbox-refresh">
      <h3 id="sandbox-refresh-title">After a sandbox refresh, redo these steps</h3>
      <p className="hint">
        A refresh copies production into <code>{setup.account_id}</code> again. Access tokens, OAuth 2.0 authorized
        applications and M2M certificate mappings are not copied and are wiped, so the connector stops signing in
        until you redo:
      </p>
      <ol>
        {steps.map((s) => (
          <li key={s.id} data-refresh-step={s.id}>
            {s.text}
            {s.where !== null && (
              <>
                {" "}
                <MenuPath path={s.where} />
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
