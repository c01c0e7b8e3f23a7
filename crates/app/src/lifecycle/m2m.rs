//! Rotating an M2M certificate before it expires, or mapping one for a new
//! owner, without losing the working one: the new key pair waits in the
//! keychain beside the old (the setup's pending entry), its certificate in
//! `certificates/<setup id>.pending.pem`, and the Certificate ID NetSuite
//! shows for the new mapping in a pending field
//! (`certificate_id_pending`). A full run signs in with
//! them (NetSuite allows several active certificates per integration record),
//! and only a pass, with the token acting as the expected user, puts them in
//! place. The old mapping is left for the person to revoke.

use std::path::PathBuf;
use std::sync::Arc;

use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::{OwnerChange, Setup};
use onramp_core::{ErrorKind, IpcError, RunVerdict, SecretKey};
use onramp_netsuite::checks::certificate::m2m_certificate_check;
use onramp_netsuite::oauth2::keygen::{generate as keygen, MAX_VALIDITY_DAYS};
use onramp_netsuite::oauth2::secret_names::M2M_PRIVATE_KEY;
use onramp_netsuite::oauth2::{format_time, OffsetDateTime};
use onramp_netsuite::Credentials;
use tokio_util::sync::CancellationToken;

use super::owner::{OwnerOutcome, OwnerProof};
use super::rotate::{pending_key, record, run_proof, RotationOutcome, NOTHING_REPLACED};
use crate::ctx::AppCtx;
use crate::erp_run::{self, SetupSecrets};
use crate::errors::OrIpc;
use crate::oauth::m2m::{certificate_path, M2mAlgorithm, PracticeUpload};
use crate::oauth::{client::m2m_client, invalid, refusal, write_fields};
use crate::run::{EventSink, RunOptions};
use crate::suite::{self, SignIn};

fn m2m_only(setup: &Setup) -> Result<(), IpcError> {
    match (setup.erp, setup.auth_method) {
        (Erp::Netsuite, Some(AuthMethod::Oauth2M2m)) if crate::oauth::vendor::holds_key(setup) => {
            Err(invalid(
                "the connector's vendor keeps this setup's key: to rotate, import the vendor's new certificate on the Certificate step, map it and enter its Certificate ID",
            ))
        }
        (Erp::Netsuite, Some(AuthMethod::Oauth2M2m)) => Ok(()),
        _ => Err(invalid(
            "this is for NetSuite setups that sign in with OAuth 2.0 M2M",
        )),
    }
}

pub fn pending_path(ctx: &AppCtx, setup_id: &str) -> Result<PathBuf, IpcError> {
    Ok(certificate_path(&ctx.data_dir, setup_id)?.with_extension("pending.pem"))
}

fn storage(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::Storage, e.to_string())
}

/// A new key pair (private key to the pending keychain entry) and its certificate
/// (to the pending file); the current ones are untouched. Returns the certificate PEM.
pub async fn generate(
    ctx: &AppCtx,
    setup_id: String,
    algorithm: M2mAlgorithm,
) -> Result<String, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    m2m_only(&setup)?;
    let name = format!("Onramp {}", setup.label.trim());
    let now = OffsetDateTime::now_utc();
    let generated = tokio::task::spawn_blocking(move || {
        keygen(algorithm.into(), &name, MAX_VALIDITY_DAYS, now)
    })
    .await
    .map_err(|e| IpcError::new(ErrorKind::Internal, format!("key generation failed: {e}")))?
    .or_ipc()?;
    let key = (
        pending_key(&setup_id, M2M_PRIVATE_KEY),
        generated.private_key_pem,
    );
    crate::oauth::keychain(ctx, move |s| s.set(&key.0, &key.1)).await?;
    let path = pending_path(ctx, &setup_id)?;
    if let Some(dir) = path.parent() {
        onramp_core::files::create_private_dir(dir).map_err(storage)?;
    }
    std::fs::write(&path, &generated.certificate_pem).map_err(storage)?;
    write_fields(ctx, &setup_id, |f| f.netsuite.certificate_id_pending = None)?;
    Ok(generated.certificate_pem)
}

/// The Certificate ID NetSuite showed for the new mapping.
pub async fn set_certificate_id(
    ctx: &AppCtx,
    setup_id: String,
    id: String,
) -> Result<(), IpcError> {
    let id = id.trim().to_owned();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return Err(invalid(
            "enter the Certificate ID NetSuite shows for the new mapping",
        ));
    }
    write_fields(ctx, &setup_id, |f| {
        f.netsuite.certificate_id_pending = Some(id)
    })
}

/// Practice mode: the simulated administrator maps the new certificate for
/// the setup's user, or for the new owner during a change of owner.
pub async fn practice_upload(ctx: &AppCtx, setup_id: String) -> Result<PracticeUpload, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    m2m_only(&setup)?;
    let pem = std::fs::read_to_string(pending_path(ctx, &setup_id)?)
        .map_err(|_| invalid("generate the new key pair and certificate first"))?;
    let change = setup.fields.netsuite.owner_change.as_ref();
    let entity = change
        .and_then(|c| c.entity.as_deref())
        .and_then(|e| e.parse().ok());
    let mapped = crate::oauth::m2m::practice_map(ctx, &setup, pem, entity).await?;
    set_certificate_id(ctx, setup_id, mapped.certificate_id.clone()).await?;
    Ok(mapped)
}

/// Names the user taking an M2M integration over: their login and internal ID
/// (the mapping is made for the employee, and the token's `sub` names it).
pub async fn begin_owner_change(
    ctx: &AppCtx,
    setup_id: String,
    new_user: String,
    entity: String,
) -> Result<Setup, IpcError> {
    let new_user = new_user.trim().to_owned();
    let entity = entity.trim().to_owned();
    if !new_user.contains('@') || entity.parse::<u64>().is_err() {
        return Err(invalid(
            "give the new user's e-mail address and internal ID (a number)",
        ));
    }
    ctx.state.update_setup(&setup_id, |s| {
        m2m_only(s)?;
        s.fields.netsuite.owner_change = Some(OwnerChange {
            to: new_user,
            entity: Some(entity),
        });
        s.touch();
        Ok(s.clone())
    })
}

/// Signs in with the pending key and Certificate ID; the token's entity, if NetSuite named it.
async fn staged_sign_in(ctx: &AppCtx, setup: &Setup) -> Result<(SignIn, Option<String>), IpcError> {
    let cert_id = setup
        .fields
        .netsuite
        .certificate_id_pending
        .clone()
        .ok_or_else(|| invalid("enter the Certificate ID of the new mapping first"))?;
    let key_name = pending_key(&setup.id, M2M_PRIVATE_KEY);
    let key = crate::oauth::keychain(ctx, move |s| s.get(&key_name))
        .await?
        .ok_or_else(|| invalid("generate the new key pair and certificate first"))?;
    let mut staged = setup.clone();
    staged.fields.netsuite.certificate_id = Some(cert_id.clone());
    let endpoints = erp_run::endpoints(ctx, setup).await?;
    let client = m2m_client(&ctx.data_dir, &staged, key.clone(), endpoints)?;
    let now = OffsetDateTime::now_utc();
    let pem = std::fs::read_to_string(pending_path(ctx, &setup.id)?).map_err(storage)?;
    let extra = vec![m2m_certificate_check(&pem, Some(&key), now)];
    Ok(match client.token(now).await {
        Ok(t) => {
            let entity = t.identity.as_ref().map(|i| i.entity.clone());
            let sign_in = SignIn {
                outcome: Ok(Credentials::Bearer(t.access_token)),
                extra,
            };
            (sign_in, entity)
        }
        Err(e) => {
            let refused = Box::new(refusal::m2m(&e, &cert_id, None));
            (
                SignIn {
                    outcome: Err(refused),
                    extra,
                },
                None,
            )
        }
    })
}

/// Proves the new certificate with a full run; with a change of owner, the
/// token must act as the new owner. Replaces the old key and mapping only then.
pub async fn prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<OwnerOutcome, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    m2m_only(&setup)?;
    let (sign_in, entity) = staged_sign_in(ctx, &setup).await?;
    let target = erp_run::target(ctx, &setup).await?;
    let secrets = Arc::new(SetupSecrets {
        store: ctx.secrets.clone(),
        setup_id: setup_id.clone(),
    });
    let cancel = CancellationToken::new();
    let prepared =
        suite::prepare(&target, Some(sign_in), secrets, &options, cancel.clone()).await?;
    let (summary, checks) = run_proof(ctx, prepared.suite, &options, cancel, events).await;
    let refuse = |why: String, owner| OwnerOutcome {
        rotation: RotationOutcome {
            proven: false,
            summary: summary.clone(),
            checks: checks.clone(),
            next_steps: vec![why],
        },
        owner,
    };
    if RunVerdict::of_summary(&summary) != RunVerdict::AllPassed {
        return Ok(refuse(NOTHING_REPLACED.into(), None));
    }
    let change = setup.fields.netsuite.owner_change.clone();
    let new_owner = change.as_ref().map(|c| c.to.clone());
    let expected = change
        .and_then(|c| c.entity)
        .or(setup.fields.netsuite.token.entity.clone());
    let owner = expected.as_ref().map(|want| OwnerProof {
        expected: format!("{} (internal ID {want})", new_owner.clone().or(setup.fields.user_email.clone()).unwrap_or_default()),
        acting_as: entity.as_ref().map(|e| format!("internal ID {e}")),
        matches: entity.as_ref().map(|e| e == want),
        how: "NetSuite names the user in the access token it issued for the new certificate (sub: role;entity).".into(),
    });
    if owner.as_ref().and_then(|o| o.matches) == Some(false) {
        let why = format!("The new certificate signs in as internal ID {}, not the expected user: its mapping is for someone else. Nothing was replaced; map it for the right user and enter the new Certificate ID.", entity.unwrap_or_default());
        return Ok(refuse(why, owner));
    }
    let old_cert = setup
        .fields
        .netsuite
        .certificate_id
        .as_deref()
        .unwrap_or("the old one")
        .to_owned();
    promote(ctx, &setup_id, &pem_expiry(ctx, &setup_id)?).await?;
    let old_user = setup.fields.user_email.clone();
    write_fields(ctx, &setup_id, |f| {
        match &new_owner {
            Some(new) => f.owner_changed(new.clone()),
            None => f.netsuite.owner_change = None,
        }
        if let Some(e) = &entity {
            f.netsuite.token.entity = Some(e.clone());
        }
    })?;
    record(ctx, &setup_id, &summary, &checks, prepared.observe).await?;
    let mut next = vec![format!("Revoke the old mapping (Certificate ID {old_cert}) at Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup, once the connector uses the new key and Certificate ID.")];
    if let (Some(new), old) = (
        &new_owner,
        old_user.as_deref().unwrap_or("the previous user"),
    ) {
        next.insert(
            0,
            format!(
                "Give the connector the new private key and Certificate ID: it now acts as {new}."
            ),
        );
        next.push(format!("Retire {old}: offboard the user (inactive, Give Access cleared) or remove the integration role from them."));
    }
    Ok(OwnerOutcome {
        rotation: RotationOutcome {
            proven: true,
            summary,
            checks,
            next_steps: next,
        },
        owner,
    })
}

/// The pending certificate's expiry, for the reminders once it is in place.
fn pem_expiry(ctx: &AppCtx, setup_id: &str) -> Result<String, IpcError> {
    let pem = std::fs::read_to_string(pending_path(ctx, setup_id)?).map_err(storage)?;
    let parsed = onramp_netsuite::checks::certificate::parse_certificate(&pem).or_ipc()?;
    Ok(format_time(parsed.info.not_after))
}

/// Moves the pending key, certificate file and Certificate ID into place.
async fn promote(ctx: &AppCtx, setup_id: &str, expires_at: &str) -> Result<(), IpcError> {
    let id = setup_id.to_owned();
    crate::oauth::keychain(ctx, move |s| {
        let pending = pending_key(&id, M2M_PRIVATE_KEY);
        if let Some(key) = s.get(&pending)? {
            s.set(&SecretKey::new(id.as_str(), M2M_PRIVATE_KEY), &key)?;
            s.delete(&pending)?;
        }
        Ok(())
    })
    .await?;
    let from = pending_path(ctx, setup_id)?;
    std::fs::rename(&from, certificate_path(&ctx.data_dir, setup_id)?).map_err(storage)?;
    ctx.state.update_setup(setup_id, |s| {
        let ns = &mut s.fields.netsuite;
        if let Some(cert) = ns.certificate_id_pending.take() {
            ns.certificate_id = Some(cert);
        }
        ns.certificate_expires_at = Some(expires_at.to_owned());
        // A new key: the old one's hand-off record no longer applies.
        ns.key_export = None;
        s.touch();
        Ok(())
    })
}
