//! Write-only access to the keychain: the webview can store a secret and ask
//! whether one exists, never read it back. Keychain calls are
//! D-Bus round trips, so they run off the async workers.

use onramp_core::{IpcError, Secret, SecretKey, SecretStore};

use crate::ctx::AppCtx;

pub async fn secret_set(ctx: &AppCtx, key: SecretKey, value: String) -> Result<(), IpcError> {
    let value = Secret::new(value);
    let (setup, name) = (key.setup_id.clone(), key.name.clone());
    blocking(ctx, move |s| s.set(&key, &value)).await?;
    tracing::info!(%setup, %name, "secret stored in the keychain");
    Ok(())
}

pub async fn secret_exists(ctx: &AppCtx, key: SecretKey) -> Result<bool, IpcError> {
    blocking(ctx, move |s| s.exists(&key)).await
}

pub(crate) async fn blocking<T: Send + 'static>(
    ctx: &AppCtx,
    f: impl FnOnce(&dyn SecretStore) -> Result<T, onramp_core::SecretError> + Send + 'static,
) -> Result<T, IpcError> {
    crate::oauth::keychain(ctx, f).await
}
