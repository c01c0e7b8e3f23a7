//! NetSuite OAuth 2.0 in the app: the authorization code flow with PKCE (the
//! verifier stays in this process, never in the webview), the redirect that
//! comes back by deep link, practice window or paste, the M2M key pair and
//! certificate, and the OAuth 2.0 sign-in a validation run uses. The protocol
//! itself is `onramp_netsuite::oauth2`; this module keeps secrets in the
//! keychain and bookkeeping in the setup's typed fields.

pub mod client;
pub mod flow;
pub mod identity;
pub mod key_export;
pub mod m2m;
pub mod owner;
pub mod refusal;
pub mod sign_in;
pub mod tokens;
pub mod vendor;

use onramp_core::check::Diagnosis;
use onramp_core::state::SetupFields;
use std::sync::Arc;

use onramp_core::{ErrorKind, IpcError, SecretError, SecretStore};
use onramp_netsuite::oauth2::diagnose::{self, Stage};
use onramp_netsuite::oauth2::OAuthError;

/// The redirect URI the app registers (integration record: Redirect URI).
pub const REDIRECT_URI: &str = "com.onramp.app://oauth/callback";
/// The scheme the OS hands to the app (tauri.conf.json `plugins.deep-link`).
pub const SCHEME: &str = "com.onramp.app";

pub fn invalid(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::InvalidInput, e.to_string())
}

/// An OAuth failure as the one error shape, with cause → fix → where.
pub fn oauth_error(stage: Stage, e: &OAuthError) -> IpcError {
    use crate::errors::DomainError;
    IpcError::new(e.kind(), e.to_string()).with_diagnosis(diagnose::diagnose(stage, e))
}

/// Runs `f` on the keychain off the async workers. Unlike a borrowing async
/// fn, the future owns everything it holds, so callers' futures stay `Send`
/// (the deep-link handler spawns them).
pub fn keychain<T, F>(
    ctx: &crate::ctx::AppCtx,
    f: F,
) -> impl std::future::Future<Output = Result<T, IpcError>> + Send + 'static
where
    T: Send + 'static,
    F: FnOnce(&dyn SecretStore) -> Result<T, SecretError> + Send + 'static,
{
    let store: Arc<dyn SecretStore> = ctx.secrets.clone();
    async move {
        tokio::task::spawn_blocking(move || f(store.as_ref()))
            .await
            .map_err(|e| IpcError::new(ErrorKind::Internal, format!("keychain task failed: {e}")))?
            .map_err(IpcError::from)
    }
}

/// A value the user must enter on the Credentials step before this works.
pub fn missing(what: &str, fix: &str) -> IpcError {
    IpcError::new(
        ErrorKind::InvalidInput,
        format!("{what} is not entered yet"),
    )
    .with_diagnosis(Diagnosis {
        cause: format!("Onramp needs the {what} of this setup and has none."),
        fix: fix.into(),
        where_: "Onramp > this setup > Credentials".into(),
    })
}

/// Changes the setup's typed fields on the stored setup, under the state's
/// lock: what another writer changed meanwhile (a tick, a refresh) stays.
pub fn write_fields(
    ctx: &crate::ctx::AppCtx,
    setup_id: &str,
    change: impl FnOnce(&mut SetupFields),
) -> Result<(), IpcError> {
    ctx.state.update_setup(setup_id, |setup| {
        change(&mut setup.fields);
        Ok(())
    })
}
