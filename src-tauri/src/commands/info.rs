use onramp_core::IpcError;
use tauri::State;

use crate::ctx::AppCtx;
use onramp_application::api::info::{self as app, *};

#[tauri::command]
#[specta::specta]
pub fn app_info(ctx: State<'_, AppCtx>) -> Result<AppInfo, IpcError> {
    app::app_info(&ctx)
}
