//! Offboard a Sage Intacct Web Services user: an administrator of the company
//! signs in with their own user (through the setup's Sender ID), Onramp shows
//! what stops working, and after a click sets the user inactive (the generic
//! `update`), reads it back, and proves the setup's own sign-in is refused.
//! The administrator's user ID and password wait in the keychain under the
//! setup's `#admin` entry and are forgotten once the change is made.

use onramp_core::state::{AdminChange, SecretName, Setup};
use onramp_core::{ErrorKind, IpcError, Secret, SecretKey};
use onramp_intacct::users::{self, UserRecord};
use onramp_intacct::{ClientOptions, IntacctClient, IntacctCredentials, IntacctError};
use serde::Serialize;
use specta::Type;

use super::changes::{self, Preview};
use crate::ctx::AppCtx;
use crate::errors::DomainError;
use crate::oauth::{invalid, keychain};

/// The keychain entry of the administrator's own sign-in for `name`.
fn admin_key(setup_id: &str, name: SecretName) -> SecretKey {
    SecretKey::new(format!("{setup_id}#admin"), name.as_str())
}

const ADMIN_NAMES: [SecretName; 2] = [SecretName::IntacctUserId, SecretName::IntacctUserPassword];

/// The user as read from the company, for the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct IntacctUserView {
    pub record_no: String,
    pub login_id: String,
    pub status: String,
    pub web_services_only: bool,
    pub locations: Vec<String>,
}

impl From<UserRecord> for IntacctUserView {
    fn from(u: UserRecord) -> Self {
        Self {
            record_no: u.record_no,
            login_id: u.login_id,
            status: u.status,
            web_services_only: u.web_services_only,
            locations: u.locations,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct IntacctOffboardPlan {
    pub preview: Preview,
    pub user: IntacctUserView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct IntacctOffboarded {
    /// Read back after the change: STATUS inactive.
    pub user: IntacctUserView,
    /// How the setup's own sign-in was refused afterwards.
    pub credentials_refused: String,
    /// The Sender ID authorisation, which only the company's own settings can remove.
    pub sender_note: String,
    pub change: AdminChange,
}

/// Stores the administrator's user ID and password for this setup's offboarding.
pub async fn store_admin(
    ctx: &AppCtx,
    setup_id: String,
    user_id: String,
    password: String,
) -> Result<(), IpcError> {
    intacct_setup(ctx, &setup_id)?;
    let user_id = user_id.trim().to_owned();
    if user_id.is_empty() || password.is_empty() {
        return Err(invalid("enter the administrator's user ID and password"));
    }
    keychain(ctx, move |s| {
        s.set(
            &admin_key(&setup_id, SecretName::IntacctUserId),
            &Secret::new(user_id),
        )?;
        s.set(
            &admin_key(&setup_id, SecretName::IntacctUserPassword),
            &Secret::new(password),
        )
    })
    .await
}

/// Whether an administrator's sign-in is stored for the setup.
pub async fn admin_stored(ctx: &AppCtx, setup_id: String) -> Result<bool, IpcError> {
    keychain(ctx, move |s| {
        ADMIN_NAMES.iter().try_fold(true, |all, n| {
            Ok(all && s.exists(&admin_key(&setup_id, *n))?)
        })
    })
    .await
}

/// Forgets the administrator's sign-in (after the change, or with the setup).
pub async fn forget_admin(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    keychain(ctx, move |s| {
        ADMIN_NAMES
            .iter()
            .try_for_each(|n| s.delete(&admin_key(&setup_id, *n)))
    })
    .await
}

fn intacct_setup(ctx: &AppCtx, setup_id: &str) -> Result<Setup, IpcError> {
    let setup = ctx.state.setup(setup_id)?;
    if setup.erp != onramp_core::profile::Erp::Intacct {
        return Err(invalid(
            "this offboarding is for Sage Intacct setups; a NetSuite setup offboards with an administrator's sign-in",
        ));
    }
    Ok(setup)
}

/// The setup's own credentials, or the administrator's in place of its user.
async fn credentials(
    ctx: &AppCtx,
    setup: &Setup,
    as_admin: bool,
) -> Result<IntacctCredentials, IpcError> {
    let id = setup.id.clone();
    let (sender, sender_pw, user, user_pw) = keychain(ctx, move |s| {
        let own = |n: SecretName| s.get(&SecretKey::new(id.as_str(), n.as_str()));
        let user = |n: SecretName| match as_admin {
            true => s.get(&admin_key(&id, n)),
            false => own(n),
        };
        Ok((
            own(SecretName::IntacctSenderId)?,
            own(SecretName::IntacctSenderPassword)?,
            user(SecretName::IntacctUserId)?,
            user(SecretName::IntacctUserPassword)?,
        ))
    })
    .await?;
    let (Some(sender), Some(sender_pw)) = (sender, sender_pw) else {
        return Err(crate::oauth::missing(
            "Sender ID and Sender password",
            "Store them on the Credentials step: the administrator signs in through the same Sender ID.",
        ));
    };
    let (Some(user), Some(user_pw)) = (user, user_pw) else {
        return Err(match as_admin {
            true => invalid("enter the administrator's user ID and password first"),
            false => crate::oauth::missing(
                "Web Services user ID and password",
                "Store them on the Credentials step.",
            ),
        });
    };
    Ok(IntacctCredentials {
        sender_id: sender.expose().clone(),
        sender_password: sender_pw,
        user_id: user.expose().clone(),
        user_password: user_pw,
        company_id: setup.account_id.trim().to_owned(),
        // The administrator works at the top level, where users live.
        entity_id: if as_admin {
            None
        } else {
            setup.entity_id.clone()
        },
    })
}

async fn client(ctx: &AppCtx, setup: &Setup, as_admin: bool) -> Result<IntacctClient, IpcError> {
    let creds = credentials(ctx, setup, as_admin).await?;
    let options = ClientOptions {
        endpoints: crate::erp_run::endpoints(ctx, setup).await?,
        ..ClientOptions::default()
    };
    IntacctClient::new(creds, options).map_err(|e| refused(&e))
}

fn refused(e: &IntacctError) -> IpcError {
    IpcError::new(e.kind(), e.to_string())
}

/// The Web Services user the setup signs in as, read by the administrator.
async fn web_services_user(
    admin: &IntacctClient,
    setup: &Setup,
    ctx: &AppCtx,
) -> Result<UserRecord, IpcError> {
    let own = credentials(ctx, setup, false).await?.user_id;
    if own.eq_ignore_ascii_case(&admin.credentials().user_id) {
        return Err(invalid(
            "sign in as another administrator: the Web Services user cannot be offboarded with its own sign-in",
        ));
    }
    users::read_user(admin, &own)
        .await
        .map_err(|e| refused(&e))?
        .ok_or_else(|| invalid(format!("the company has no user {own}")))
}

fn preview(setup: &Setup, sender_id: &str, user: &UserRecord) -> Preview {
    let mut changes = vec![format!(
        "Set Web Services user {} (record {}) inactive (STATUS = inactive).",
        user.login_id, user.record_no
    )];
    if !user.locations.is_empty() {
        changes.push(format!(
            "Keep its entity restrictions ({}) as they are.",
            user.locations.join(", ")
        ));
    }
    Preview {
        action: "Offboard the Web Services user".into(),
        changes,
        warnings: vec![
            format!(
                "Every connector that signs in as {} stops working at once, in every entity of company {}.",
                user.login_id, setup.account_id
            ),
            format!(
                "Sender ID {sender_id} stays authorised: remove it yourself only if no other connector uses it."
            ),
        ],
    }
}

fn sender_note(sender_id: &str) -> String {
    format!(
        "If no other connector uses Sender ID {sender_id}, remove it from Company > Setup > Company > Security > Web Services authorizations (Sage Intacct offers no API for this). Leave it if another integration signs in through it."
    )
}

pub async fn plan(ctx: &AppCtx, setup_id: String) -> Result<IntacctOffboardPlan, IpcError> {
    let setup = intacct_setup(ctx, &setup_id)?;
    let admin = client(ctx, &setup, true).await?;
    let user = web_services_user(&admin, &setup, ctx).await?;
    Ok(IntacctOffboardPlan {
        preview: preview(&setup, &admin.credentials().sender_id, &user),
        user: user.into(),
    })
}

pub async fn run(ctx: &AppCtx, setup_id: String) -> Result<IntacctOffboarded, IpcError> {
    let setup = intacct_setup(ctx, &setup_id)?;
    let admin = client(ctx, &setup, true).await?;
    let before = web_services_user(&admin, &setup, ctx).await?;
    let sender = admin.credentials().sender_id.clone();
    let preview = preview(&setup, &sender, &before);
    let after = users::deactivate_user(&admin, &before)
        .await
        .map_err(|e| refused(&e))?;
    if after.status != "inactive" {
        return Err(IpcError::new(
            ErrorKind::Protocol,
            format!(
                "Sage Intacct accepted the change but user {} reads back with STATUS {}",
                after.login_id, after.status
            ),
        ));
    }
    let credentials_refused = prove_refused(ctx, &setup).await?;
    let outcome = format!(
        "Read back user {} (record {}): STATUS = inactive. {credentials_refused}",
        after.login_id, after.record_no
    );
    let consented_by = format!("Sage Intacct administrator {}", admin.credentials().user_id);
    let change = changes::record(ctx, &setup.id, &preview, &consented_by, outcome)?;
    forget_admin(ctx, setup.id.clone()).await?;
    Ok(IntacctOffboarded {
        user: after.into(),
        credentials_refused,
        sender_note: sender_note(&sender),
        change,
    })
}

/// Signs in with the setup's own credentials, expecting Sage to refuse.
async fn prove_refused(ctx: &AppCtx, setup: &Setup) -> Result<String, IpcError> {
    let own = client(ctx, setup, false).await?;
    match own.get_api_session().await {
        Err(e @ IntacctError::Authentication { .. }) => {
            Ok(format!("The setup's sign-in is refused now: {e}"))
        }
        Ok(_) => Err(IpcError::new(
            ErrorKind::Protocol,
            "the user is inactive but Sage Intacct still accepts the setup's sign-in",
        )),
        Err(e) => Err(IpcError::new(
            ErrorKind::Network,
            format!("could not confirm the setup's sign-in is refused: {e}"),
        )),
    }
}
