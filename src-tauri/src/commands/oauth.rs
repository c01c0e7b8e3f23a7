//! NetSuite OAuth 2.0 commands: choose the sign-in method, connect with the
//! authorization code flow (system browser, or the simulator's consent page in
//! a second window in Practice mode), take the redirect back (deep link,
//! window navigation or pasted address), refresh and revoke; generate the M2M
//! key pair and certificate; say which user and role the credentials act as.
//! Tokens and keys go to the keychain only: no command returns one (the M2M
//! key is written to a file only on the person's warned, once-per-key request).

use onramp_core::profile::AuthMethod;
use onramp_core::IpcError;
use tauri::ipc::Channel;
use tauri::State;

use crate::ctx::AppCtx;
use crate::oauth::flow::{Flows, Notify, OAuthEvent};
use crate::oauth::identity::CredentialIdentity;
use crate::oauth::key_export::KeyExport;
use crate::oauth::m2m::{M2mAlgorithm, M2mCertificate, PracticeUpload};
use crate::oauth::tokens::OAuthStatus;
use crate::oauth::vendor::VendorCertificate;
use onramp_application::api::oauth::{self as app, *};
use onramp_application::host::OAuthWindows;

#[tauri::command]
#[specta::specta]
pub async fn oauth_set_method(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    method: AuthMethod,
) -> Result<(), IpcError> {
    app::oauth_set_method(&ctx, setup_id, method).await
}

#[tauri::command]
#[specta::specta]
pub async fn oauth_set_field(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    field: OAuthField,
    value: String,
) -> Result<(), IpcError> {
    app::oauth_set_field(&ctx, setup_id, field, value).await
}

#[tauri::command]
#[specta::specta]
pub async fn oauth_connect(
    windows: State<'_, OAuthWindows>,
    ctx: State<'_, AppCtx>,
    flows: State<'_, Flows>,
    setup_id: String,
    on_event: Channel<OAuthEvent>,
) -> Result<OAuthLaunch, IpcError> {
    let notify: Notify = Box::new(move |event| {
        if let Err(e) = on_event.send(event) {
            tracing::warn!(error = %e, "the window stopped listening for the sign-in");
        }
    });
    app::oauth_connect(&windows, &ctx, &flows, setup_id, notify).await
}

/// Renews a working connection: the new consent's tokens wait to be proven.
#[tauri::command]
#[specta::specta]
pub async fn oauth_reconsent(
    windows: State<'_, OAuthWindows>,
    ctx: State<'_, AppCtx>,
    flows: State<'_, Flows>,
    setup_id: String,
    on_event: Channel<OAuthEvent>,
) -> Result<OAuthLaunch, IpcError> {
    let notify: Notify = Box::new(move |event| {
        if let Err(e) = on_event.send(event) {
            tracing::warn!(error = %e, "the window stopped listening for the sign-in");
        }
    });
    app::oauth_reconsent(&windows, &ctx, &flows, setup_id, notify).await
}

#[tauri::command]
#[specta::specta]
pub async fn oauth_paste_redirect(
    windows: State<'_, OAuthWindows>,
    ctx: State<'_, AppCtx>,
    flows: State<'_, Flows>,
    setup_id: String,
    url: String,
) -> Result<OAuthStatus, IpcError> {
    app::oauth_paste_redirect(&windows, &ctx, &flows, setup_id, url).await
}

#[tauri::command]
#[specta::specta]
pub async fn oauth_status(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<OAuthStatus, IpcError> {
    app::oauth_status(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn oauth_refresh(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<OAuthStatus, IpcError> {
    app::oauth_refresh(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn oauth_revoke(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<OAuthStatus, IpcError> {
    app::oauth_revoke(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_generate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    algorithm: M2mAlgorithm,
) -> Result<M2mCertificate, IpcError> {
    app::m2m_generate(&ctx, setup_id, algorithm).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_export_key(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    folder: String,
    acknowledged: bool,
) -> Result<KeyExport, IpcError> {
    app::m2m_export_key(&ctx, setup_id, folder, acknowledged).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_certificate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Option<M2mCertificate>, IpcError> {
    app::m2m_certificate(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_import_vendor_certificate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    path: String,
    algorithm: Option<String>,
) -> Result<VendorCertificate, IpcError> {
    app::m2m_import_vendor_certificate(&ctx, setup_id, path, algorithm).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_vendor_certificate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Option<VendorCertificate>, IpcError> {
    app::m2m_vendor_certificate(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_forget_vendor_certificate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<(), IpcError> {
    app::m2m_forget_vendor_certificate(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn m2m_practice_upload(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<PracticeUpload, IpcError> {
    app::m2m_practice_upload(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn netsuite_identity(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<CredentialIdentity, IpcError> {
    app::netsuite_identity(&ctx, setup_id).await
}
