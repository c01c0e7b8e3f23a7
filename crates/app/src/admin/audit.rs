//! The integration user's recent failed logins, read from the Login Audit
//! Trail with the administrator's sign-in, each with its cause → fix → where:
//! nobody has to find the Detail column and copy it.

use onramp_core::profile::AuthMethod;
use onramp_core::state::Setup;
use onramp_core::{Diagnosis, IpcError};
use onramp_netsuite::admin::refusal::AdminAction;
use onramp_netsuite::admin::{self, LoginAuditRow};
use onramp_netsuite::checks::audit_detail_diagnosis;
use serde::Serialize;
use specta::Type;

use super::refused;
use crate::ctx::AppCtx;

/// One failed login, as the Login Audit Trail shows it, with its meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AuditFinding {
    pub date: String,
    pub email: String,
    /// NetSuite's Detail value: `InvalidSignature`, `token_rejected`…
    pub detail: String,
    pub token: String,
    pub application: String,
    pub diagnosis: Option<Diagnosis>,
}

impl AuditFinding {
    fn new(row: LoginAuditRow, diagnosis: Option<Diagnosis>) -> Self {
        Self {
            date: row.date,
            email: row.email,
            detail: row.detail,
            token: row.token,
            application: row.application,
            diagnosis,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AuditReading {
    /// The setup's integration user, to tell its rows from others'.
    pub user_email: Option<String>,
    /// Newest first.
    pub findings: Vec<AuditFinding>,
}

pub async fn read(ctx: &AppCtx, setup: &Setup) -> Result<AuditReading, IpcError> {
    let client = super::client(ctx, setup).await?;
    let email = setup.fields.user_email.clone();
    // Not filtered by the user: a login NetSuite cannot tie to one (a revoked
    // or unknown token) has no email in the trail, and is often the one asked about.
    let rows = admin::failed_logins(&client, None, 10)
        .await
        .map_err(|e| refused(AdminAction::ReadAuditTrail, e))?;
    let method = setup.auth_method.unwrap_or(AuthMethod::Tba);
    Ok(AuditReading {
        user_email: email,
        findings: rows
            .into_iter()
            .map(|row| {
                let d = audit_detail_diagnosis(method, &row.detail);
                AuditFinding::new(row, d)
            })
            .collect(),
    })
}
