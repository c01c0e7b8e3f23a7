//! The Login Audit Trail through SuiteQL's `loginaudit` table, read with an
//! administrator's sign-in ("Setup - View Login Audit Trail"). Columns as
//! public SuiteQL clients select them: `date`, `detail`, `emailAddress`,
//! `status` ('Success' / 'Failure'), `oAuthAccessTokenName`, `oAuthAppName`,
//! `requestUri`, `user`, `role` (see `crates/sim/src/netsuite/loginaudit.rs`).

use serde::Serialize;
use serde_json::Value;

use crate::client::{Literal, NetSuiteClient};
use crate::errors::NetSuiteError;

/// One failed login, as the Login Audit Trail shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoginAuditRow {
    pub date: String,
    pub email: String,
    /// NetSuite's reason: `InvalidSignature`, `permission_denied`…
    pub detail: String,
    pub token: String,
    pub application: String,
    pub request_uri: String,
}

impl LoginAuditRow {
    fn from_json(v: &Value) -> Self {
        let t = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        Self {
            date: t("date"),
            email: t("emailaddress"),
            detail: t("detail"),
            token: t("oauthaccesstokenname"),
            application: t("oauthappname"),
            request_uri: t("requesturi"),
        }
    }
}

/// The newest failed logins (at most `limit`), of `email` when given.
pub async fn failed_logins(
    client: &NetSuiteClient,
    email: Option<&str>,
    limit: u32,
) -> Result<Vec<LoginAuditRow>, NetSuiteError> {
    let mut q = String::from(
        "SELECT date, detail, emailaddress, status, oauthaccesstokenname, oauthappname, requesturi \
         FROM loginaudit WHERE status = 'Failure'",
    );
    if let Some(e) = email.map(str::trim).filter(|e| !e.is_empty()) {
        q.push_str(&format!(
            " AND emailaddress = {}",
            Literal::text(e)?.as_str()
        ));
    }
    q.push_str(" ORDER BY date DESC");
    let page = client.suiteql(&q, limit, 0).await?;
    Ok(page.items.iter().map(LoginAuditRow::from_json).collect())
}
