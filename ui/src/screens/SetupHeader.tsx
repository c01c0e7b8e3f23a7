import type { Setup } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { ERP_LABEL } from "../model/environment";

export function SetupHeader({ setup, onHome }: { setup: Setup; onHome: () => void }) {
  const practice = setup.practice_scenario !== null;
  return (
    <header className="setup-header">
      <button type="button" className="button small" onClick={onHome}>
        ← All setups
      </button>
      <div className="setup-heading">
        <h1>{setup.label}</h1>
        <p className="muted small">
          {ERP_LABEL[setup.erp]} · {setup.erp === "netsuite" ? "Account" : "Company"}{" "}
          <code>{setup.account_id === "" ? "—" : setup.account_id}</code>
          {setup.entity_id !== null && setup.entity_id !== "" && (
            <>
              {" "}
              · Entity <code>{setup.entity_id}</code>
            </>
          )}
          {practice && <> · Scenario {setup.practice_scenario}</>}
        </p>
      </div>
      <EnvironmentBadge environment={setup.environment} practice={practice} />
    </header>
  );
}
