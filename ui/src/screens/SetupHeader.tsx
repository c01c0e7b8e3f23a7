import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { Setup } from "../api";
import { EnvironmentBadge } from "../components/EnvironmentBadge";
import { ERP_LABEL } from "../model/environment";

interface Props {
  setup: Setup;
  onHome: () => void;
  onMaintain?: () => void;
  /** Saves a new name; left out, the setup cannot be renamed here. */
  onRename?: (label: string) => Promise<void>;
}

export function SetupHeader({ setup, onHome, onMaintain, onRename }: Props) {
  const practice = setup.practice_scenario !== null;
  const [renaming, setRenaming] = useState(false);
  return (
    <header className="setup-header">
      <button type="button" className="button small" onClick={onHome}>
        ← All setups
      </button>
      <div className="setup-heading">
        {renaming && onRename !== undefined ? (
          <RenameForm
            label={setup.label}
            onSave={async (label) => {
              await onRename(label);
              setRenaming(false);
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <div className="setup-title">
            <h1>{setup.label}</h1>
            {onRename !== undefined && (
              <button type="button" className="button small" data-testid="setup-rename" onClick={() => setRenaming(true)}>
                Rename<span className="visually-hidden"> {setup.label}</span>
              </button>
            )}
          </div>
        )}
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

/** The setup's name as an editable field: Enter saves, Escape or Cancel keeps the old one. */
function RenameForm({ label, onSave, onCancel }: { label: string; onSave: (label: string) => Promise<void>; onCancel: () => void }) {
  const id = useId();
  const [value, setValue] = useState(label);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const blank = value.trim() === "";
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!blank) void onSave(value.trim());
  }
  return (
    <form className="rename-form" onSubmit={submit} data-testid="setup-rename-form">
      <label htmlFor={id}>Setup name</label>
      <input
        id={id}
        ref={input}
        value={value}
        maxLength={120}
        data-testid="setup-rename-input"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
      />
      <button type="submit" className="button small primary" disabled={blank} data-testid="setup-rename-save">
        Save name
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
