//! Who is calling: Token-Based Authentication verified here, OAuth 2.0 bearer
//! tokens handed to `oauth2::verify_bearer`. Every TBA failure answers the same
//! 401 INVALID_LOGIN and records the real reason in the Login Audit Trail.

use axum::{
    http::{header::AUTHORIZATION, HeaderMap},
    response::{IntoResponse, Response},
};

use super::{
    audit::AuditRow,
    ctx::RequestCtx,
    errors, oauth2,
    state::{Account, NsState},
    tba::{self, OAuthHeader},
};

/// An authenticated caller: the employee, the role it logged in with and the
/// integration record (application) it came through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// Account ID, exact NetSuite spelling.
    pub account: String,
    pub employee_id: u64,
    pub role_id: u64,
    /// Application ID of the integration record.
    pub integration: String,
}

/// Maximum distance between `oauth_timestamp` and NetSuite's clock.
pub const TIMESTAMP_WINDOW_SECS: i64 = 300;
const MIN_NONCE_LEN: usize = 6;
const NONCE_PRUNE_AT: usize = 10_000;
pub const TBA_FEATURE: &str = "TOKEN_BASED_AUTHENTICATION";
pub const TBA_LOGIN_PERMISSION: &str = "ADMI_LOGIN_OAUTH";

/// Authenticates a request; `form_body` is a form-encoded body (signed parameters).
pub fn authenticate(
    state: &NsState,
    ctx: &RequestCtx,
    headers: &HeaderMap,
    form_body: Option<&str>,
) -> Result<Principal, Response> {
    let header = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim();
    if header.len() > 7 && header[..7].eq_ignore_ascii_case("bearer ") {
        return oauth2::verify_bearer(state, ctx, header).map_err(|f| f.into_response());
    }
    match OAuthHeader::parse(header) {
        Err(tba::HeaderError::NotOAuth) => Err(errors::invalid_login()),
        Err(e) => {
            fail(
                state,
                ctx,
                Failure::new("parameter_rejected").note(format!("{e:?}")),
            );
            Err(errors::invalid_login())
        }
        Ok(oauth) => tba_login(state, ctx, &oauth, form_body).map_err(|f| {
            fail(state, ctx, f);
            errors::invalid_login()
        }),
    }
}

/// Records a failed login found after the credentials themselves verified.
pub fn record_failure(state: &NsState, ctx: &RequestCtx, detail: &'static str, note: &str) {
    fail(state, ctx, Failure::new(detail).note(note));
}

/// A failed login as the audit trail records it.
struct Failure {
    detail: &'static str,
    note: String,
    email: String,
    role: String,
    token: String,
    application: String,
}

impl Failure {
    fn new(detail: &'static str) -> Self {
        Self {
            detail,
            note: String::new(),
            email: String::new(),
            role: String::new(),
            token: String::new(),
            application: String::new(),
        }
    }

    fn note(mut self, note: impl Into<String>) -> Self {
        self.note = note.into();
        self
    }
}

fn fail(state: &NsState, ctx: &RequestCtx, f: Failure) {
    state.audit.push(AuditRow {
        date: super::rfc3339(state.clock.now()),
        account: ctx.account.clone().unwrap_or_else(|| ctx.host.clone()),
        email: f.email,
        role: f.role,
        status: "Failure",
        detail: f.detail.to_string(),
        token: f.token,
        application: f.application,
        request: ctx.describe(),
        sim_note: f.note,
    });
}

fn tba_login(
    state: &NsState,
    ctx: &RequestCtx,
    oauth: &OAuthHeader,
    form_body: Option<&str>,
) -> Result<Principal, Failure> {
    let required = [
        "oauth_consumer_key",
        "oauth_token",
        "oauth_signature_method",
        "oauth_timestamp",
        "oauth_nonce",
        "oauth_signature",
    ];
    if let Some(missing) = required.iter().find(|k| oauth.get(k).is_none()) {
        return Err(Failure::new("parameter_rejected").note(format!("{missing} is missing")));
    }
    let p = |k: &str| param(oauth, k);
    let Some(account_id) = ctx.account.clone() else {
        return Err(Failure::new("parameter_rejected").note(format!(
            "no NetSuite account uses the domain {}; take the domain from Company Information",
            ctx.host
        )));
    };
    let mut accounts = state.accounts();
    let Some(account) = accounts.get_mut(&account_id) else {
        return Err(Failure::new("parameter_rejected"));
    };
    let realm = oauth.get("realm").unwrap_or("");
    if realm != account.id {
        // Oracle lists a wrong realm under InvalidSignature (ORA:subsect_156935170194).
        return Err(Failure::new("InvalidSignature").note(format!(
            "realm {realm:?} is not this account's ID {:?} (exact spelling, e.g. 1234567_SB1)",
            account.id
        )));
    }
    if p("oauth_signature_method") != "HMAC-SHA256" {
        return Err(Failure::new("UnknownAlgorithm"));
    }
    if oauth.get("oauth_version").is_some_and(|v| v != "1.0") {
        return Err(Failure::new("VersionRejected"));
    }
    if !account.has_feature(TBA_FEATURE) {
        return Err(Failure::new("FeatureDisabled"));
    }
    let (principal, secrets, mut names) = resolve_credentials(account, oauth)?;
    let now = state.clock.now().unix_timestamp();
    let Ok(timestamp) = p("oauth_timestamp").parse::<i64>() else {
        return Err(names.with(Failure::new("InvalidTimestamp")));
    };
    if (timestamp - now).abs() > TIMESTAMP_WINDOW_SECS {
        return Err(names.with(Failure::new("InvalidTimestamp").note(format!(
            "oauth_timestamp {timestamp} is {} s from NetSuite's clock (allowed ±{TIMESTAMP_WINDOW_SECS} s)",
            timestamp - now
        ))));
    }
    let nonce = p("oauth_nonce");
    if nonce.chars().count() < MIN_NONCE_LEN {
        return Err(names.with(
            Failure::new("parameter_rejected").note("oauth_nonce is shorter than 6 characters"),
        ));
    }
    let mut params: Vec<(String, String)> = oauth
        .params
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    params.extend(ctx.query_pairs());
    params.extend(form_body.map(tba::form_pairs).unwrap_or_default());
    let base = tba::base_string(ctx.method.as_str(), &ctx.base_url(), &params);
    let expected = tba::sign(&base, &secrets.0, &secrets.1);
    if !tba::signatures_match(p("oauth_signature"), &expected) {
        return Err(names.with(Failure::new("InvalidSignature")));
    }
    // Nonces older than the timestamp window can never be replayed successfully.
    if account.nonces.len() >= NONCE_PRUNE_AT {
        account
            .nonces
            .retain(|(_, ts, _)| *ts >= now - TIMESTAMP_WINDOW_SECS);
    }
    let key = (p("oauth_token").to_string(), timestamp, nonce.to_string());
    if !account.nonces.insert(key) {
        return Err(names.with(Failure::new("NonceUsed")));
    }
    check_entity_and_role(account, &principal)
        .map_err(|note| names.with(Failure::new("permission_denied").note(note)))?;
    drop(accounts);
    state.audit.push(AuditRow {
        date: super::rfc3339(state.clock.now()),
        account: account_id,
        email: std::mem::take(&mut names.email),
        role: std::mem::take(&mut names.role),
        status: "Success",
        detail: String::new(),
        token: std::mem::take(&mut names.token),
        application: std::mem::take(&mut names.application),
        request: ctx.describe(),
        sim_note: String::new(),
    });
    Ok(principal)
}

fn param<'a>(oauth: &'a OAuthHeader, name: &str) -> &'a str {
    oauth.get(name).unwrap_or_default()
}

/// Names shown on the audit row once the token is known.
#[derive(Default)]
struct Names {
    email: String,
    role: String,
    token: String,
    application: String,
}

impl Names {
    fn with(&self, mut f: Failure) -> Failure {
        f.email = self.email.clone();
        f.role = self.role.clone();
        f.token = self.token.clone();
        f.application = self.application.clone();
        f
    }
}

/// Integration record and token lookup: who this is and which secrets to check.
fn resolve_credentials(
    account: &Account,
    oauth: &OAuthHeader,
) -> Result<(Principal, (String, String), Names), Failure> {
    let p = |k: &str| param(oauth, k);
    let Some(integration) = account.integration_by_key(p("oauth_consumer_key")) else {
        return Err(Failure::new("consumer_key_unknown"));
    };
    let mut names = Names {
        application: integration.name.clone(),
        ..Names::default()
    };
    if integration.state == super::model::IntegrationState::Blocked {
        return Err(names.with(Failure::new("consumer_key_refused")));
    }
    if !integration.tba {
        return Err(names.with(Failure::new("consumer_key_refused").note(
            "Token-Based Authentication is not checked on the integration record; NetSuite's own Detail text for this case is undocumented",
        )));
    }
    let token = account
        .tokens
        .get(p("oauth_token"))
        .filter(|t| !t.revoked && t.integration == integration.id);
    let Some(token) = token else {
        return Err(names.with(Failure::new("token_rejected")));
    };
    names.token = token.name.clone();
    names.email = account
        .employees
        .get(&token.employee)
        .map(|e| e.email.clone())
        .unwrap_or_default();
    names.role = account
        .roles
        .get(&token.role)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    let principal = Principal {
        account: account.id.clone(),
        employee_id: token.employee,
        role_id: token.role,
        integration: integration.id.clone(),
    };
    let secrets = (integration.consumer_secret.clone(), token.secret.clone());
    Ok((principal, secrets, names))
}

/// `permission_denied`: the entity or role is inactive, or the role cannot log in with tokens.
fn check_entity_and_role(account: &Account, who: &Principal) -> Result<(), String> {
    let employee = account
        .employees
        .get(&who.employee_id)
        .ok_or("the token's employee no longer exists")?;
    if employee.inactive {
        return Err("the employee record is inactive".into());
    }
    if !employee.give_access {
        return Err("the employee has no access (Give Access is off)".into());
    }
    if !employee.roles.contains(&who.role_id) {
        return Err("the token's role is no longer assigned to the employee".into());
    }
    let role = account
        .roles
        .get(&who.role_id)
        .ok_or("the token's role no longer exists")?;
    if role.inactive {
        return Err(format!("the role {:?} is inactive", role.name));
    }
    if role.level(TBA_LOGIN_PERMISSION) == 0 {
        return Err(format!(
            "the role {:?} lacks Log in using Access Tokens ({TBA_LOGIN_PERMISSION})",
            role.name
        ));
    }
    Ok(())
}
