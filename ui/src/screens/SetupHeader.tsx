import type { Setup } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { ERP_LABEL } from "../model/environment";

interface Props {
  setup: Setup;
  onHome: () => void;
  onMaintain?: () => void;
}

export function SetupHeader({ setup, onHome, onMaintain }: Props) {
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
      {onMaintain !== undefined && (
        <button type="button" className="button small" data-testid="open-maintain" onClick={onMaintain}>
          Maintain
        </button>
      )}
      <EnvironmentBadge environment={setup.environment} practice={practice} />
    </header>
  );
}
