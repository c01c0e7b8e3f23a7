//! Which user and role the credentials act as. NetSuite records that user in
//! System Notes for everything the connector changes, so it should be the
//! dedicated integration user with the integration role the setup names, not
//! whoever happened to click Allow or create the token.

use crate::errors::OrIpc;
use onramp_core::profile::AuthMethod;
use onramp_core::state::Setup;
use onramp_core::{ErrorKind, IpcError};
use std::sync::Arc;

use onramp_netsuite::admin;
use onramp_netsuite::checks::Facts;
use onramp_netsuite::{Account, ClientOptions, NetSuiteClient};
use serde::Serialize;
use serde_json::{json, Value};
use specta::Type;

use super::sign_in::sign_in;
use crate::ctx::AppCtx;

#[derive(Debug, Clone, Serialize, Type)]
pub struct CredentialIdentity {
    pub method: AuthMethod,
    /// Internal IDs from the OAuth 2.0 access token's `sub`. A TBA token names
    /// neither: `role_id` is then the role found by the name the setup gives.
    pub role_id: Option<String>,
    pub entity_id: Option<String>,
    /// Looked up in the account when the role may read them.
    pub role_name: Option<String>,
    pub user_email: Option<String>,
    /// What the setup says the connector should act as.
    pub expected_role: Option<String>,
    pub expected_user: Option<String>,
    /// `Some(false)` when the credentials act as someone else than expected.
    pub role_matches: Option<bool>,
    pub user_matches: Option<bool>,
    /// TBA: the sign-in as the Login Audit Trail recorded it (read with the
    /// administrator's sign-in), which is where the user's name comes from.
    pub audit: Option<AuditedSignIn>,
}

/// A TBA sign-in as NetSuite's Login Audit Trail recorded it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AuditedSignIn {
    /// The token's name, so the person can tell it is theirs.
    pub token: String,
    pub application: String,
    pub date: String,
}

fn same(actual: Option<&str>, expected: Option<&str>) -> Option<bool> {
    Some(actual?.trim().eq_ignore_ascii_case(expected?.trim()))
}

/// Compares what was observed with what the setup expects.
pub fn compare(mut id: CredentialIdentity) -> CredentialIdentity {
    id.role_matches = same(id.role_name.as_deref(), id.expected_role.as_deref());
    id.user_matches = same(id.user_email.as_deref(), id.expected_user.as_deref());
    id
}

/// Signs in (OAuth 2.0), reads the token's role and user, and names them.
/// TBA tokens carry no identity: the sign-in is proved and the expected role looked up.
pub async fn identify(ctx: &AppCtx, setup: &Setup) -> Result<CredentialIdentity, IpcError> {
    let method = setup.auth_method.unwrap_or(AuthMethod::Tba);
    let mut id = CredentialIdentity {
        method,
        role_id: None,
        entity_id: None,
        role_name: None,
        user_email: None,
        expected_role: setup.fields.role_name.clone(),
        expected_user: setup.fields.user_email.clone(),
        role_matches: None,
        user_matches: None,
        audit: None,
    };
    let endpoints = crate::erp_run::endpoints(ctx, setup).await?;
    let account = Account::parse(&setup.account_id).or_ipc()?;
    let options = ClientOptions {
        endpoints: endpoints.clone(),
        ..ClientOptions::default()
    };
    if method == AuthMethod::Tba {
        // A TBA token names neither its user nor its role. What can be
        // observed: the credentials sign in, and the role the setup names
        // exists (the one the Validate step inspects).
        let credentials = crate::erp_run::tba_credentials(ctx, setup).await?;
        let client = NetSuiteClient::new(account, credentials, options).or_ipc()?;
        let facts = Facts::new(Arc::new(client), None, id.expected_role.clone());
        if let Err(e) = facts.login().await.as_ref() {
            return Err(IpcError::new(
                ErrorKind::Auth,
                format!("NetSuite refused the TBA credentials: {e}"),
            ));
        }
        if let Some(role) = facts.role_id().await {
            id.role_id = Some(role.to_string());
            id.role_name = id.expected_role.clone();
        }
        // Only the trail's record names who signed in; the role found by the
        // expected name proves nothing about the token's own role.
        let id = audited(ctx, setup, id).await;
        return Ok(if id.audit.is_some() { compare(id) } else { id });
    }
    let signed = sign_in(ctx, setup, method, endpoints.clone()).await?;
    let credentials = signed.outcome.map_err(|check| {
        let mut e = IpcError::new(ErrorKind::Auth, check.summary.clone());
        e.diagnosis = check.diagnosis.clone();
        e
    })?;
    let setup = ctx.state.setup(&setup.id)?;
    id.role_id = setup.fields.netsuite.token.role.clone();
    id.entity_id = setup.fields.netsuite.token.entity.clone();
    let client = NetSuiteClient::new(account, credentials, options).or_ipc()?;
    // Best effort: a role without access to these lists still has its IDs shown.
    if let Some(role) = id.role_id.as_deref().and_then(|r| r.parse::<u64>().ok()) {
        id.role_name = first(&client, "SELECT name FROM role WHERE id = ?", role, "name").await;
    }
    if let Some(entity) = id.entity_id.as_deref().and_then(|e| e.parse::<u64>().ok()) {
        id.user_email = first(
            &client,
            "SELECT email FROM employee WHERE id = ?",
            entity,
            "email",
        )
        .await;
    }
    Ok(compare(id))
}

/// With an administrator signed in, names the TBA token's user and role from
/// the Login Audit Trail's record of the sign-in just made. Without one, when
/// the trail cannot be read, or when another token signed in at the same
/// moment, the identity stays as observed: nothing is claimed.
async fn audited(ctx: &AppCtx, setup: &Setup, mut id: CredentialIdentity) -> CredentialIdentity {
    let Ok(Some(token)) = crate::admin::session::token(ctx, &setup.id).await else {
        return id;
    };
    let Ok(admin) = crate::admin::client_with(ctx, setup, token).await else {
        return id;
    };
    let logins = match admin::newest_token_logins(&admin).await {
        Ok(logins) => logins,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the Login Audit Trail");
            return id;
        }
    };
    // Several tokens at that moment: which one is this setup's cannot be told.
    let Some(login) = logins.first().cloned() else {
        return id;
    };
    if logins.iter().any(|l| l.token != login.token) {
        return id;
    }
    id.user_email = Some(login.email).filter(|e| !e.is_empty());
    id.entity_id = login.user;
    (id.role_id, id.role_name) = (None, None);
    if let Some(role) = login.role.as_deref().and_then(|r| r.parse::<u64>().ok()) {
        id.role_id = Some(role.to_string());
        id.role_name = first(&admin, "SELECT name FROM role WHERE id = ?", role, "name").await;
    }
    id.audit = Some(AuditedSignIn {
        token: login.token,
        application: login.application,
        date: login.date,
    });
    id
}

async fn first(client: &NetSuiteClient, query: &str, id: u64, column: &str) -> Option<String> {
    let rows = client
        .suiteql_with_params(query, &[json!(id)], 1, 0)
        .await
        .ok()?;
    rows.items
        .first()?
        .get(column)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(role: Option<&str>, user: Option<&str>) -> CredentialIdentity {
        CredentialIdentity {
            method: AuthMethod::Oauth2Code,
            role_id: Some("1001".into()),
            entity_id: Some("13".into()),
            role_name: role.map(Into::into),
            user_email: user.map(Into::into),
            expected_role: Some("Onramp Integration".into()),
            expected_user: Some("integration@wolfe.example".into()),
            role_matches: None,
            user_matches: None,
            audit: None,
        }
    }

    #[test]
    fn identity_is_compared_with_the_setup() {
        let ok = compare(id(
            Some("onramp integration "),
            Some("Integration@Wolfe.example"),
        ));
        assert_eq!((ok.role_matches, ok.user_matches), (Some(true), Some(true)));
        let admin = compare(id(Some("Administrator"), Some("cfo@wolfe.example")));
        assert_eq!(
            (admin.role_matches, admin.user_matches),
            (Some(false), Some(false))
        );
        let unknown = compare(id(None, None));
        assert_eq!((unknown.role_matches, unknown.user_matches), (None, None));
    }
}
