//! Login Audit Trail rows for OAuth 2.0 attempts, and the checks every grant
//! repeats (feature on, integration enabled, entity and role able to log in).

use super::super::{
    audit::AuditRow,
    ctx::RequestCtx,
    model::{IntegrationSpec, IntegrationState},
    rfc3339,
    state::{Account, NsState},
};

pub const OAUTH2_FEATURE: &str = "OAUTH2";
pub const OAUTH2_LOGIN_PERMISSION: &str = "ADMI_LOGIN_OAUTH2";
pub const KNOWN_SCOPES: [&str; 4] = ["restlets", "rest_webservices", "suite_analytics", "mcp"];

/// Names shown on an audit row, filled in as far as the request got.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub email: String,
    pub role: String,
    pub application: String,
}

impl Who {
    pub fn app(integration: &IntegrationSpec) -> Self {
        Self {
            application: integration.name.clone(),
            ..Self::default()
        }
    }

    pub fn person(mut self, account: &Account, employee: u64, role: u64) -> Self {
        self.email = account
            .employees
            .get(&employee)
            .map(|e| e.email.clone())
            .unwrap_or_default();
        self.role = account
            .roles
            .get(&role)
            .map(|r| r.name.clone())
            .unwrap_or_default();
        self
    }
}

pub fn failure(
    state: &NsState,
    account: &str,
    ctx: &RequestCtx,
    detail: &str,
    who: &Who,
    note: &str,
) {
    row(state, account, ctx, "Failure", detail, who, note);
}

pub fn success(state: &NsState, account: &str, ctx: &RequestCtx, who: &Who) {
    row(state, account, ctx, "Success", "", who, "");
}

fn row(
    state: &NsState,
    account: &str,
    ctx: &RequestCtx,
    status: &'static str,
    detail: &str,
    who: &Who,
    note: &str,
) {
    state.audit.push(AuditRow {
        date: rfc3339(state.clock.now()),
        account: account.to_string(),
        email: who.email.clone(),
        role: who.role.clone(),
        status,
        detail: detail.to_string(),
        token: String::new(),
        application: who.application.clone(),
        request: ctx.describe(),
        sim_note: note.to_string(),
    });
}

/// Feature and integration state: `FeatureDisabled`, `IntegrationBlocked`.
pub fn gate(account: &Account, integration: &IntegrationSpec) -> Result<(), &'static str> {
    if !account.has_feature(OAUTH2_FEATURE) {
        return Err("FeatureDisabled");
    }
    if integration.state == IntegrationState::Blocked {
        return Err("IntegrationBlocked");
    }
    Ok(())
}

/// `EntityOrRoleDisabled` unless the employee can log in with this role over OAuth 2.0.
pub fn check_principal(account: &Account, employee: u64, role: u64) -> Result<(), String> {
    let e = account
        .employees
        .get(&employee)
        .ok_or("the employee does not exist")?;
    if e.inactive || !e.give_access {
        return Err(format!("{} is inactive or has no access", e.email));
    }
    if !e.roles.contains(&role) {
        return Err(format!("{} does not hold role {role}", e.email));
    }
    let r = account.roles.get(&role).ok_or("the role does not exist")?;
    if r.inactive {
        return Err(format!("the role {:?} is inactive", r.name));
    }
    if r.level(OAUTH2_LOGIN_PERMISSION) == 0 {
        return Err(format!(
            "the role {:?} lacks Log in using OAuth 2.0 Access Tokens ({OAUTH2_LOGIN_PERMISSION})",
            r.name
        ));
    }
    Ok(())
}

/// Checks requested scopes: known values, `mcp` alone, all enabled on the integration.
/// Returns the audit code on failure (`InvalidScope` or `ScopeMismatched`).
pub fn check_scopes(requested: &[String], allowed: &[String]) -> Result<(), &'static str> {
    if requested.is_empty()
        || requested
            .iter()
            .any(|s| !KNOWN_SCOPES.contains(&s.as_str()))
    {
        return Err("InvalidScope");
    }
    if requested.len() > 1 && requested.iter().any(|s| s == "mcp") {
        return Err("InvalidScope");
    }
    if requested.iter().any(|s| !allowed.contains(s)) {
        return Err("ScopeMismatched");
    }
    Ok(())
}

/// Compares secrets without stopping at the first difference.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
