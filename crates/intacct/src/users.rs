//! A company user as an administrator sees it (USERINFO), and setting it
//! inactive: the generic `update` by RECORDNO, then a fresh read to prove it.

use crate::client::IntacctClient;
use crate::errors::IntacctError;
use crate::xml::request::{Filter, Function, Query, UserUpdate};
use crate::xml::response::FnResult;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub record_no: String,
    pub login_id: String,
    /// `active`, `inactive` or `lockedout`.
    pub status: String,
    pub web_services_only: bool,
    /// Entities the user is restricted to (empty: unrestricted).
    pub locations: Vec<String>,
}

fn query(login_id: &str) -> Function {
    Function::Query(Query {
        object: "USERINFO".into(),
        fields: [
            "RECORDNO",
            "LOGINID",
            "STATUS",
            "LOGINDISABLED",
            "USERLOCATIONS",
        ]
        .map(String::from)
        .to_vec(),
        filter: Some(Filter::EqualTo("LOGINID".into(), login_id.to_string())),
        page_size: 1,
    })
}

fn succeeded(r: FnResult) -> Result<FnResult, IntacctError> {
    if r.is_success() {
        return Ok(r);
    }
    Err(IntacctError::Function {
        function: r.function.clone(),
        status: r.status.clone(),
        errors: r.errors,
    })
}

/// The user `login_id` as read now, or None when the company has no such user.
pub async fn read_user(
    client: &IntacctClient,
    login_id: &str,
) -> Result<Option<UserRecord>, IntacctError> {
    let result = succeeded(client.execute_one(query(login_id)).await?)?;
    let Some(row) = result.data.as_ref().and_then(|d| d.node.children.first()) else {
        return Ok(None);
    };
    let field = |name: &str| row.child_text(name).unwrap_or_default().trim().to_owned();
    Ok(Some(UserRecord {
        record_no: field("RECORDNO"),
        login_id: field("LOGINID"),
        status: field("STATUS"),
        web_services_only: field("LOGINDISABLED") == "true",
        // A list of entity IDs; read as comma-separated [I].
        locations: field("USERLOCATIONS")
            .split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
    }))
}

/// Sets `user` inactive, keeping its restrictions, and reads it back.
pub async fn deactivate_user(
    client: &IntacctClient,
    user: &UserRecord,
) -> Result<UserRecord, IntacctError> {
    let update = Function::UpdateUser(UserUpdate {
        record_no: user.record_no.clone(),
        status: "inactive".into(),
        locations: user.locations.clone(),
    });
    succeeded(client.execute_one(update).await?)?;
    read_user(client, &user.login_id).await?.ok_or_else(|| {
        IntacctError::Protocol(format!(
            "user {} was not found when read back after the update",
            user.login_id
        ))
    })
}
