//! What the app says about itself at start-up: version, keychain, a recovered
//! settings file and where its data folder is.

use serde::Serialize;
use specta::Type;

use onramp_core::IpcError;

use crate::ctx::{AppCtx, KeychainStatus};
use crate::store::StoreRecovery;

#[derive(Debug, Clone, Serialize, Type)]
pub struct AppInfo {
    pub version: String,
    pub keychain: KeychainStatus,
    /// Set when the settings file was unreadable at start-up and moved aside.
    pub store_recovery: Option<StoreRecovery>,
    pub data_dir: String,
}

pub fn app_info(ctx: &AppCtx) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        keychain: ctx.keychain.clone(),
        store_recovery: ctx.recovery.clone(),
        data_dir: ctx.data_dir.display().to_string(),
    })
}
