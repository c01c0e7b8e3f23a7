//! NetSuite OAuth 2.0 in the app: the authorization code flow with PKCE (the
//! verifier stays in this process, never in the webview), the redirect that
//! comes back by deep link, practice window or paste, the M2M key pair and
//! certificate, and the OAuth 2.0 sign-in a validation run uses. The protocol
//! itself is `onramp_netsuite::oauth2`; this module keeps secrets in the
//! keychain and bookkeeping in the setup's fields.

pub mod client;
pub mod flow;
pub mod identity;
pub mod key_export;
pub mod m2m;
pub mod owner;
pub mod refusal;
pub mod sign_in;
pub mod tokens;

use onramp_core::check::Diagnosis;
use onramp_core::state::Setup;
use std::sync::Arc;

use onramp_core::{ErrorKind, IpcError, SecretError, SecretStore};
use onramp_netsuite::oauth2::diagnose::{self, Stage};
use onramp_netsuite::oauth2::OAuthError;

/// The redirect URI the app registers (integration record: Redirect URI).
pub const REDIRECT_URI: &str = "com.onramp.app://oauth/callback";
/// The scheme the OS hands to the app (tauri.conf.json `plugins.deep-link`).
pub const SCHEME: &str = "com.onramp.app";

/// `Setup.fields` keys this module writes (non-secret; RFC 3339 for times).
pub mod fields {
    pub const CLIENT_ID: &str = "oauth2_client_id";
    pub const CERTIFICATE_ID: &str = "m2m_certificate_id";
    /// The integration record an administrator signs in through (a public
    /// client), when it is not the setup's own.
    pub const ADMIN_CLIENT_ID: &str = "admin_client_id";
    pub const CERT_EXPIRES_AT: &str = "cert_expires_at";
    pub const ACCESS_EXPIRES_AT: &str = "access_token_expires_at";
    pub const REFRESH_EXPIRES_AT: &str = "refresh_token_expires_at";
    /// Internal IDs from the access token's `sub` ("role;entity").
    pub const TOKEN_ROLE: &str = "oauth2_token_role";
    pub const TOKEN_ENTITY: &str = "oauth2_token_entity";
    pub const TOKEN_SCOPES: &str = "oauth2_token_scopes";
    /// When and where the M2M private key was handed to the connector (once per key).
    pub const KEY_EXPORTED_AT: &str = "m2m_key_exported_at";
    pub const KEY_EXPORTED_TO: &str = "m2m_key_exported_to";
    /// The token's role and user by name, looked up at Connect (when readable).
    pub const TOKEN_ROLE_NAME: &str = "oauth2_token_role_name";
    pub const TOKEN_USER_NAME: &str = "oauth2_token_user_name";
    pub const TOKEN_USER_EMAIL: &str = "oauth2_token_user_email";
    /// A new consent waiting to be proven (its tokens wait in the keychain's
    /// pending entries): the same bookkeeping as the working connection's.
    pub const PENDING_ACCESS_EXPIRES_AT: &str = "pending_access_token_expires_at";
    pub const PENDING_REFRESH_EXPIRES_AT: &str = "pending_refresh_token_expires_at";
    pub const PENDING_TOKEN_ROLE: &str = "pending_oauth2_token_role";
    pub const PENDING_TOKEN_ENTITY: &str = "pending_oauth2_token_entity";
    pub const PENDING_TOKEN_SCOPES: &str = "pending_oauth2_token_scopes";

    /// Each working-connection field and the field its pending value waits in.
    pub const PENDING: [(&str, &str); 5] = [
        (ACCESS_EXPIRES_AT, PENDING_ACCESS_EXPIRES_AT),
        (REFRESH_EXPIRES_AT, PENDING_REFRESH_EXPIRES_AT),
        (TOKEN_ROLE, PENDING_TOKEN_ROLE),
        (TOKEN_ENTITY, PENDING_TOKEN_ENTITY),
        (TOKEN_SCOPES, PENDING_TOKEN_SCOPES),
    ];
}

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

/// A non-empty, trimmed field value.
pub fn field<'a>(setup: &'a Setup, key: &str) -> Option<&'a str> {
    setup
        .fields
        .get(key)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
}

/// Writes `changes` into the setup's fields (`None` removes a key).
pub fn write_fields(
    ctx: &crate::ctx::AppCtx,
    setup_id: &str,
    changes: Vec<(&'static str, Option<String>)>,
) -> Result<(), IpcError> {
    ctx.state.update_setup(setup_id, |setup| {
        for (k, v) in changes {
            match v {
                Some(v) => setup.fields.insert(k.to_owned(), v),
                None => setup.fields.remove(k),
            };
        }
        Ok(())
    })
}
