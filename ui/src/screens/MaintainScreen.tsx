import { useCallback, useState } from "react";
import { api } from "../api";
import { ErrorPanel } from "../components/ErrorPanel";
import { IntacctOffboardPanel } from "../components/maintain/IntacctOffboardPanel";
import { M2mPanel } from "../components/maintain/M2mPanel";
import { OwnerPanel } from "../components/maintain/OwnerPanel";
import { ReconsentPanel } from "../components/maintain/ReconsentPanel";
import { RemindersList } from "../components/maintain/RemindersList";
import { RotatePanel } from "../components/maintain/RotatePanel";
import { useLoad } from "../hooks/useLoad";
import { useSetup } from "../hooks/useSetup";
import { SetupHeader } from "./SetupHeader";
import { useScreenHeading } from "../hooks/useScreenHeading";

type Flow = "rotate" | "owner" | "offboard";

interface Props {
  id: string;
  onHome: () => void;
  onBack: () => void;
}

/** After the setup: rotate credentials, change the token owner, see what expires. */
export function MaintainScreen({ id, onHome, onBack }: Props) {
  const heading = useScreenHeading();
  const { setup, error, refresh, replace } = useSetup(id);
  const reminders = useLoad(useCallback(() => api.setupReminders(), []));
  const practiceLoad = useCallback(
    () => (setup?.practice_scenario != null ? api.maintainPractice(id) : Promise.resolve(null)),
    [id, setup?.practice_scenario],
  );
  const practice = useLoad(practiceLoad);
  const [flow, setFlow] = useState<Flow>("rotate");

  if (setup === null) {
    return (
      <main className="screen">
        {error !== null ? <ErrorPanel error={error} title="Could not open this setup" /> : <p className="muted">Loading…</p>}
      </main>
    );
  }
  const mine = (reminders.data ?? []).find((r) => r.setup_id === id);
  const tba = setup.erp === "netsuite" && (setup.auth_method ?? "tba") === "tba";
  const m2m = setup.erp === "netsuite" && setup.auth_method === "oauth2-m2m";
  const rotates = setup.erp === "intacct" || tba || m2m;
  const owners = tba || m2m;
  const intacct = setup.erp === "intacct";
  const code = setup.erp === "netsuite" && setup.auth_method === "oauth2-code";
  const done = () => {
    void refresh();
    reminders.reload();
  };

  return (
    <div className={`setup-screen${setup.practice_scenario !== null ? " practice" : ""}`}>
      <SetupHeader setup={setup} onHome={onHome} />
      <main className="step-main maintain" aria-labelledby="maintain-title">
        <button type="button" className="button small" data-testid="maintain-back" onClick={onBack}>
          ← Back to the setup
        </button>
        <h2 id="maintain-title" ref={heading} tabIndex={-1}>Maintain</h2>
        {mine !== undefined && <RemindersList reminders={mine} />}
        {reminders.error !== null && <ErrorPanel error={reminders.error} title="Could not read the reminders" />}
        {code && <ReconsentPanel setup={setup} onDone={done} />}
        {rotates && (
          <div className="segmented" role="group" aria-label="Maintenance task">
            <button type="button" className="button" aria-pressed={flow === "rotate"} data-testid="maintain-rotate" onClick={() => setFlow("rotate")}>
              Rotate credentials
            </button>
            {owners && (
              <button type="button" className="button" aria-pressed={flow === "owner"} data-testid="maintain-owner" onClick={() => setFlow("owner")}>
                Change the token owner
              </button>
            )}
            {intacct && (
              <button type="button" className="button" aria-pressed={flow === "offboard"} data-testid="maintain-offboard" onClick={() => setFlow("offboard")}>
                Offboard the user
              </button>
            )}
          </div>
        )}
        {intacct && flow === "offboard" && (
          <IntacctOffboardPanel setup={setup} practiceAdmin={practice.data?.intacct_admin ?? []} onDone={done} />
        )}
        {rotates && !m2m && flow === "rotate" && <RotatePanel setup={setup} practice={practice.data} onDone={done} />}
        {tba && flow === "owner" && <OwnerPanel setup={setup} practice={practice.data} onSetup={replace} onDone={done} />}
        {m2m && (
          <M2mPanel
            key={flow}
            setup={setup}
            practice={practice.data}
            owner={flow === "owner"}
            onSetup={replace}
            onDone={done}
          />
        )}
      </main>
    </div>
  );
}
