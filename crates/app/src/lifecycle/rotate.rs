//! Rotating a setup's stored credentials without ever losing the working
//! ones: the new values wait in the keychain beside the old (under the
//! setup's *pending* entry), a full validation run signs in with them, and
//! only a run that passes moves them into place. A failed proof changes
//! nothing: the old credentials stay, and the new ones stay pending so the
//! user can correct them and prove again.

use std::sync::Arc;

use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::runner::{RunEvent, RunSummary, Suite};
use onramp_core::state::{SecretName, SecretSpec, Setup};
use onramp_core::{CheckResult, ErrorKind, IpcError, RunVerdict, Secret, SecretKey, SecretStore};
use serde::Serialize;
use specta::Type;
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::erp_run::{self, SetupSecrets};
use crate::run::{run_to_end, EventSink, RunOptions};
use crate::runs;
use crate::suite::{self, SecretSource};

/// What a stored credential rotation replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Rotation {
    /// NetSuite TBA: a new token (same user, role and integration record).
    TbaToken,
    /// Sage Intacct: the Web Services user's new password.
    IntacctPassword,
}

impl Rotation {
    /// The rotation a setup's sign-in method has, if its secrets are typed in.
    pub fn of(setup: &Setup) -> Result<Self, IpcError> {
        match (setup.erp, setup.auth_method.unwrap_or(AuthMethod::Tba)) {
            (Erp::Intacct, _) => Ok(Self::IntacctPassword),
            (Erp::Netsuite, AuthMethod::Tba) => Ok(Self::TbaToken),
            (Erp::Netsuite, _) => Err(IpcError::new(
                ErrorKind::InvalidInput,
                "an OAuth 2.0 setup rotates by signing in again (or with a new certificate), not with pasted values",
            )),
        }
    }

    /// The keychain entries the rotation replaces.
    pub fn names(self) -> &'static [SecretName] {
        match self {
            Self::TbaToken => &[SecretName::NetsuiteTokenId, SecretName::NetsuiteTokenSecret],
            Self::IntacctPassword => &[SecretName::IntacctUserPassword],
        }
    }

    fn replaces(self, name: &str) -> bool {
        self.names().iter().any(|n| n.as_str() == name)
    }
}

/// The keychain entry holding a new value until a run has proven it.
pub fn pending_key(setup_id: &str, name: &str) -> SecretKey {
    SecretKey::new(format!("{setup_id}#pending"), name)
}

/// Stores a new value for `name` beside the setup's working one.
pub async fn stage(
    ctx: &AppCtx,
    setup_id: String,
    name: String,
    value: String,
) -> Result<(), IpcError> {
    let rotation = Rotation::of(&ctx.state.setup(&setup_id)?)?;
    if !rotation.replaces(&name) {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            format!("{name} is not replaced by this setup's rotation"),
        ));
    }
    let value = value.trim().to_owned();
    if value.is_empty() {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            "the new value is empty",
        ));
    }
    let key = pending_key(&setup_id, &name);
    crate::oauth::keychain(ctx, move |s| s.set(&key, &Secret::new(value))).await
}

/// Which of the rotation's new values are stored, by name.
pub async fn staged(ctx: &AppCtx, setup_id: String) -> Result<Vec<(String, bool)>, IpcError> {
    let rotation = Rotation::of(&ctx.state.setup(&setup_id)?)?;
    crate::oauth::keychain(ctx, move |s| {
        rotation
            .names()
            .iter()
            .map(|n| {
                Ok((
                    n.as_str().to_owned(),
                    s.exists(&pending_key(&setup_id, n.as_str()))?,
                ))
            })
            .collect()
    })
    .await
}

/// The setup's credentials with the staged values in place of the old ones.
struct WithPending {
    current: SetupSecrets,
    rotation: Rotation,
}

impl SecretSource for WithPending {
    fn get(&self, name: &str) -> Result<Option<Secret<String>>, IpcError> {
        if self.rotation.replaces(name) {
            let key = pending_key(&self.current.setup_id, name);
            return Ok(self.current.store.get(&key)?);
        }
        self.current.get(name)
    }

    fn missing(&self, missing: &[&SecretSpec]) -> IpcError {
        let labels: Vec<&str> = missing.iter().map(|s| s.label).collect();
        IpcError::new(
            ErrorKind::InvalidInput,
            format!("paste the new {} first", labels.join(" and ")),
        )
    }
}

/// How the proof of new credentials went.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RotationOutcome {
    /// The new credentials passed and replaced the old ones.
    pub proven: bool,
    pub summary: RunSummary,
    pub checks: Vec<CheckResult>,
    /// What the person does next (update the connector, revoke the old token).
    pub next_steps: Vec<String>,
}

/// A finished run with the staged values, not yet accepted.
pub struct StagedRun {
    pub rotation: Rotation,
    pub summary: RunSummary,
    pub checks: Vec<CheckResult>,
    observe: runs::Observer,
}

impl StagedRun {
    pub fn passed(&self) -> bool {
        RunVerdict::of_summary(&self.summary) == RunVerdict::AllPassed
    }

    /// Nothing replaced: the answer to a run that did not prove the new values.
    pub fn refused(self, why: String) -> RotationOutcome {
        RotationOutcome {
            proven: false,
            summary: self.summary,
            checks: self.checks,
            next_steps: vec![why],
        }
    }
}

/// Runs the setup's whole suite with the staged values in place of the old
/// ones. Progress goes to `events`; the run can be cancelled by its id.
pub async fn run_staged(
    ctx: &AppCtx,
    setup: &Setup,
    options: RunOptions,
    events: EventSink,
) -> Result<StagedRun, IpcError> {
    let rotation = Rotation::of(setup)?;
    let source = Arc::new(WithPending {
        current: SetupSecrets {
            store: ctx.secrets.clone(),
            setup_id: setup.id.clone(),
        },
        rotation,
    });
    let target = erp_run::target(ctx, setup).await?;
    let cancel = CancellationToken::new();
    let prepared = suite::prepare(&target, None, source, &options, cancel.clone()).await?;
    let (summary, checks) = run_proof(ctx, prepared.suite, &options, cancel, events).await;
    Ok(StagedRun {
        rotation,
        summary,
        checks,
        observe: prepared.observe,
    })
}

/// Runs a proof's prepared suite to the end; while it runs it can be
/// cancelled by its id like any run. Every proof (rotation, change of owner,
/// re-consent) goes through here.
pub(crate) async fn run_proof(
    ctx: &AppCtx,
    suite: Suite,
    options: &RunOptions,
    cancel: CancellationToken,
    events: EventSink,
) -> (RunSummary, Vec<CheckResult>) {
    let (registry, token) = (ctx.runs.clone(), cancel.clone());
    let (summary, checks) = run_to_end(suite, options, cancel, move |e| {
        if let RunEvent::Started { run_id, .. } = &e {
            registry.insert(run_id.clone(), token.clone());
        }
        events(e);
    })
    .await;
    ctx.runs.remove(&summary.run_id);
    (summary, checks)
}

/// Records a proven run as the setup's (off the async workers: it writes files).
pub(crate) async fn record(
    ctx: &AppCtx,
    setup_id: &str,
    summary: &RunSummary,
    checks: &[CheckResult],
    observe: runs::Observer,
) -> Result<(), IpcError> {
    let (state, data_dir, id) = (ctx.state.clone(), ctx.data_dir.clone(), setup_id.to_owned());
    let (s, c) = (summary.clone(), checks.to_vec());
    tokio::task::spawn_blocking(move || runs::record(&state, &data_dir, &id, s, c, observe))
        .await
        .map_err(|e| {
            IpcError::new(
                ErrorKind::Internal,
                format!("recording the run failed: {e}"),
            )
        })
}

/// Accepts a proven run: the staged values replace the old ones, and the run
/// is recorded as the setup's.
pub async fn accept(
    ctx: &AppCtx,
    setup_id: &str,
    run: StagedRun,
    next_steps: Vec<String>,
) -> Result<RotationOutcome, IpcError> {
    promote(ctx, setup_id, run.rotation).await?;
    record(ctx, setup_id, &run.summary, &run.checks, run.observe).await?;
    Ok(RotationOutcome {
        proven: true,
        summary: run.summary,
        checks: run.checks,
        next_steps,
    })
}

/// What a failed proof leaves: the working credentials.
pub const NOTHING_REPLACED: &str = "Nothing was replaced: the setup still uses its working credentials. Correct the new values (the failed checks say how) and prove them again.";

/// Proves the staged values with a full run and, if it passes, puts them in place.
pub async fn prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<RotationOutcome, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let run = run_staged(ctx, &setup, options, events).await?;
    if !run.passed() {
        return Ok(run.refused(NOTHING_REPLACED.into()));
    }
    let steps = next_steps(run.rotation);
    accept(ctx, &setup_id, run, steps).await
}

/// Moves each staged value over the working one, then forgets the staged copy.
async fn promote(ctx: &AppCtx, setup_id: &str, rotation: Rotation) -> Result<(), IpcError> {
    let id = setup_id.to_owned();
    crate::oauth::keychain(ctx, move |s: &dyn SecretStore| {
        for name in rotation.names().iter().map(|n| n.as_str()) {
            let pending = pending_key(&id, name);
            if let Some(value) = s.get(&pending)? {
                s.set(&SecretKey::new(id.as_str(), name), &value)?;
                s.delete(&pending)?;
            }
        }
        Ok(())
    })
    .await
}

fn next_steps(rotation: Rotation) -> Vec<String> {
    match rotation {
        Rotation::TbaToken => vec![
            "Give the connector the new Token ID and Token Secret (its NetSuite connection settings).".into(),
            "Once the connector works with them, revoke the old token: Setup > Users/Roles > Access Tokens, open the old token and click Revoke. Requests with it are refused from then on.".into(),
        ],
        Rotation::IntacctPassword => vec![
            "Give the connector the Web Services user's new password.".into(),
        ],
    }
}

/// Forgets staged values (the user gave up on the rotation, or deleted the
/// setup): new tokens and passwords, and a new M2M key and its certificate.
pub async fn discard(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    crate::oauth::write_fields(ctx, &setup_id, |f| f.netsuite.certificate_id_pending = None)?;
    if let Ok(path) = super::m2m::pending_path(ctx, &setup_id) {
        if let Err(e) = std::fs::remove_file(&path) {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(error = %e, path = %path.display(), "could not remove the pending certificate");
            }
        }
    }
    crate::oauth::keychain(ctx, move |s| {
        let m2m_key = onramp_netsuite::oauth2::secret_names::M2M_PRIVATE_KEY;
        [Rotation::TbaToken, Rotation::IntacctPassword]
            .iter()
            .flat_map(|r| r.names())
            .map(|n| n.as_str())
            .chain([m2m_key])
            .try_for_each(|n| s.delete(&pending_key(&setup_id, n)))
    })
    .await
}
