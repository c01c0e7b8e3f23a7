//! Who an OAuth 2.0 connection acts as, by name. Whoever signs in and presses
//! Allow is the user NetSuite records for everything the connector does, so
//! right after Connect the token's user and role (internal IDs from the
//! redirect or the token's `sub`) are looked up by name and kept on the
//! setup, and the validation suite compares them with the integration user
//! and role the setup names: connecting as the wrong user is then reported as
//! that, not as missing permissions of the integration role.

use onramp_core::state::Setup;
use onramp_core::{CheckResult, Diagnosis, IpcError, Secret};
use onramp_netsuite::{Account, ClientOptions, Credentials, NetSuiteClient};
use serde_json::{json, Value};

use super::{field, fields, write_fields};
use crate::ctx::AppCtx;

/// The suite check's id.
pub const CHECK_ID: &str = "netsuite.token_owner";

/// The token's user and role as found, and who the setup expects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Owner {
    pub role_id: String,
    pub entity_id: String,
    pub role_name: Option<String>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub expected_role: Option<String>,
    pub expected_user: Option<String>,
}

impl Owner {
    /// From the setup's fields; `None` without a token that names its owner.
    pub fn of(setup: &Setup) -> Option<Self> {
        let get = |k| field(setup, k).map(str::to_owned);
        Some(Self {
            role_id: get(fields::TOKEN_ROLE)?,
            entity_id: get(fields::TOKEN_ENTITY)?,
            role_name: get(fields::TOKEN_ROLE_NAME),
            user_name: get(fields::TOKEN_USER_NAME),
            user_email: get(fields::TOKEN_USER_EMAIL),
            expected_role: get("role_name"),
            expected_user: get("user_email"),
        })
    }

    /// `Some(false)` when the token's user is known and is not the integration user.
    pub fn user_matches(&self) -> Option<bool> {
        same(self.user_email.as_deref(), self.expected_user.as_deref())
    }

    pub fn role_matches(&self) -> Option<bool> {
        same(self.role_name.as_deref(), self.expected_role.as_deref())
    }

    /// "Dana Admin (admin@wolfe.example)", or the internal ID when unreadable.
    pub fn user_text(&self) -> String {
        match (&self.user_name, &self.user_email) {
            (Some(n), Some(e)) if !n.trim().is_empty() => format!("{n} ({e})"),
            (_, Some(e)) => e.clone(),
            (Some(n), None) => n.clone(),
            (None, None) => format!("user (employee) {}", self.entity_id),
        }
    }

    pub fn role_text(&self) -> String {
        self.role_name
            .clone()
            .unwrap_or_else(|| format!("role {}", self.role_id))
    }
}

fn same(actual: Option<&str>, expected: Option<&str>) -> Option<bool> {
    let expected = expected?.trim();
    (!expected.is_empty()).then(|| actual.map(|a| a.trim().eq_ignore_ascii_case(expected)))?
}

/// Looks the token's user and role up by name (best effort: a role that may
/// not read employees or roles leaves them unnamed) and keeps the names on
/// the setup. Names from an earlier connection are cleared first.
pub async fn name(ctx: &AppCtx, setup_id: &str, access_token: Secret<String>) {
    let setup = ctx.state.setup(setup_id).ok();
    let id = |k| {
        setup
            .as_ref()
            .and_then(|s| field(s, k)?.parse::<i64>().ok())
    };
    let (role, entity) = (id(fields::TOKEN_ROLE), id(fields::TOKEN_ENTITY));
    let found = names(ctx, setup_id, role, entity, access_token).await;
    if let Err(e) = write_fields(ctx, setup_id, found) {
        tracing::warn!(error = %e, "could not keep the connection's user and role names");
    }
}

/// The role's and user's names as `access_token` may read them (`None` each
/// when it may not), as the fields that keep them.
pub async fn names(
    ctx: &AppCtx,
    setup_id: &str,
    role: Option<i64>,
    entity: Option<i64>,
    access_token: Secret<String>,
) -> Vec<(&'static str, Option<String>)> {
    let mut found = vec![
        (fields::TOKEN_ROLE_NAME, None),
        (fields::TOKEN_USER_NAME, None),
        (fields::TOKEN_USER_EMAIL, None),
    ];
    if let Ok(Some(client)) = client(ctx, setup_id, access_token).await {
        if let Some(role) = role {
            let row = first(&client, "SELECT name FROM role WHERE id = ?", role).await;
            found[0].1 = text(row.as_ref(), "name");
        }
        if let Some(entity) = entity {
            let row = first(
                &client,
                "SELECT entityid, email FROM employee WHERE id = ?",
                entity,
            )
            .await;
            found[1].1 = text(row.as_ref(), "entityid");
            found[2].1 = text(row.as_ref(), "email");
        }
    }
    found
}

async fn client(
    ctx: &AppCtx,
    setup_id: &str,
    token: Secret<String>,
) -> Result<Option<NetSuiteClient>, IpcError> {
    let setup = ctx.state.setup(setup_id)?;
    let endpoints = crate::erp_run::endpoints(ctx, &setup).await?;
    let Ok(account) = Account::parse(&setup.account_id) else {
        return Ok(None);
    };
    let options = ClientOptions {
        endpoints,
        ..ClientOptions::default()
    };
    Ok(NetSuiteClient::new(account, Credentials::Bearer(token), options).ok())
}

async fn first(client: &NetSuiteClient, query: &str, id: i64) -> Option<Value> {
    let page = client
        .suiteql_with_params(query, &[json!(id)], 1, 0)
        .await
        .ok()?;
    page.items.into_iter().next()
}

fn text(row: Option<&Value>, column: &str) -> Option<String> {
    row?.get(column)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The suite's check: fails, naming who the token acts as, when that is not
/// the integration user or role; `None` when nothing could be compared (no
/// names readable, or nothing expected).
pub fn check(owner: &Owner) -> Option<CheckResult> {
    const TITLE: &str = "Connected as the integration user";
    let (user, role) = (owner.user_matches(), owner.role_matches());
    if user.is_none() && role.is_none() {
        return None;
    }
    let who = format!("{}, role {}", owner.user_text(), owner.role_text());
    let evidence = |c: CheckResult| {
        c.with_evidence("Token acts as", who.clone()).with_evidence(
            "Token role and user IDs",
            format!("{};{}", owner.role_id, owner.entity_id),
        )
    };
    if user != Some(false) && role != Some(false) {
        return Some(evidence(CheckResult::pass(
            CHECK_ID,
            TITLE,
            format!("The OAuth 2.0 connection acts as {who}, as the setup expects."),
        )));
    }
    let expected = format!(
        "{}{}",
        owner
            .expected_user
            .as_deref()
            .unwrap_or("the integration user"),
        owner
            .expected_role
            .as_deref()
            .map(|r| format!(" with role {r}"))
            .unwrap_or_default()
    );
    Some(evidence(CheckResult::fail(
        CHECK_ID,
        TITLE,
        format!(
            "The OAuth 2.0 connection acts as {who}, not as {expected}: NetSuite would record that user \
             for everything the connector does, and checks of the role's permissions would inspect the wrong role."
        ),
        Diagnosis::new(
            format!(
                "Connect was completed while signed in to NetSuite as {}: whoever signs in and presses Allow \
                 is the user the token acts as.",
                owner.user_text()
            ),
            format!(
                "Reconnect: sign out of NetSuite (or use a private window), press Connect again, sign in as \
                 {expected} and press Allow. Then run the checks again."
            ),
            "Onramp: the Credentials step of this setup → Not the integration user? Reconnect",
        ),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(user: Option<&str>, role: Option<&str>) -> Owner {
        Owner {
            role_id: "3".into(),
            entity_id: "7".into(),
            role_name: role.map(Into::into),
            user_name: user.map(|_| "Dana Admin".into()),
            user_email: user.map(Into::into),
            expected_role: Some("Onramp Integration".into()),
            expected_user: Some("integration@wolfe.example".into()),
        }
    }

    #[test]
    fn the_wrong_user_is_named_as_the_cause() {
        let c = check(&owner(Some("admin@wolfe.example"), Some("Administrator"))).unwrap();
        assert_eq!(c.status, onramp_core::CheckStatus::Fail);
        assert!(c.summary.contains("acts as Dana Admin (admin@wolfe.example), role Administrator, not as integration@wolfe.example with role Onramp Integration"), "{}", c.summary);
        let d = c.diagnosis.unwrap();
        assert!(
            d.cause.contains("signed in to NetSuite as Dana Admin"),
            "{}",
            d.cause
        );
        assert!(d.fix.starts_with("Reconnect"), "{}", d.fix);
    }

    #[test]
    fn the_right_user_passes_and_unreadable_names_compare_nothing() {
        let right = owner(
            Some("Integration@Wolfe.example "),
            Some("onramp integration"),
        );
        assert_eq!(
            check(&right).unwrap().status,
            onramp_core::CheckStatus::Pass
        );
        assert!(check(&owner(None, None)).is_none());
        // One known mismatch is enough.
        let role_only = owner(None, Some("Administrator"));
        assert_eq!(
            check(&role_only).unwrap().status,
            onramp_core::CheckStatus::Fail
        );
        assert_eq!(role_only.user_text(), "user (employee) 7");
    }
}
