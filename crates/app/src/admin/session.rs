//! The administrator's sign-in: its access token lives in this process's
//! memory for the session only, unless the administrator asks Onramp to keep
//! it (then the keychain, until it expires after NetSuite's 60 minutes). It is
//! never written to a file and never reaches the webview.

use std::collections::HashMap;
use std::sync::Mutex;

use onramp_core::state::KeptAdminSession;
use onramp_core::{ErrorKind, IpcError, Secret, SecretKey};
use onramp_netsuite::oauth2::{OffsetDateTime, TokenSet};
use serde::Serialize;
use specta::Type;
use time::format_description::well_known::Rfc3339;

use crate::ctx::AppCtx;
use crate::oauth::write_fields;

/// Keychain entry of a kept administrator token.
pub const KEPT_TOKEN: &str = "netsuite.admin_access_token";

#[derive(Clone)]
struct Session {
    token: Secret<String>,
    expires_at: OffsetDateTime,
    consented_by: String,
    kept: bool,
}

/// Signed-in administrators by setup id.
#[derive(Default)]
pub struct AdminSessions(Mutex<HashMap<String, Session>>);

impl AdminSessions {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Session>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What the window may know about the administrator's sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AdminStatus {
    pub signed_in: bool,
    /// The administrator's email (or NetSuite user ID) the changes are recorded under.
    pub consented_by: Option<String>,
    /// RFC 3339: NetSuite's access tokens last 60 minutes.
    pub expires_at: Option<String>,
    /// True when kept in the keychain rather than for this session only.
    pub kept: bool,
}

pub fn not_signed_in() -> IpcError {
    IpcError::new(
        ErrorKind::InvalidInput,
        "no administrator is signed in for this setup",
    )
    .with_diagnosis(onramp_core::Diagnosis::new(
        "Onramp makes changes in NetSuite only with an administrator's sign-in, and there is none (or it expired after 60 minutes).",
        "Press 'Sign in as administrator', sign in to NetSuite as an administrator and allow access.",
        "Onramp > this setup > Administrator",
    ))
}

fn fresh(s: &Session) -> bool {
    s.expires_at - OffsetDateTime::now_utc() > time::Duration::minutes(1)
}

/// Keeps the administrator's tokens (memory; the keychain too when `keep`).
async fn store(
    ctx: &AppCtx,
    setup_id: &str,
    tokens: &TokenSet,
    consented_by: String,
    keep: bool,
) -> Result<(), IpcError> {
    let session = Session {
        token: tokens.access_token.clone(),
        expires_at: tokens.access_expires_at,
        consented_by: consented_by.clone(),
        kept: keep,
    };
    if keep {
        let (id, token) = (setup_id.to_owned(), tokens.access_token.clone());
        crate::oauth::keychain(ctx, move |s| {
            s.set(&SecretKey::new(id.as_str(), KEPT_TOKEN), &token)
        })
        .await?;
        let until = tokens
            .access_expires_at
            .format(&Rfc3339)
            .unwrap_or_default();
        let kept = KeptAdminSession {
            expires_at: until,
            consented_by,
        };
        write_fields(ctx, setup_id, |f| f.netsuite.admin_session = Some(kept))?;
    }
    ctx.admin.lock().insert(setup_id.to_owned(), session);
    tracing::info!(%setup_id, keep, "administrator signed in");
    Ok(())
}

async fn current(ctx: &AppCtx, setup_id: &str) -> Result<Option<Session>, IpcError> {
    if let Some(s) = ctx.admin.lock().get(setup_id).filter(|s| fresh(s)) {
        return Ok(Some(s.clone()));
    }
    let setup = ctx.state.setup(setup_id)?;
    let Some(kept) = setup.fields.netsuite.admin_session else {
        return Ok(None);
    };
    let Ok(expires_at) = OffsetDateTime::parse(&kept.expires_at, &Rfc3339) else {
        return Ok(None);
    };
    let id = setup_id.to_owned();
    let token = crate::oauth::keychain(ctx, move |s| {
        s.get(&SecretKey::new(id.as_str(), KEPT_TOKEN))
    })
    .await?;
    let session = token.map(|token| Session {
        token,
        expires_at,
        consented_by: kept.consented_by,
        kept: true,
    });
    Ok(session.filter(fresh))
}

/// The administrator's access token, while it is fresh.
pub async fn token(ctx: &AppCtx, setup_id: &str) -> Result<Option<Secret<String>>, IpcError> {
    Ok(current(ctx, setup_id).await?.map(|s| s.token))
}

/// Who consented (for the change log), or why there is no one.
pub async fn consented_by(ctx: &AppCtx, setup_id: &str) -> Result<String, IpcError> {
    current(ctx, setup_id)
        .await?
        .map(|s| s.consented_by)
        .ok_or_else(not_signed_in)
}

pub async fn status(ctx: &AppCtx, setup_id: &str) -> Result<AdminStatus, IpcError> {
    Ok(match current(ctx, setup_id).await? {
        Some(s) => AdminStatus {
            signed_in: true,
            consented_by: Some(s.consented_by),
            expires_at: s.expires_at.format(&Rfc3339).ok(),
            kept: s.kept,
        },
        None => AdminStatus {
            signed_in: false,
            consented_by: None,
            expires_at: None,
            kept: false,
        },
    })
}

/// Forgets the administrator's sign-in, in memory and in the keychain.
pub async fn sign_out(ctx: &AppCtx, setup_id: &str) -> Result<AdminStatus, IpcError> {
    ctx.admin.lock().remove(setup_id);
    let id = setup_id.to_owned();
    crate::oauth::keychain(ctx, move |s| {
        s.delete(&SecretKey::new(id.as_str(), KEPT_TOKEN))
    })
    .await?;
    write_fields(ctx, setup_id, |f| f.netsuite.admin_session = None)?;
    status(ctx, setup_id).await
}

/// After the administrator allowed access: who they are (their employee
/// record's email, read with their own token), then the session.
pub async fn signed_in(
    ctx: &AppCtx,
    setup_id: &str,
    tokens: &TokenSet,
    keep: bool,
) -> Result<(), IpcError> {
    let setup = ctx.state.setup(setup_id)?;
    let entity = tokens.owner.as_ref().map(|o| o.entity.clone());
    let mut who = entity
        .as_ref()
        .map(|e| format!("NetSuite user {e}"))
        .unwrap_or_else(|| "the administrator".into());
    if let Some(e) = entity.filter(|e| !e.starts_with('-')) {
        let client = super::client_with(ctx, &setup, tokens.access_token.clone()).await?;
        if let Ok(r) = onramp_netsuite::admin::read_employee(&client, &e).await {
            if !r.email.is_empty() {
                who = format!("{} (NetSuite user {e})", r.email);
            }
        }
    }
    store(ctx, setup_id, tokens, who, keep).await
}
