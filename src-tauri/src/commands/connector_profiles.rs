//! The consultant's own connector profiles: check, save, delete, import and
//! export them (TOML, the built-in data files' format). Built-in profiles are
//! read-only; the UI copies one under a new id to edit it.

use onramp_core::profile::{ConnectorProfile, ProfileIssue};
use onramp_core::IpcError;
use tauri::State;

use crate::ctx::AppCtx;
use onramp_application::api::connector_profiles::{self as app};

#[tauri::command]
#[specta::specta]
pub fn check_connector_profile(profile: ConnectorProfile) -> Result<Vec<ProfileIssue>, IpcError> {
    app::check_connector_profile(profile)
}

#[tauri::command]
#[specta::specta]
pub async fn save_connector_profile(
    ctx: State<'_, AppCtx>,
    profile: ConnectorProfile,
) -> Result<ConnectorProfile, IpcError> {
    app::save_connector_profile(&ctx, profile).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_connector_profile(ctx: State<'_, AppCtx>, id: String) -> Result<(), IpcError> {
    app::delete_connector_profile(&ctx, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_connector_profile(
    ctx: State<'_, AppCtx>,
    path: String,
) -> Result<ConnectorProfile, IpcError> {
    app::import_connector_profile(&ctx, path).await
}

#[tauri::command]
#[specta::specta]
pub async fn export_connector_profile(
    ctx: State<'_, AppCtx>,
    id: String,
    folder: String,
) -> Result<String, IpcError> {
    app::export_connector_profile(&ctx, id, folder).await
}
