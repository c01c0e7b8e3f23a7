//! Reports, setup profiles and reproductions: a setup's stored runs, the
//! report (HTML + JSON) and setup profile exported to a folder the user
//! typed, a profile or report imported from a file, reproduced in Practice
//! mode, and two of them compared. Nothing here reads the keychain.

use onramp_core::observed::SetupProfile;
use onramp_core::report::{RunRecord, RunRef};
use onramp_core::state::Setup;
use onramp_core::IpcError;
use tauri::State;

use crate::ctx::AppCtx;
use onramp_application::api::share::{self as app, *};

#[tauri::command]
#[specta::specta]
pub async fn get_last_run(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Option<RunRecord>, IpcError> {
    app::get_last_run(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_runs(ctx: State<'_, AppCtx>, setup_id: String) -> Result<Vec<RunRef>, IpcError> {
    app::list_runs(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub fn setup_expiries(ctx: State<'_, AppCtx>) -> Result<Vec<SetupExpiries>, IpcError> {
    app::setup_expiries(&ctx)
}

#[tauri::command]
#[specta::specta]
pub fn default_export_dir() -> Result<String, IpcError> {
    app::default_export_dir()
}

#[tauri::command]
#[specta::specta]
pub async fn export_report(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    run_id: Option<String>,
    folder: String,
) -> Result<Exported, IpcError> {
    app::export_report(&ctx, setup_id, run_id, folder).await
}

#[tauri::command]
#[specta::specta]
pub async fn report_html(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    run_id: Option<String>,
) -> Result<String, IpcError> {
    app::report_html(&ctx, setup_id, run_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn export_setup_profile(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    run_id: Option<String>,
    folder: String,
) -> Result<Exported, IpcError> {
    app::export_setup_profile(&ctx, setup_id, run_id, folder).await
}

#[tauri::command]
#[specta::specta]
pub async fn import_setup_profile(path: String) -> Result<ImportedProfile, IpcError> {
    app::import_setup_profile(path).await
}

#[tauri::command]
#[specta::specta]
pub async fn reproduce_setup_profile(
    ctx: State<'_, AppCtx>,
    profile: SetupProfile,
    label: Option<String>,
) -> Result<Setup, IpcError> {
    app::reproduce_setup_profile(&ctx, profile, label).await
}

#[tauri::command]
#[specta::specta]
pub async fn compare_setup_profiles(
    ctx: State<'_, AppCtx>,
    before: ProfileSource,
    after: ProfileSource,
) -> Result<Comparison, IpcError> {
    app::compare_setup_profiles(&ctx, before, after).await
}
