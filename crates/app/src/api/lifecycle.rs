//! The Maintain page of an existing setup and the workspace's reminders:
//! rotating stored credentials (proven before they replace the old ones),
//! the practice values the simulated administrator created for it, and
//! what is about to expire or is due to be validated again.

use onramp_core::state::SecretName;
use onramp_core::IpcError;
use serde::Serialize;
use specta::Type;

use crate::ctx::AppCtx;
use crate::lifecycle::m2m;
use crate::lifecycle::owner::{self, OwnerOutcome};
use crate::lifecycle::reconsent;
use crate::lifecycle::reminders::{self, SetupReminders};
use crate::lifecycle::rotate::{self, Rotation, RotationOutcome};
use crate::oauth::m2m::{M2mAlgorithm, PracticeUpload};
use crate::practice;
use crate::run::{EventSink, RunOptions};

use super::practice::PracticeValue;

/// Every setup's reminders (most urgent first) and the NetSuite release it
/// was last validated on, as of now.
pub fn setup_reminders(ctx: &AppCtx) -> Result<Vec<SetupReminders>, IpcError> {
    let now = time::OffsetDateTime::now_utc();
    Ok(ctx
        .state
        .read()?
        .setups
        .iter()
        .map(|s| reminders::of_setup(s, now))
        .collect())
}

/// A new value waiting to be proven, by secret name.
#[derive(Debug, Clone, Serialize, Type)]
pub struct StagedSecret {
    pub name: String,
    pub stored: bool,
}

/// What the setup's rotation replaces, and which new values are stored.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RotationState {
    pub rotation: Rotation,
    pub staged: Vec<StagedSecret>,
}

pub async fn rotation_state(ctx: &AppCtx, setup_id: String) -> Result<RotationState, IpcError> {
    let rotation = Rotation::of(&ctx.state.setup(&setup_id)?)?;
    let staged = rotate::staged(ctx, setup_id).await?;
    Ok(RotationState {
        rotation,
        staged: staged
            .into_iter()
            .map(|(name, stored)| StagedSecret { name, stored })
            .collect(),
    })
}

/// Stores a new credential value beside the working one (write-only, like every secret).
pub async fn rotation_stage(
    ctx: &AppCtx,
    setup_id: String,
    name: String,
    value: String,
) -> Result<(), IpcError> {
    rotate::stage(ctx, setup_id, name, value).await
}

/// Proves the staged values with a full run; they replace the old ones only if it passes.
pub async fn rotation_prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<RotationOutcome, IpcError> {
    rotate::prove(ctx, setup_id, options, events).await
}

pub async fn rotation_discard(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    rotate::discard(ctx, setup_id).await
}

/// OAuth 2.0 authorization code: whether a new consent waits to be proven.
pub async fn reconsent_state(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<reconsent::ReconsentState, IpcError> {
    reconsent::state(ctx, setup_id).await
}

/// Proves the new consent with a full run; it replaces the old tokens only if it passes.
pub async fn reconsent_prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<RotationOutcome, IpcError> {
    reconsent::prove(ctx, setup_id, options, events).await
}

pub async fn reconsent_discard(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    reconsent::discard(ctx, setup_id).await
}

/// What the simulated administrator created for the Maintain flows (fake,
/// practice-only values to paste): the rotated token, and the new owner's.
#[derive(Debug, Clone, Default, Serialize, Type)]
pub struct MaintainPractice {
    pub rotation: Vec<PracticeValue>,
    /// The employee who can take the integration over, and their token.
    pub new_owner_email: Option<String>,
    pub new_owner_name: Option<String>,
    pub new_owner_entity: Option<String>,
    pub new_owner_token: Vec<PracticeValue>,
    /// Sage Intacct: a company administrator's user ID and password, to offboard with.
    pub intacct_admin: Vec<PracticeValue>,
}

fn token_values(id: &str, secret: &str) -> Vec<PracticeValue> {
    [
        (SecretName::NetsuiteTokenId, "Token ID", id),
        (SecretName::NetsuiteTokenSecret, "Token Secret", secret),
    ]
    .into_iter()
    .map(|(name, label, value)| PracticeValue {
        name: name.as_str().to_owned(),
        label: label.to_owned(),
        value: value.to_owned(),
    })
    .collect()
}

pub async fn maintain_practice(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<MaintainPractice, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let scenario = practice::scenario_for(&ctx.data_dir, &setup)?;
    if let Some(intacct) = scenario.intacct {
        return Ok(MaintainPractice {
            intacct_admin: intacct_admin(&intacct),
            ..MaintainPractice::default()
        });
    }
    let Some(client) = scenario.netsuite.map(|n| n.client) else {
        return Ok(MaintainPractice::default());
    };
    let owner = client.new_owner;
    Ok(MaintainPractice {
        intacct_admin: Vec::new(),
        rotation: client
            .rotation
            .map(|t| token_values(&t.token_id, &t.token_secret))
            .unwrap_or_default(),
        new_owner_email: owner.as_ref().map(|o| o.email.clone()),
        new_owner_name: owner.as_ref().map(|o| o.name.clone()),
        new_owner_entity: owner.as_ref().map(|o| o.entity.to_string()),
        new_owner_token: owner
            .and_then(|o| {
                Some(token_values(
                    o.token_id.as_deref()?,
                    o.token_secret.as_deref()?,
                ))
            })
            .unwrap_or_default(),
    })
}

/// The simulated company's first active administrator other than the Web Services user.
fn intacct_admin(sc: &onramp_sim::intacct::IntacctScenario) -> Vec<PracticeValue> {
    use onramp_sim::intacct::{AdminPrivilege, UserStatus};
    let admin = sc.users.iter().find(|u| {
        u.admin != AdminPrivilege::Off
            && u.status == UserStatus::Active
            && !u.login_id.eq_ignore_ascii_case(&sc.practice.user_id)
    });
    admin
        .map(|u| {
            [
                (
                    SecretName::IntacctUserId,
                    "Administrator user ID",
                    &u.login_id,
                ),
                (
                    SecretName::IntacctUserPassword,
                    "Administrator password",
                    &u.password,
                ),
            ]
            .into_iter()
            .map(|(name, label, value)| PracticeValue {
                name: name.as_str().to_owned(),
                label: label.to_owned(),
                value: value.clone(),
            })
            .collect()
        })
        .unwrap_or_default()
}

/// Change of token owner: names the user taking the integration over.
pub async fn owner_begin(
    ctx: &AppCtx,
    setup_id: String,
    new_user: String,
) -> Result<onramp_core::state::Setup, IpcError> {
    owner::begin(ctx, setup_id, new_user).await
}

/// Proves the new owner's token (staged like a rotation) signs in and acts as them.
pub async fn owner_prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<OwnerOutcome, IpcError> {
    owner::prove(ctx, setup_id, options, events).await
}

/// A new M2M certificate waiting beside the working one.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PendingCertificate {
    pub certificate_pem: String,
    /// The file to upload to NetSuite for the new mapping.
    pub path: String,
}

/// M2M: a new key pair (pending in the keychain) and its certificate file.
pub async fn m2m_rotation_generate(
    ctx: &AppCtx,
    setup_id: String,
    algorithm: M2mAlgorithm,
) -> Result<PendingCertificate, IpcError> {
    let certificate_pem = m2m::generate(ctx, setup_id.clone(), algorithm).await?;
    let path = m2m::pending_path(ctx, &setup_id)?.display().to_string();
    Ok(PendingCertificate {
        certificate_pem,
        path,
    })
}

/// M2M: the Certificate ID NetSuite showed for the new mapping.
pub async fn m2m_rotation_certificate_id(
    ctx: &AppCtx,
    setup_id: String,
    certificate_id: String,
) -> Result<(), IpcError> {
    m2m::set_certificate_id(ctx, setup_id, certificate_id).await
}

/// Practice mode: the simulated administrator maps the new certificate.
pub async fn m2m_rotation_practice_upload(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<PracticeUpload, IpcError> {
    m2m::practice_upload(ctx, setup_id).await
}

/// M2M change of owner: the new user's login and internal ID.
pub async fn m2m_owner_begin(
    ctx: &AppCtx,
    setup_id: String,
    new_user: String,
    entity: String,
) -> Result<onramp_core::state::Setup, IpcError> {
    m2m::begin_owner_change(ctx, setup_id, new_user, entity).await
}

/// M2M: proves the new certificate (and owner) with a full run; replaces only then.
pub async fn m2m_rotation_prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<OwnerOutcome, IpcError> {
    m2m::prove(ctx, setup_id, options, events).await
}

/// Practice mode, Sage Intacct: the simulated administrator sets the Web
/// Services user's password to the new one stored for the rotation (Company >
/// Admin > Users > Edit); from then on the simulated company refuses the old one.
pub async fn practice_change_password(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    use onramp_core::{ErrorKind, SecretKey};
    let setup = ctx.state.setup(&setup_id)?;
    if setup.erp != onramp_core::profile::Erp::Intacct || setup.practice_scenario.is_none() {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            "only a Sage Intacct practice setup changes its password in the simulator",
        ));
    }
    let id = setup_id.clone();
    let (user, password) = crate::oauth::keychain(ctx, move |s| {
        let user = s.get(&SecretKey::new(
            id.as_str(),
            SecretName::IntacctUserId.as_str(),
        ))?;
        let new = s.get(&rotate::pending_key(
            &id,
            SecretName::IntacctUserPassword.as_str(),
        ))?;
        Ok((user, new))
    })
    .await?;
    let (Some(user), Some(password)) = (user, password) else {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            "store the user ID on the Credentials step and the new password here first",
        ));
    };
    let scenario = practice::scenario_for(&ctx.data_dir, &setup)?;
    let base = ctx.sims.base_url(&setup_id, scenario).await?;
    let failed = |e: &dyn std::fmt::Display| {
        IpcError::new(
            ErrorKind::Network,
            format!("the simulator did not change the password: {e}"),
        )
    };
    let http =
        onramp_core::http::client(std::time::Duration::from_secs(10)).map_err(|e| failed(&e))?;
    let body = serde_json::json!({ "user": user.expose(), "password": password.expose() });
    let resp = http
        .post(format!("{base}/__sim/intacct/users/password"))
        .json(&body)
        .send()
        .await
        .map_err(|e| failed(&e))?;
    if !resp.status().is_success() {
        return Err(failed(&resp.status()));
    }
    Ok(())
}
