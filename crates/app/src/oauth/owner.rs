//! Who an OAuth 2.0 connection acts as, by name. Whoever signs in and presses
//! Allow is the user NetSuite records for everything the connector does, so
//! right after Connect the token's user and role (internal IDs from the
//! redirect or the token's `sub`) are looked up by name and kept on the
//! setup, and the validation suite compares them with the integration user
//! and role the setup names: connecting as the wrong user is then reported as
//! that, not as missing permissions of the integration role.

use onramp_core::profile::AuthMethod;
use onramp_core::state::Setup;
use onramp_core::{CheckResult, Diagnosis, IpcError, Secret};
use onramp_netsuite::{Account, ClientOptions, Credentials, NetSuiteClient};
use serde_json::{json, Value};

use super::write_fields;
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
    /// M2M: the certificate mapping chose the user, not a sign-in.
    pub mapped: bool,
}

impl Owner {
    /// From the setup's fields; `None` without a token that names its owner.
    pub fn of(setup: &Setup) -> Option<Self> {
        let (f, t) = (&setup.fields, &setup.fields.netsuite.token);
        Some(Self {
            role_id: t.role.clone()?,
            entity_id: t.entity.clone()?,
            role_name: t.role_name.clone(),
            user_name: t.user_name.clone(),
            user_email: t.user_email.clone(),
            expected_role: f.role_name.clone(),
            expected_user: f.user_email.clone(),
            mapped: setup.auth_method == Some(AuthMethod::Oauth2M2m),
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

    /// What the check calls the credentials.
    fn token_text(&self) -> &'static str {
        if self.mapped {
            "M2M token"
        } else {
            "OAuth 2.0 connection"
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
/// the setup. An administrator's sign-in, when there is one, reads them: an
/// integration role rightly lacks the employee and role lists. Names from an
/// earlier connection are cleared first.
pub async fn name(ctx: &AppCtx, setup_id: &str, access_token: Secret<String>) {
    let token = ctx
        .state
        .setup(setup_id)
        .map(|s| s.fields.netsuite.token)
        .unwrap_or_default();
    let id = |v: &Option<String>| v.as_deref()?.parse::<i64>().ok();
    let reader = match crate::admin::session::token(ctx, setup_id).await {
        Ok(Some(admin)) => admin,
        _ => access_token,
    };
    let found = names(ctx, setup_id, id(&token.role), id(&token.entity), reader).await;
    let named = write_fields(ctx, setup_id, |f| found.write(&mut f.netsuite.token));
    if let Err(e) = named {
        tracing::warn!(error = %e, "could not keep the connection's user and role names");
    }
}

/// A token's role and user by name, `None` each when unreadable.
#[derive(Debug, Clone, Default)]
pub struct Names {
    role_name: Option<String>,
    user_name: Option<String>,
    user_email: Option<String>,
}

impl Names {
    pub fn write(self, t: &mut onramp_core::state::TokenFields) {
        (t.role_name, t.user_name, t.user_email) =
            (self.role_name, self.user_name, self.user_email);
    }
}

/// The role's and user's names as `access_token` may read them.
pub async fn names(
    ctx: &AppCtx,
    setup_id: &str,
    role: Option<i64>,
    entity: Option<i64>,
    access_token: Secret<String>,
) -> Names {
    let mut found = Names::default();
    if let Ok(Some(client)) = client(ctx, setup_id, access_token).await {
        if let Some(role) = role {
            let row = first(&client, "SELECT name FROM role WHERE id = ?", role).await;
            found.role_name = text(row.as_ref(), "name");
        }
        if let Some(entity) = entity {
            let row = first(
                &client,
                "SELECT entityid, email FROM employee WHERE id = ?",
                entity,
            )
            .await;
            found.user_name = text(row.as_ref(), "entityid");
            found.user_email = text(row.as_ref(), "email");
        }
    }
    found
}

/// Who the M2M token a run just got acts as. Its IDs are on the setup once
/// the sign-in wrote them; names are looked up only when the IDs changed or
/// were never named, so a re-run costs the account nothing more.
pub async fn of_m2m(ctx: &AppCtx, before: &Setup, token: Secret<String>) -> Option<Owner> {
    let now = ctx.state.setup(&before.id).ok()?;
    let ids = |s: &Setup| {
        let t = &s.fields.netsuite.token;
        (t.role.clone(), t.entity.clone())
    };
    let t = &now.fields.netsuite.token;
    let named = t.role_name.is_some() || t.user_email.is_some();
    if ids(before) != ids(&now) || !named {
        name(ctx, &now.id, token).await;
    }
    Owner::of(&ctx.state.setup(&before.id).ok()?)
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
            format!(
                "The {} acts as {who}, as the setup expects.",
                owner.token_text()
            ),
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
            "The {} acts as {who}, not as {expected}: NetSuite would record that user \
             for everything the connector does, and checks of the role's permissions would inspect the wrong role.",
            owner.token_text()
        ),
        diagnosis(owner, &expected),
    )))
}

fn diagnosis(owner: &Owner, expected: &str) -> Diagnosis {
    if owner.mapped {
        return Diagnosis::new(
            format!(
                "The certificate's mapping (Certificate ID) names {}, role {}: NetSuite issues the M2M token for \
                 the entity and role of the mapping, whoever uploaded it.",
                owner.user_text(),
                owner.role_text()
            ),
            format!(
                "Create a new mapping of the certificate with Entity {expected} and enter its Certificate ID \
                 in Onramp; then revoke the wrong mapping and run the checks again."
            ),
            "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup",
        );
    }
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
    )
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
            mapped: false,
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
