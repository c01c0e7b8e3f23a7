//! The Maintain page and the workspace's reminders; everything is
//! `onramp_application::api::lifecycle`. Proofs stream `RunEvent`s like a run.

use onramp_application::api::lifecycle::{self as app, *};
use onramp_application::lifecycle::owner::OwnerOutcome;
use onramp_application::lifecycle::reconsent::ReconsentState;
use onramp_application::lifecycle::reminders::SetupReminders;
use onramp_application::lifecycle::rotate::RotationOutcome;
use onramp_application::oauth::m2m::{M2mAlgorithm, PracticeUpload};
use onramp_application::run::RunOptions;
use onramp_core::runner::RunEvent;
use onramp_core::state::Setup;
use onramp_core::IpcError;
use tauri::ipc::Channel;
use tauri::State;

use super::run::sink;
use crate::ctx::AppCtx;

#[tauri::command]
#[specta::specta]
pub fn setup_reminders(ctx: State<'_, AppCtx>) -> Result<Vec<SetupReminders>, IpcError> {
    app::setup_reminders(&ctx)
}

#[tauri::command]
#[specta::specta]
pub async fn rotation_state(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<RotationState, IpcError> {
    app::rotation_state(&ctx, setup_id).await
}

/// Write-only: the value goes to the keychain and is never sent back.
#[tauri::command]
#[specta::specta]
pub async fn rotation_stage(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    name: String,
    value: String,
) -> Result<(), IpcError> {
    app::rotation_stage(&ctx, setup_id, name, value).await
}

#[tauri::command]
#[specta::specta]
pub async fn rotation_prove(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    options: Option<RunOptions>,
    on_event: Channel<RunEvent>,
) -> Result<RotationOutcome, IpcError> {
    let options = options.unwrap_or_default();
    app::rotation_prove(&ctx, setup_id, options, sink(on_event)).await
}

#[tauri::command]
#[specta::specta]
pub async fn reconsent_state(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<ReconsentState, IpcError> {
    app::reconsent_state(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn reconsent_prove(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    options: Option<RunOptions>,
    on_event: Channel<RunEvent>,
) -> Result<RotationOutcome, IpcError> {
    let options = options.unwrap_or_default();
    app::reconsent_prove(&ctx, setup_id, options, sink(on_event)).await
}

#[tauri::command]
#[specta::specta]
pub async fn reconsent_discard(ctx: State<'_, AppCtx>, setup_id: String) -> Result<(), IpcError> {
    app::reconsent_discard(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn rotation_discard(ctx: State<'_, AppCtx>, setup_id: String) -> Result<(), IpcError> {
    app::rotation_discard(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn maintain_practice(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<MaintainPractice, IpcError> {
    app::maintain_practice(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn owner_begin(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    new_user: String,
) -> Result<Setup, IpcError> {
    app::owner_begin(&ctx, setup_id, new_user).await
}

#[tauri::command]
#[specta::specta]
pub async fn owner_prove(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    options: Option<RunOptions>,
    on_event: Channel<RunEvent>,
) -> Result<OwnerOutcome, IpcError> {
    let options = options.unwrap_or_default();
    app::owner_prove(&ctx, setup_id, options, sink(on_event)).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_rotation_generate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    algorithm: M2mAlgorithm,
) -> Result<PendingCertificate, IpcError> {
    app::m2m_rotation_generate(&ctx, setup_id, algorithm).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_rotation_certificate_id(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    certificate_id: String,
) -> Result<(), IpcError> {
    app::m2m_rotation_certificate_id(&ctx, setup_id, certificate_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_rotation_practice_upload(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<PracticeUpload, IpcError> {
    app::m2m_rotation_practice_upload(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_owner_begin(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    new_user: String,
    entity: String,
) -> Result<Setup, IpcError> {
    app::m2m_owner_begin(&ctx, setup_id, new_user, entity).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_rotation_prove(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    options: Option<RunOptions>,
    on_event: Channel<RunEvent>,
) -> Result<OwnerOutcome, IpcError> {
    let options = options.unwrap_or_default();
    app::m2m_rotation_prove(&ctx, setup_id, options, sink(on_event)).await
}

#[tauri::command]
#[specta::specta]
pub async fn practice_change_password(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<(), IpcError> {
    app::practice_change_password(&ctx, setup_id).await
}
