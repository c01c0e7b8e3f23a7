//! Changing a NetSuite TBA setup's token owner. NetSuite shows a token's user
//! in System Notes for everything the connector changes, and a token belongs
//! to one user for good, so a new owner means a new token created for them.
//! The guided steps: name the new user, give them the integration role,
//! create their token, prove it signs in and acts as them, then the person
//! updates the connector, revokes the old token and retires the old user.
//! The new token is staged like a rotation and replaces the old one only once
//! proven; the old user and token are left for the person to retire.

use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::{OwnerChange, Setup};
use onramp_core::{ErrorKind, IpcError};
use serde::Serialize;
use specta::Type;

use super::rotate::{self, RotationOutcome, NOTHING_REPLACED};
use crate::ctx::AppCtx;
use crate::run::{EventSink, RunOptions};

/// Who the proven credentials act as, and how that was seen.
#[derive(Debug, Clone, Serialize, Type)]
pub struct OwnerProof {
    pub expected: String,
    /// The user NetSuite recorded for the run's logins, when Onramp can see it.
    pub acting_as: Option<String>,
    /// `Some(false)`: the token belongs to someone else; nothing is replaced.
    pub matches: Option<bool>,
    /// Where this was seen, or where the person confirms it.
    pub how: String,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct OwnerOutcome {
    pub rotation: RotationOutcome,
    pub owner: Option<OwnerProof>,
}

fn tba_only(setup: &Setup) -> Result<(), IpcError> {
    match (setup.erp, setup.auth_method.unwrap_or(AuthMethod::Tba)) {
        (Erp::Netsuite, AuthMethod::Tba) => Ok(()),
        _ => Err(IpcError::new(
            ErrorKind::InvalidInput,
            "changing the token owner here is for NetSuite TBA setups",
        )),
    }
}

/// Starts a change of owner: names the user who takes the integration over.
pub async fn begin(ctx: &AppCtx, setup_id: String, new_user: String) -> Result<Setup, IpcError> {
    let new_user = new_user.trim().to_owned();
    if !new_user.contains('@') || new_user.contains(char::is_whitespace) {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            "give the new user's e-mail address (their login in NetSuite)",
        ));
    }
    ctx.state.update_setup(&setup_id, |setup| {
        tba_only(setup)?;
        let current = setup.fields.user_email.as_deref();
        if current.is_some_and(|u| u.eq_ignore_ascii_case(&new_user)) {
            return Err(IpcError::new(
                ErrorKind::InvalidInput,
                format!("{new_user} already owns this setup's token: name the user taking over"),
            ));
        }
        setup.fields.netsuite.owner_change = Some(OwnerChange {
            to: new_user,
            entity: None,
        });
        setup.touch();
        Ok(setup.clone())
    })
}

/// Who the practice run's logins were recorded for: the newest row of the
/// simulated Login Audit Trail, as the person reads it in NetSuite.
async fn practice_login_user(ctx: &AppCtx, setup_id: &str) -> Option<String> {
    let log = crate::api::practice::practice_audit_trail(ctx, setup_id.to_owned())
        .await
        .ok()?;
    let col = |name: &str| log.columns.iter().position(|c| c == name);
    let (email, status) = (col("email")?, col("status")?);
    let newest = log.rows.first()?;
    (newest.get(status)? == "Success").then(|| newest.get(email).cloned())?
}

async fn owner_proof(ctx: &AppCtx, setup: &Setup, expected: &str) -> OwnerProof {
    if setup.practice_scenario.is_some() {
        let acting_as = practice_login_user(ctx, &setup.id).await;
        return OwnerProof {
            matches: acting_as
                .as_deref()
                .map(|a| a.eq_ignore_ascii_case(expected)),
            acting_as,
            expected: expected.to_owned(),
            how: "The simulated Login Audit Trail records the run's logins under this user.".into(),
        };
    }
    OwnerProof {
        expected: expected.to_owned(),
        acting_as: None,
        matches: None,
        how: format!(
            "A TBA token does not tell the client whose it is. Confirm it in NetSuite: Setup > Users/Roles > User Management > View Login Audit Trail lists this run's logins with their user, which must be {expected}."
        ),
    }
}

/// Proves the new owner's staged token; accepted only when the run passes and
/// the logins are not seen under anyone else.
pub async fn prove(
    ctx: &AppCtx,
    setup_id: String,
    options: RunOptions,
    events: EventSink,
) -> Result<OwnerOutcome, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    tba_only(&setup)?;
    let new_user = setup
        .fields
        .netsuite
        .owner_change
        .as_ref()
        .map(|c| c.to.clone())
        .ok_or_else(|| IpcError::new(ErrorKind::InvalidInput, "name the new user first"))?;
    let run = rotate::run_staged(ctx, &setup, options, events).await?;
    if !run.passed() {
        let rotation = run.refused(NOTHING_REPLACED.into());
        return Ok(OwnerOutcome {
            rotation,
            owner: None,
        });
    }
    let owner = owner_proof(ctx, &setup, &new_user).await;
    if owner.matches == Some(false) {
        let who = owner.acting_as.clone().unwrap_or_default();
        let rotation = run.refused(format!(
            "The new token signs in as {who}, not {new_user}: it was created for the wrong user. Nothing was replaced. Create the token for {new_user} (Setup > Users/Roles > Access Tokens > New) and paste it again."
        ));
        return Ok(OwnerOutcome {
            rotation,
            owner: Some(owner),
        });
    }
    let old_user = setup.fields.user_email.clone();
    let steps = next_steps(&new_user, old_user.as_deref());
    let rotation = rotate::accept(ctx, &setup_id, run, steps).await?;
    ctx.state.update_setup(&setup_id, |s| {
        s.fields.owner_changed(new_user.clone());
        s.touch();
        Ok(())
    })?;
    Ok(OwnerOutcome {
        rotation,
        owner: Some(owner),
    })
}

fn next_steps(new_user: &str, old_user: Option<&str>) -> Vec<String> {
    let old = old_user.unwrap_or("the previous user");
    vec![
        format!("Give the connector {new_user}'s Token ID and Token Secret (its NetSuite connection settings), and check it syncs."),
        format!("Then revoke {old}'s token: Setup > Users/Roles > Access Tokens, open it and click Revoke."),
        format!("Retire {old}: offboard the user (make the employee inactive and clear Give Access on Lists > Employees > Access), or at least remove the integration role from them, so no one signs in as the integration any more."),
    ]
}
