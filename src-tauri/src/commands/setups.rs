//! Setups, clients and connector profiles: read and written through core's
//! state model, persisted by the state repository. Commands that write are
//! async so the file write (with fsync) never runs on the window's thread.

use onramp_core::profile::ConnectorProfile;
use onramp_core::state::{Client, NewSetup, Setup, SetupSummary};
use onramp_core::IpcError;
use tauri::State;

use crate::ctx::AppCtx;
use onramp_application::api::setups::{self as app, ClientChange, SetupChange};

#[tauri::command]
#[specta::specta]
pub fn list_setups(ctx: State<'_, AppCtx>) -> Result<Vec<SetupSummary>, IpcError> {
    app::list_setups(&ctx)
}

#[tauri::command]
#[specta::specta]
pub fn get_setup(ctx: State<'_, AppCtx>, id: String) -> Result<Setup, IpcError> {
    app::get_setup(&ctx, id)
}

#[tauri::command]
#[specta::specta]
pub async fn create_setup(ctx: State<'_, AppCtx>, input: NewSetup) -> Result<Setup, IpcError> {
    app::create_setup(&ctx, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn change_setup(
    ctx: State<'_, AppCtx>,
    id: String,
    changes: Vec<SetupChange>,
) -> Result<Setup, IpcError> {
    app::change_setup(&ctx, id, changes).await
}

#[tauri::command]
#[specta::specta]
pub async fn change_client(
    ctx: State<'_, AppCtx>,
    id: String,
    change: ClientChange,
) -> Result<Client, IpcError> {
    app::change_client(&ctx, id, change).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_client(ctx: State<'_, AppCtx>, id: String) -> Result<(), IpcError> {
    app::delete_client(&ctx, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn setup_keychain_items(
    ctx: State<'_, AppCtx>,
    id: String,
) -> Result<Vec<String>, IpcError> {
    app::setup_keychain_items(&ctx, id).await
}

#[tauri::command]
#[specta::specta]
pub async fn delete_setup(ctx: State<'_, AppCtx>, id: String) -> Result<(), IpcError> {
    app::delete_setup(&ctx, id).await
}

#[tauri::command]
#[specta::specta]
pub fn list_clients(ctx: State<'_, AppCtx>) -> Result<Vec<Client>, IpcError> {
    app::list_clients(&ctx)
}

#[tauri::command]
#[specta::specta]
pub async fn save_client(ctx: State<'_, AppCtx>, client: Client) -> Result<Client, IpcError> {
    app::save_client(&ctx, client).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_profiles(ctx: State<'_, AppCtx>) -> Result<Vec<ConnectorProfile>, IpcError> {
    app::list_profiles(&ctx).await
}
