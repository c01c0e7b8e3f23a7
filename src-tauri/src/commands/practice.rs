//! Practice mode: the built-in scenarios, their simulated (fake, practice-only)
//! credentials for the user to paste, and what the simulator logged.

use std::time::Duration;

use onramp_core::http::{read_body, Expect};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::{secret_names, SecretSpec, Setup};
use onramp_core::{ErrorKind, IpcError};
use onramp_sim::Scenario;
use serde::Serialize;
use serde_json::Value;
use specta::Type;
use tauri::State;

use crate::ctx::AppCtx;
use crate::practice;

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

/// The scenario's simulated values by secret name; empty for scenarios that
/// are about a sign-in method the app does not drive yet (OAuth 2.0).
fn simulated_values(erp: Erp, scenario: &Scenario) -> Vec<(&'static str, String)> {
    let pairs: Vec<(&'static str, Option<String>)> = match erp {
        Erp::Netsuite => {
            let Some(ns) = scenario.netsuite.as_ref() else {
                return Vec::new();
            };
            // OAuth 2.0 scenarios inherit TBA values but rehearse a flow the
            // app cannot drive yet.
            if ns.oauth2.client.client_id.is_some() {
                return Vec::new();
            }
            let c = ns.client.clone();
            vec![
                ("netsuite.consumer_key", c.consumer_key),
                ("netsuite.consumer_secret", c.consumer_secret),
                ("netsuite.token_id", c.token_id),
                ("netsuite.token_secret", c.token_secret),
            ]
        }
        Erp::Intacct => {
            let Some(p) = scenario.intacct.as_ref().map(|i| i.practice.clone()) else {
                return Vec::new();
            };
            vec![
                ("intacct.sender_id", Some(p.sender_id)),
                ("intacct.sender_password", Some(p.sender_password)),
                ("intacct.user_id", Some(p.user_id)),
                ("intacct.user_password", Some(p.user_password)),
            ]
        }
    };
    if pairs.iter().any(|(_, v)| v.is_none()) {
        return Vec::new();
    }
    pairs
        .into_iter()
        .map(|(n, v)| (n, v.unwrap_or_default()))
        .collect()
}

/// The built-in scenarios the app can drive (TBA for NetSuite, XML API for Intacct).
/// Async, like every command that parses or reads files: off the window's thread.
#[tauri::command]
#[specta::specta]
pub async fn list_scenarios() -> Result<Vec<ScenarioInfo>, IpcError> {
    Ok(Scenario::list_builtin()
        .into_iter()
        .filter_map(|info| {
            let erp = match info.name.split('/').next()? {
                "netsuite" => Erp::Netsuite,
                "intacct" => Erp::Intacct,
                _ => return None,
            };
            let scenario = Scenario::builtin(&info.name).ok()?;
            if simulated_values(erp, &scenario).is_empty() {
                return None;
            }
            Some(ScenarioInfo {
                name: info.name,
                erp,
                title: info.title,
                description: info.description,
            })
        })
        .collect())
}

/// What the credentials step asks for.
#[tauri::command]
#[specta::specta]
pub fn secret_specs(
    erp: Erp,
    auth_method: Option<AuthMethod>,
) -> Result<Vec<SecretSpec>, IpcError> {
    Ok(secret_names(erp, auth_method).to_vec())
}

fn practice_setup(ctx: &AppCtx, setup_id: &str) -> Result<(Setup, Scenario), IpcError> {
    let setup = ctx
        .state
        .read()?
        .setups
        .into_iter()
        .find(|s| s.id == setup_id)
        .ok_or_else(|| super::not_found("setup", setup_id))?;
    let Some(name) = setup.practice_scenario.clone() else {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            "this setup is for a real account, not a practice one",
        ));
    };
    let scenario = practice::load_in(&ctx.data_dir, setup.erp, &name)?;
    Ok((setup, scenario))
}

/// The practice scenario's simulated credential values, labelled like the secret fields.
#[tauri::command]
#[specta::specta]
pub async fn practice_credentials(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Vec<PracticeValue>, IpcError> {
    let (setup, scenario) = practice_setup(&ctx, &setup_id)?;
    let specs = secret_names(setup.erp, setup.auth_method);
    Ok(simulated_values(setup.erp, &scenario)
        .into_iter()
        .filter_map(|(name, value)| {
            let spec = specs.iter().find(|s| s.name == name)?;
            Some(PracticeValue {
                name: name.to_owned(),
                label: spec.label.to_owned(),
                value,
            })
        })
        .collect())
}

/// NetSuite: the simulated Login Audit Trail; Intacct: the simulator's request log.
#[tauri::command]
#[specta::specta]
pub async fn practice_audit_trail(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<SimLog, IpcError> {
    let (setup, _) = practice_setup(&ctx, &setup_id)?;
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
