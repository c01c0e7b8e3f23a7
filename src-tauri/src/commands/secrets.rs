//! Write-only access to the keychain: the webview can store a secret and ask
//! whether one exists, never read it back. Keychain calls are
//! D-Bus round trips, so they run off the async workers.

use onramp_core::{IpcError, SecretKey};
use tauri::State;

use crate::ctx::AppCtx;
use onramp_application::api::secrets::{self as app};

#[tauri::command]
#[specta::specta]
pub async fn secret_set(
    ctx: State<'_, AppCtx>,
    key: SecretKey,
    value: String,
) -> Result<(), IpcError> {
    app::secret_set(&ctx, key, value).await
}

#[tauri::command]
#[specta::specta]
pub async fn secret_exists(ctx: State<'_, AppCtx>, key: SecretKey) -> Result<bool, IpcError> {
    app::secret_exists(&ctx, key).await
}
