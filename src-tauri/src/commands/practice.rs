//! Practice mode: the built-in scenarios, their simulated (fake, practice-only)
//! credentials for the user to paste, and what the simulator logged.

use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::{SecretSpec, Setup};
use onramp_core::IpcError;
use tauri::State;

use crate::ctx::AppCtx;
use onramp_application::api::practice::{self as app, *};

#[tauri::command]
#[specta::specta]
pub async fn list_scenarios() -> Result<Vec<ScenarioInfo>, IpcError> {
    app::list_scenarios().await
}

#[tauri::command]
#[specta::specta]
pub fn secret_specs(
    erp: Erp,
    auth_method: Option<AuthMethod>,
) -> Result<Vec<SecretSpec>, IpcError> {
    app::secret_specs(erp, auth_method)
}

#[tauri::command]
#[specta::specta]
pub async fn practice_credentials(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Vec<PracticeValue>, IpcError> {
    app::practice_credentials(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn practice_audit_trail(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<SimLog, IpcError> {
    app::practice_audit_trail(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn practice_fix(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Option<PracticeFix>, IpcError> {
    app::practice_fix(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn apply_practice_fix(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Setup, IpcError> {
    app::apply_practice_fix(&ctx, setup_id).await
}
