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

/// A column of a SuiteQL row as text: reference columns (internal IDs) may
/// come as numbers or strings; a missing one is empty.
fn column(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

impl LoginAuditRow {
    fn from_json(v: &Value) -> Self {
        let t = |k: &str| column(v, k);
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

/// A successful sign-in with a TBA token, as the Login Audit Trail records it:
/// the trail names the token and its user, which the token itself never does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenLogin {
    pub date: String,
    pub email: String,
    /// Internal IDs, as SuiteQL gives reference columns.
    pub user: Option<String>,
    pub role: Option<String>,
    pub token: String,
    pub application: String,
}

/// The successful token sign-ins at the newest moment the trail recorded one
/// (OAuth 2.0 sign-ins carry no token name and are passed over). Read right
/// after the credentials signed in, they are theirs — unless another
/// integration signed in at the same moment, which shows as a second token
/// name: the trail's dates are no finer than a second, so order within one
/// says nothing.
pub async fn newest_token_logins(
    client: &NetSuiteClient,
) -> Result<Vec<TokenLogin>, NetSuiteError> {
    let page = client
        .suiteql(
            "SELECT date, emailaddress, user, role, status, oauthaccesstokenname, oauthappname \
             FROM loginaudit WHERE status = 'Success' ORDER BY date DESC",
            20,
            0,
        )
        .await?;
    let logins: Vec<TokenLogin> = page
        .items
        .iter()
        .filter(|v| !column(v, "oauthaccesstokenname").is_empty())
        .map(|v| TokenLogin {
            date: column(v, "date"),
            email: column(v, "emailaddress"),
            user: Some(column(v, "user")).filter(|s| !s.is_empty()),
            role: Some(column(v, "role")).filter(|s| !s.is_empty()),
            token: column(v, "oauthaccesstokenname"),
            application: column(v, "oauthappname"),
        })
        .collect();
    let newest = logins.first().map(|l| l.date.clone());
    Ok(logins
        .into_iter()
        .filter(|l| Some(&l.date) == newest.as_ref())
        .collect())
}
