//! Practice mode: the built-in scenarios, their simulated (fake, practice-only)
//! credentials for the user to paste, and what the simulator logged.

use crate::data_dir::DataDir;
use crate::errors::OrIpc;
use std::time::Duration;

use onramp_core::http::{read_body, Expect};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::{optional_secret_names, secret_names, SecretSpec, Setup};
use onramp_core::{ErrorKind, IpcError};
use onramp_sim::scenario::Fix;
use onramp_sim::Scenario;
use serde::Serialize;
use serde_json::Value;
use specta::Type;

use crate::ctx::AppCtx;
use crate::practice;

use super::practice_values::{simulated_values, CLIENT_ID};

#[derive(Debug, Clone, Serialize, Type)]
pub struct ScenarioInfo {
    /// `netsuite/happy`: what `practice_scenario` holds.
    pub name: String,
    pub erp: Erp,
    pub title: String,
    pub description: String,
}

/// A simulator credential, shown in Practice mode to be pasted into the
/// secret field named `name`. Not a secret: the simulator's own fake value.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PracticeValue {
    pub name: String,
    pub label: String,
    pub value: String,
}

/// What the simulator logged, as a table.
#[derive(Debug, Clone, Default, Serialize, Type)]
pub struct SimLog {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The built-in scenarios the app can drive: NetSuite with any sign-in method
/// the scenario has values for (TBA, OAuth 2.0), Intacct with the XML API;
/// each ERP's happy path first, then its faults by name.
/// Async, like every command that parses or reads files: off the window's thread.
pub async fn list_scenarios() -> Result<Vec<ScenarioInfo>, IpcError> {
    let mut list: Vec<ScenarioInfo> = Scenario::list_builtin()
        .into_iter()
        .filter_map(|info| {
            let erp = match info.name.split('/').next()? {
                "netsuite" => Erp::Netsuite,
                "intacct" => Erp::Intacct,
                _ => return None,
            };
            let scenario = Scenario::builtin(&info.name).ok()?;
            let methods = [
                AuthMethod::Tba,
                AuthMethod::Oauth2Code,
                AuthMethod::Oauth2M2m,
            ];
            if methods
                .iter()
                .all(|m| simulated_values(erp, &scenario, Some(*m)).is_empty())
            {
                return None;
            }
            Some(ScenarioInfo {
                name: info.name,
                erp,
                title: info.title,
                description: info.description,
            })
        })
        .collect();
    list.sort_by_key(|s| {
        let (erp, name) = s.name.split_once('/').unwrap_or(("", &s.name));
        (erp.to_owned(), name != "happy", name.to_owned())
    });
    Ok(list)
}

/// What the credentials step asks for: what the sign-in needs, then what
/// a run uses when it is there (the Intacct REST application).
pub fn secret_specs(
    erp: Erp,
    auth_method: Option<AuthMethod>,
) -> Result<Vec<SecretSpec>, IpcError> {
    let mut specs = secret_names(erp, auth_method).to_vec();
    specs.extend_from_slice(optional_secret_names(erp));
    Ok(specs)
}

fn practice_setup(ctx: &AppCtx, setup_id: &str) -> Result<(Setup, Scenario), IpcError> {
    let setup = ctx.state.setup(setup_id)?;
    let scenario = practice::scenario_for(&ctx.data_dir, &setup)?;
    Ok((setup, scenario))
}

/// The practice scenario's simulated credential values, labelled like the secret fields.
pub async fn practice_credentials(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<Vec<PracticeValue>, IpcError> {
    let (setup, scenario) = practice_setup(ctx, &setup_id)?;
    let mut specs = secret_names(setup.erp, setup.auth_method).to_vec();
    specs.extend_from_slice(optional_secret_names(setup.erp));
    Ok(simulated_values(setup.erp, &scenario, setup.auth_method)
        .into_iter()
        .filter_map(|(name, value)| {
            let label = match specs.iter().find(|s| s.name.as_str() == name) {
                Some(spec) => spec.label,
                None if name == CLIENT_ID => "Client ID",
                None => return None,
            };
            Some(PracticeValue {
                name: name.to_owned(),
                label: label.to_owned(),
                value,
            })
        })
        .collect())
}

/// Readies a reproduced setup for a run straight away: the simulated account's
/// values go into the keychain as the user would paste them, and the wizard
/// opens on Validate. Only where every value is one to paste (Sage Intacct,
/// NetSuite TBA); an OAuth 2.0 setup needs its Connect step first and is
/// returned as it was.
pub(crate) async fn ready_to_run(ctx: &AppCtx, setup: Setup) -> Result<Setup, IpcError> {
    let pasted = setup.erp == Erp::Intacct || setup.auth_method == Some(AuthMethod::Tba);
    if !pasted {
        return Ok(setup);
    }
    let scenario = practice::scenario_for(&ctx.data_dir, &setup)?;
    let values = simulated_values(setup.erp, &scenario, setup.auth_method);
    if values.is_empty() {
        return Ok(setup);
    }
    for (name, value) in values {
        let key = onramp_core::SecretKey::new(setup.id.as_str(), name);
        super::secrets::secret_set(ctx, key, value).await?;
    }
    ctx.state.update_setup(&setup.id, |s| {
        s.current_step = "validate".into();
        s.touch();
        Ok(s.clone())
    })
}

/// NetSuite: the simulated Login Audit Trail; Intacct: the simulator's request log.
pub async fn practice_audit_trail(ctx: &AppCtx, setup_id: String) -> Result<SimLog, IpcError> {
    let (setup, _) = practice_setup(ctx, &setup_id)?;
    // Nothing ran yet, so nothing was logged.
    let Some(base) = ctx.sims.running(&setup_id).await else {
        return Ok(SimLog::default());
    };
    let (path, key) = match setup.erp {
        Erp::Netsuite => ("/__sim/netsuite/login-audit-trail", "rows"),
        Erp::Intacct => ("/__sim/intacct/log", "entries"),
    };
    let internal = |e: &dyn std::fmt::Display| {
        IpcError::new(
            ErrorKind::Internal,
            format!("could not read the simulator's log: {e}"),
        )
    };
    let client = onramp_core::http::client(Duration::from_secs(10)).map_err(|e| internal(&e))?;
    let resp = client
        .get(format!("{base}{path}"))
        .send()
        .await
        .map_err(|e| internal(&e))?;
    let (_, body) = read_body(resp, 4 << 20, Expect::Json)
        .await
        .map_err(|e| internal(&e))?;
    let json: Value = serde_json::from_slice(&body).map_err(|e| internal(&e))?;
    Ok(table(
        json.get(key).and_then(Value::as_array).map_or(&[], |v| v),
    ))
}

/// Columns from the first row's fields, in order; values as plain text.
fn table(rows: &[Value]) -> SimLog {
    let columns: Vec<String> = rows
        .first()
        .and_then(Value::as_object)
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let rows = rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|c| match row.get(c) {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(v) => v.to_string(),
                })
                .collect()
        })
        .collect();
    SimLog { columns, rows }
}

/// How to put a practice scenario's fault right: what the user changes in the
/// simulated ERP (or in Onramp) and where. Shown as a simulation.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PracticeFix {
    pub change: String,
    /// Menu path in the simulated ERP, or `Onramp > ...`.
    #[serde(rename = "where")]
    pub where_: String,
    /// The change is to the setup (e.g. its account ID), not to the ERP.
    pub in_onramp: bool,
    /// After the change, new credentials must be stored on the Credentials step.
    pub new_credentials: bool,
    /// Whether the user already made this change.
    pub applied: bool,
}

/// A reproduction stored under `data_dir` has no fix: it is the customer's setup as observed.
fn fix_of(data_dir: &DataDir, setup: &Setup) -> Result<Option<Fix>, IpcError> {
    let Some(name) = setup.practice_scenario.as_deref() else {
        return Ok(None);
    };
    Ok(practice::load_in(data_dir, setup.erp, name)?.fix)
}

/// The setup's practice fix, or none (a real setup, or a scenario where nothing fails).
pub async fn practice_fix(ctx: &AppCtx, setup_id: String) -> Result<Option<PracticeFix>, IpcError> {
    let (setup, _) = practice_setup(ctx, &setup_id)?;
    let applied = practice::fix_applied(&setup);
    Ok(fix_of(&ctx.data_dir, &setup)?.map(|fix| PracticeFix {
        in_onramp: !fix.changes_account(),
        new_credentials: fix.new_credentials,
        change: fix.change,
        where_: fix.where_,
        applied,
    }))
}

/// Makes the practice fix: the simulated account becomes what it is after the
/// change (the simulator restarts with it at the next run, as strict as
/// before), and/or the setup's own values are corrected. Remembered on the
/// setup, so it survives a restart.
pub async fn apply_practice_fix(ctx: &AppCtx, setup_id: String) -> Result<Setup, IpcError> {
    let (setup, _) = practice_setup(ctx, &setup_id)?;
    let fix = fix_of(&ctx.data_dir, &setup)?.ok_or_else(|| {
        IpcError::new(
            ErrorKind::InvalidInput,
            "nothing is wrong in this practice scenario, so there is nothing to fix",
        )
    })?;
    let full = practice::full_name(setup.erp, setup.practice_scenario.as_deref().unwrap_or(""));
    // The next run starts a simulator with the changed account.
    ctx.sims.stop(&setup_id).await;
    // Only what the fix changes: a concurrent write to other fields stays.
    ctx.state.update_setup(&setup_id, move |setup| {
        if let Some(correct) = fix.setup {
            if let Some(account) = correct.account_id {
                set_account(setup, &account)?;
            }
            if let Some(entity) = correct.entity_id {
                setup.entity_id = Some(entity);
            }
        }
        setup.fields.practice_fix = Some(full);
        setup.touch();
        Ok(setup.clone())
    })
}

/// The account as the user would correct it in the setup: NetSuite IDs are
/// normalised to the realm and set the environment, as for a new setup.
fn set_account(setup: &mut Setup, account: &str) -> Result<(), IpcError> {
    match setup.erp {
        Erp::Netsuite => {
            let parsed = onramp_netsuite::Account::parse(account).or_ipc()?;
            setup.account_id = parsed.realm().to_owned();
            setup.environment = parsed.environment();
        }
        Erp::Intacct => setup.account_id = account.trim().to_owned(),
    }
    Ok(())
}
