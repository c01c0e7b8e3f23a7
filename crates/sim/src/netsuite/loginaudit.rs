//! The SuiteQL `loginaudit` table, served from the failed and successful logins
//! the simulator recorded in its Login Audit Trail.
//!
//! Columns as public SuiteQL clients query them (`SELECT LoginAudit.date,
//! LoginAudit.detail, LoginAudit.emailAddress, LoginAudit.ipAddress,
//! LoginAudit.requestUri, LoginAudit.role, LoginAudit.secChallenge,
//! LoginAudit.status, LoginAudit.oAuthAccessTokenName, LoginAudit.oAuthAppName,
//! LoginAudit.user, LoginAudit.userAgent FROM LoginAudit`, and `loginAudit.status =
//! 'Failure'`); the table sits behind "Setup - View Login Audit Trail" per
//! GH:iloveitaly/netsuite-permissions `output/tim_table.csv`
//! ("Login Audit Trail,loginaudit,Setup - View Login Audit Trail"). `user` and
//! `role` are internal IDs, as in every SuiteQL reference column.

use std::collections::BTreeMap;

use super::{audit::AuditRow, state::Account, suiteql::Table};

/// [I] The permission key of "View Login Audit Trail" is not in the sources;
/// a scenario may change it through `behaviour.permission_overrides.loginaudit`.
pub const PERMISSION: &str = "ADMI_LOGINAUDIT";

const COLUMNS: &[&str] = &[
    "date",
    "detail",
    "emailaddress",
    "ipaddress",
    "requesturi",
    "role",
    "secchallenge",
    "status",
    "oauthaccesstokenname",
    "oauthappname",
    "user",
    "useragent",
];

/// The account's rows of the trail, newest first.
pub fn table(account: &Account, trail: &[AuditRow]) -> Table {
    let rows = trail
        .iter()
        .filter(|r| r.account == account.id)
        .map(|r| {
            let mut row = BTreeMap::from([
                ("date".to_string(), r.date.clone()),
                ("detail".to_string(), r.detail.clone()),
                ("emailaddress".to_string(), r.email.clone()),
                ("ipaddress".to_string(), "127.0.0.1".to_string()),
                ("requesturi".to_string(), request_path(&r.request)),
                ("secchallenge".to_string(), String::new()),
                ("status".to_string(), r.status.to_string()),
                ("oauthaccesstokenname".to_string(), r.token.clone()),
                ("oauthappname".to_string(), r.application.clone()),
                ("useragent".to_string(), String::new()),
            ]);
            if let Some(e) = account.employees.values().find(|e| e.email == r.email) {
                row.insert("user".into(), e.id.to_string());
            }
            if let Some(role) = account.roles.values().find(|x| x.name == r.role) {
                row.insert("role".into(), role.id.to_string());
            }
            row.retain(|_, v| !v.is_empty());
            row
        })
        .collect();
    Table {
        columns: COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// `GET https://host/services/rest/...` → `/services/rest/...`.
fn request_path(request: &str) -> String {
    let url = request.split_once(' ').map_or(request, |(_, u)| u);
    match url.split_once("://") {
        Some((_, rest)) => rest
            .find('/')
            .map_or(String::new(), |i| rest[i..].to_string()),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_uri_is_the_path() {
        assert_eq!(
            request_path(
                "GET https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer"
            ),
            "/services/rest/record/v1/customer"
        );
    }
}
