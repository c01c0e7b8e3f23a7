//! Write-only access to the keychain: the webview can store a secret, ask
//! whether one exists and delete it, never read it back. Keychain calls are
//! D-Bus round trips, so they run off the async workers.

use std::sync::Arc;

use onramp_core::{ErrorKind, IpcError, Secret, SecretKey, SecretStore};
use tauri::State;

use crate::ctx::AppCtx;

#[tauri::command]
#[specta::specta]
pub async fn secret_set(
    ctx: State<'_, AppCtx>,
    key: SecretKey,
    value: String,
) -> Result<(), IpcError> {
    let value = Secret::new(value);
    let (setup, name) = (key.setup_id.clone(), key.name.clone());
    blocking(&ctx, move |s| s.set(&key, &value)).await?;
    tracing::info!(%setup, %name, "secret stored in the keychain");
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn secret_exists(ctx: State<'_, AppCtx>, key: SecretKey) -> Result<bool, IpcError> {
    blocking(&ctx, move |s| s.exists(&key)).await
}

#[tauri::command]
#[specta::specta]
pub async fn secret_delete(ctx: State<'_, AppCtx>, key: SecretKey) -> Result<(), IpcError> {
    let (setup, name) = (key.setup_id.clone(), key.name.clone());
    blocking(&ctx, move |s| s.delete(&key)).await?;
    tracing::info!(%setup, %name, "secret deleted from the keychain");
    Ok(())
}

pub(crate) async fn blocking<T: Send + 'static>(
    ctx: &AppCtx,
    f: impl FnOnce(&dyn SecretStore) -> Result<T, onramp_core::SecretError> + Send + 'static,
) -> Result<T, IpcError> {
    let store: Arc<dyn SecretStore> = ctx.secrets.clone();
    tauri::async_runtime::spawn_blocking(move || f(store.as_ref()))
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("keychain task failed: {e}")))?
        .map_err(IpcError::from)
}
