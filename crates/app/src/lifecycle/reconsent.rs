//! Renewing an OAuth 2.0 authorization-code connection before its refresh
//! token expires, as a proven rotation: the new consent's tokens wait in the
//! keychain's pending entries (their expiry and owner in the pending fields),
//! a full validation run signs in with them, and only a run that passes (as
//! the integration user, with the scopes the connector needs) puts them in
//! place. Otherwise the working tokens stay, and the person is told why.

use std::sync::Arc;

use onramp_core::profile::AuthMethod;
use onramp_core::state::Setup;
use onramp_core::{CheckStatus, IpcError, RunVerdict, SecretKey};
use onramp_netsuite::oauth2::secret_names::{ACCESS_TOKEN, REFRESH_TOKEN};
use onramp_netsuite::oauth2::TokenSet;
use onramp_netsuite::Credentials;
use serde::Serialize;
use specta::Type;
use tokio_util::sync::CancellationToken;

use super::rotate::{pending_key, record, run_proof, RotationOutcome};
use crate::ctx::AppCtx;
use crate::erp_run::{self, SetupSecrets};
use crate::oauth::{invalid, keychain, tokens, write_fields};
use crate::run::{EventSink, RunOptions};
use crate::suite::{self, SignIn};

const NAMES: [&str; 2] = [ACCESS_TOKEN, REFRESH_TOKEN];

/// Whether a new consent waits to be proven, and what it says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ReconsentState {
    pub pending: bool,
    pub refresh_expires_at: Option<String>,
    pub scopes: Vec<String>,
}

fn code_only(setup: &Setup) -> Result<(), IpcError> {
    match setup.auth_method {
        Some(AuthMethod::Oauth2Code) => Ok(()),
        _ => Err(invalid(
            "only an OAuth 2.0 authorization-code setup renews its consent",
        )),
    }
}

/// Keeps a new consent's tokens beside the working ones (after Allow).
pub async fn stage(ctx: &AppCtx, setup_id: &str, tokens: &TokenSet) -> Result<(), IpcError> {
    code_only(&ctx.state.setup(setup_id)?)?;
    let (access, refresh) = (tokens.access_token.clone(), tokens.refresh_token.clone());
    let id = setup_id.to_owned();
    keychain(ctx, move |s| {
        s.set(&pending_key(&id, ACCESS_TOKEN), &access)?;
        match &refresh {
            Some(r) => s.set(&pending_key(&id, REFRESH_TOKEN), r),
            None => s.delete(&pending_key(&id, REFRESH_TOKEN)),
        }
    })
    .await?;
    let facts = tokens::TokenFacts::of(tokens);
    write_fields(ctx, setup_id, |f| {
        let mut pending = onramp_core::state::TokenFields::default();
        facts.write(&mut pending);
        f.netsuite.pending_token = Some(pending);
    })?;
    tracing::info!(%setup_id, "new OAuth 2.0 consent waiting to be proven");
    Ok(())
}

pub async fn state(ctx: &AppCtx, setup_id: String) -> Result<ReconsentState, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let id = setup_id.clone();
    let pending = keychain(ctx, move |s| s.exists(&pending_key(&id, ACCESS_TOKEN))).await?;
    let waiting = setup.fields.netsuite.pending_token.unwrap_or_default();
    Ok(ReconsentState {
        pending,
        refresh_expires_at: waiting.refresh_expires_at,
        scopes: waiting.scopes,
    })
}

/// Forgets a new consent that was not proven.
pub async fn discard(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    write_fields(ctx, &setup_id, |f| f.netsuite.pending_token = None)?;
    keychain(ctx, move |s| {
        NAMES
            .iter()
            .try_for_each(|n| s.delete(&pending_key(&setup_id, n)))
    })
    .await
}

/// The setup as it would be with the new consent in place (its owner named
/// with the new token, as Connect names it), for the proof run.
async fn with_pending(ctx: &AppCtx, setup: &Setup, access: onramp_core::Secret<String>) -> Setup {
    let mut s = setup.clone();
    let mut token = setup
        .fields
        .netsuite
        .pending_token
        .clone()
        .unwrap_or_default();
    let id = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<i64>().ok());
    let (role, entity) = (id(&token.role), id(&token.entity));
    crate::oauth::owner::names(ctx, &setup.id, role, entity, access)
        .await
        .write(&mut token);
    s.fields.netsuite.token = token;
    s.fields.netsuite.pending_token = None;
    s
}

/// Scopes the connector's profile needs that the new consent did not grant.
fn missing_scopes(ctx: &AppCtx, setup: &Setup) -> Result<Vec<String>, IpcError> {
    let granted = &setup.fields.netsuite.token.scopes;
    if granted.is_empty() {
        return Ok(Vec::new()); // an opaque token does not say; the run will.
    }
    Ok(crate::oauth::client::scopes(&ctx.data_dir, setup)?
        .iter()
        .map(|s| s.as_str().to_owned())
        .filter(|s| !granted.contains(s))
        .collect())
}

pub const NOTHING_REPLACED: &str = "Nothing was replaced: the setup keeps its working OAuth 2.0 tokens. Connect again, signed in as the integration user, and allow every scope the connector needs; then prove the new consent.";

/// Proves the new consent with a full run; it replaces the old tokens only if the run passes.
pub async fn prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<RotationOutcome, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    code_only(&setup)?;
    let id = setup_id.clone();
    let access = keychain(ctx, move |s| s.get(&pending_key(&id, ACCESS_TOKEN)))
        .await?
        .ok_or_else(|| invalid("no new consent is waiting: press Connect again first"))?;
    let proposed = with_pending(ctx, &setup, access.clone()).await;
    let target = erp_run::target(ctx, &proposed).await?;
    let sign_in = SignIn {
        outcome: Ok(Credentials::Bearer(access)),
        extra: Vec::new(),
    };
    let secrets = Arc::new(SetupSecrets {
        store: ctx.secrets.clone(),
        setup_id: setup_id.clone(),
    });
    let cancel = CancellationToken::new();
    let prepared =
        suite::prepare(&target, Some(sign_in), secrets, &options, cancel.clone()).await?;
    let (summary, checks) = run_proof(ctx, prepared.suite, &options, cancel, events).await;

    let mut why = Vec::new();
    if let Some(owner) = checks
        .iter()
        .find(|c| c.id == crate::oauth::owner::CHECK_ID && c.status == CheckStatus::Fail)
    {
        why.push(format!(
            "The new consent belongs to the wrong user. {}",
            owner.summary
        ));
    }
    let missing = missing_scopes(ctx, &proposed)?;
    if !missing.is_empty() {
        why.push(format!(
            "The new consent lacks the scope {} the connector needs.",
            missing.join(" and ")
        ));
    }
    if !why.is_empty() || RunVerdict::of_summary(&summary) != RunVerdict::AllPassed {
        why.push(NOTHING_REPLACED.into());
        return Ok(RotationOutcome {
            proven: false,
            summary,
            checks,
            next_steps: why,
        });
    }
    promote(ctx, &proposed).await?;
    record(ctx, &setup_id, &summary, &checks, prepared.observe).await?;
    Ok(RotationOutcome {
        proven: true,
        summary,
        checks,
        next_steps: vec![
            "Onramp now signs in with the new consent; its refresh token's expiry is the one the reminders watch.".into(),
            "The earlier authorization still works until its refresh token expires. To end it now, revoke it in NetSuite where the integration's OAuth 2.0 authorizations are listed for the user.".into(),
        ],
    })
}

/// Moves the new tokens over the working ones, with their bookkeeping.
async fn promote(ctx: &AppCtx, proposed: &Setup) -> Result<(), IpcError> {
    let id = proposed.id.clone();
    keychain(ctx, move |s| {
        for name in NAMES {
            let pending = pending_key(&id, name);
            if let Some(value) = s.get(&pending)? {
                s.set(&SecretKey::new(id.as_str(), name), &value)?;
                s.delete(&pending)?;
            }
        }
        Ok(())
    })
    .await?;
    let token = proposed.fields.netsuite.token.clone();
    write_fields(ctx, &proposed.id, |f| {
        f.netsuite.token = token;
        f.netsuite.pending_token = None;
    })
}
