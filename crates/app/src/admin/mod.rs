//! Doing the setup for the person with an administrator's one-time consent:
//! the administrator signs in (authorization code + PKCE, in their browser);
//! Onramp previews each change as a plain list, makes it only after a click,
//! reads it back, and records who consented and when on the setup (and so in
//! its report).

pub mod audit;
pub mod certificates;
pub mod changes;
pub mod employee;
pub mod intacct_offboard;
pub mod offboard;
pub mod session;

use onramp_core::{IpcError, Secret};
use onramp_netsuite::admin::refusal::{diagnose, AdminAction};
use onramp_netsuite::{Account, ClientOptions, Credentials, NetSuiteClient, NetSuiteError};

use crate::ctx::AppCtx;
use crate::errors::OrIpc;
use onramp_core::state::Setup;

/// A client acting as the signed-in administrator of `setup`'s account.
pub async fn client(ctx: &AppCtx, setup: &Setup) -> Result<NetSuiteClient, IpcError> {
    let token = session::token(ctx, &setup.id)
        .await?
        .ok_or_else(session::not_signed_in)?;
    client_with(ctx, setup, token).await
}

pub(crate) async fn client_with(
    ctx: &AppCtx,
    setup: &Setup,
    token: Secret<String>,
) -> Result<NetSuiteClient, IpcError> {
    let endpoints = crate::erp_run::endpoints(ctx, setup).await?;
    let options = ClientOptions {
        endpoints,
        ..ClientOptions::default()
    };
    NetSuiteClient::new(
        Account::parse(&setup.account_id).or_ipc()?,
        Credentials::Bearer(token),
        options,
    )
    .or_ipc()
}

/// An employee as read back, for the window.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct EmployeeView {
    pub id: String,
    pub email: String,
    pub is_inactive: bool,
    pub give_access: bool,
    pub subsidiary_id: Option<String>,
    pub role_ids: Vec<String>,
}

impl From<onramp_netsuite::admin::EmployeeRecord> for EmployeeView {
    fn from(r: onramp_netsuite::admin::EmployeeRecord) -> Self {
        Self {
            id: r.id,
            email: r.email,
            is_inactive: r.is_inactive,
            give_access: r.give_access,
            subsidiary_id: r.subsidiary_id,
            role_ids: r.role_ids,
        }
    }
}

/// NetSuite's refusal of an administrator's action, with cause → fix → where.
pub fn refused(action: AdminAction, e: NetSuiteError) -> IpcError {
    use crate::errors::DomainError;
    let mut err = IpcError::new(e.kind(), e.to_string());
    if let Some(d) = diagnose(action, &e) {
        err = err.with_diagnosis(d);
    }
    err
}
