//! Reports, setup profiles and reproductions: a setup's stored runs, the
//! report (HTML + JSON) and setup profile exported to a folder the user
//! typed, the report as a PDF saved through the system's save dialog, a profile or report imported from a file, reproduced in Practice
//! mode, and two of them compared. Nothing here reads the keychain.

use onramp_core::observed::SetupProfile;
use onramp_core::report::{RunRecord, RunRef};
use onramp_core::state::Setup;
use onramp_core::IpcError;
use tauri::State;

use crate::commands::choose::{ask_save, FileChooser};
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

/// Asks where to save the PDF report (the system's save dialog, starting in
/// the export folder the user typed) and writes it there; none when the user
/// cancels.
#[tauri::command]
#[specta::specta]
pub async fn save_report_pdf(
    ctx: State<'_, AppCtx>,
    chooser: State<'_, FileChooser>,
    setup_id: String,
    run_id: Option<String>,
    folder: String,
    zone: LocalZone,
) -> Result<Option<String>, IpcError> {
    let name = app::report_pdf_name(&ctx, &setup_id, run_id.as_deref())?;
    let Some(path) = ask_save(&chooser, "Save the report as PDF", &folder, &name).await? else {
        return Ok(None);
    };
    let path = path.display().to_string();
    app::write_report_pdf(&ctx, setup_id, run_id, path, zone)
        .await
        .map(Some)
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
