//! Offboard the integration user: say what stops working, then with the
//! administrator's consent set `isInactive=true` and `giveAccess=false`
//! (`isInactive` alone may leave login access), read both back, and prove the
//! setup's own credentials are now refused.

use onramp_core::profile::AuthMethod;
use onramp_core::state::{AdminChange, Setup};
use onramp_core::{ErrorKind, IpcError};
use onramp_netsuite::admin::refusal::AdminAction;
use onramp_netsuite::admin::{self, EmployeeRecord};
use onramp_netsuite::client::Literal;
use onramp_netsuite::{NetSuiteClient, NetSuiteError};
use serde::Serialize;
use specta::Type;

use super::changes::{self, Preview};
use super::refused;
use crate::ctx::AppCtx;
use crate::oauth::invalid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct OffboardPlan {
    pub preview: Preview,
    pub employee: super::EmployeeView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Offboarded {
    /// Read back after the change: both must hold.
    pub employee: super::EmployeeView,
    /// How the setup's own credentials were refused afterwards.
    pub credentials_refused: String,
    pub change: AdminChange,
}

async fn employee(client: &NetSuiteClient, setup: &Setup) -> Result<EmployeeRecord, IpcError> {
    let id = match &setup.fields.netsuite.employee_id {
        Some(id) => id.clone(),
        None => {
            let email = setup.fields.user_email.as_deref().ok_or_else(|| {
                invalid("enter the integration user's email on the User step first")
            })?;
            let q = format!(
                "SELECT id, email FROM employee WHERE email = {}",
                Literal::text(email)
                    .map_err(|e| invalid(e.to_string()))?
                    .as_str()
            );
            let page = client
                .suiteql(&q, 10, 0)
                .await
                .map_err(|e| refused(AdminAction::Deactivate, e))?;
            page.items
                .first()
                .and_then(|r| r.get("id")?.as_str().map(str::to_owned))
                .ok_or_else(|| {
                    invalid(format!("NetSuite has no employee with the email {email}"))
                })?
        }
    };
    admin::read_employee(client, &id)
        .await
        .map_err(|e| refused(AdminAction::Deactivate, e))
}

fn preview(setup: &Setup, e: &EmployeeRecord) -> Preview {
    let mut warnings = vec![
        format!(
            "Every access token (TBA) of {} stops working at once.",
            e.email
        ),
        format!(
            "Every OAuth 2.0 authorization {} gave stops working.",
            e.email
        ),
    ];
    let cert = setup
        .fields
        .netsuite
        .certificate_id
        .as_ref()
        .map(|c| format!(" (certificate {c})"))
        .unwrap_or_default();
    warnings.push(format!(
        "Every M2M certificate mapping for this user{cert} stops working."
    ));
    warnings.push(
        "The connector that signs in as this user stops working until it gets new credentials."
            .into(),
    );
    Preview {
        action: "Offboard the integration user".into(),
        changes: vec![
            format!(
                "Set employee {} ({}) inactive (isInactive = true).",
                e.id, e.email
            ),
            "Turn off its access to NetSuite (giveAccess = false).".to_owned(),
        ],
        warnings,
    }
}

pub async fn plan(ctx: &AppCtx, setup: &Setup) -> Result<OffboardPlan, IpcError> {
    let client = super::client(ctx, setup).await?;
    let employee = employee(&client, setup).await?;
    Ok(OffboardPlan {
        preview: preview(setup, &employee),
        employee: employee.into(),
    })
}

pub async fn run(ctx: &AppCtx, setup: &Setup) -> Result<Offboarded, IpcError> {
    let consented_by = super::session::consented_by(ctx, &setup.id).await?;
    let client = super::client(ctx, setup).await?;
    let before = employee(&client, setup).await?;
    let preview = preview(setup, &before);
    let after = admin::deactivate_employee(&client, &before.id)
        .await
        .map_err(|e| refused(AdminAction::Deactivate, e))?;
    if !after.is_inactive || after.give_access {
        return Err(IpcError::new(
            ErrorKind::Protocol,
            format!(
                "NetSuite accepted the change but employee {} reads back with isInactive={} and giveAccess={}",
                after.id, after.is_inactive, after.give_access
            ),
        ));
    }
    let credentials_refused = prove_refused(ctx, setup).await?;
    let outcome = format!(
        "Read back employee {}: isInactive = true, giveAccess = false. {credentials_refused}",
        after.id
    );
    let change = changes::record(ctx, &setup.id, &preview, &consented_by, outcome)?;
    Ok(Offboarded {
        employee: after.into(),
        credentials_refused,
        change,
    })
}

/// Signs in with the setup's own credentials, expecting NetSuite to refuse.
async fn prove_refused(ctx: &AppCtx, setup: &Setup) -> Result<String, IpcError> {
    let endpoints = crate::erp_run::endpoints(ctx, setup).await?;
    let credentials = match setup.auth_method.unwrap_or(AuthMethod::Tba) {
        AuthMethod::Tba => crate::erp_run::tba_credentials(ctx, setup).await?,
        m => match crate::oauth::sign_in::sign_in(ctx, setup, m, endpoints.clone())
            .await?
            .outcome
        {
            Ok(c) => c,
            Err(r) => {
                return Ok(format!(
                    "NetSuite no longer issues a token for it: {}",
                    r.summary
                ))
            }
        },
    };
    let options = onramp_netsuite::ClientOptions {
        endpoints,
        ..Default::default()
    };
    let account =
        onramp_netsuite::Account::parse(&setup.account_id).map_err(|e| invalid(e.to_string()))?;
    let own =
        NetSuiteClient::new(account, credentials, options).map_err(|e| invalid(e.to_string()))?;
    match own.server_time().await {
        Err(e @ (NetSuiteError::InvalidLogin { .. } | NetSuiteError::BearerRejected { .. })) => {
            Ok(format!("The setup's credentials are refused now: {e}"))
        }
        Ok(_) => Err(IpcError::new(
            ErrorKind::Protocol,
            "the user is inactive but NetSuite still accepts the setup's credentials",
        )),
        Err(e) => Err(IpcError::new(
            ErrorKind::Network,
            format!("could not confirm the old credentials are refused: {e}"),
        )),
    }
}
