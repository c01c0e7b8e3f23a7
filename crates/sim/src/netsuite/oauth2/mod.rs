//! The simulated NetSuite OAuth 2.0 service: the authorize page (with a
//! simulated consent step), the token endpoint (authorization code + PKCE,
//! refresh, client credentials with a JWT assertion), revocation, bearer
//! verification for resource calls, and the Practice-mode certificate upload.
//! Every refusal is recorded in the Login Audit Trail with NetSuite's Detail code.

mod authorize;
mod bearer;
pub mod cert_api;
mod certs;
mod client_auth;
mod consent;
mod grants;
mod m2m;
mod record;
#[cfg(test)]
mod tests;
mod token;

use std::collections::{BTreeMap, HashSet};
use std::sync::Mutex;

use axum::{
    routing::{get, post},
    Router,
};
use serde::Deserialize;

pub use bearer::{verify_bearer, BearerFailure};
pub use certs::CertificateMapping;
pub(crate) use grants::{key, AccessGrant, CodeGrant, RefreshGrant};

use super::{model::NetSuiteScenario, state::NsState};

/// The `[netsuite.oauth2]` section of a scenario file.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OAuth2Scenario {
    /// Client assertions must have exp − iat below this. Oracle: exp "must be
    /// less than 60 minutes greater than" iat (ORA:section_162755359851), so
    /// 3600 (exclusive) by default; the audit code's 2 hours is a scenario choice.
    pub max_assertion_lifetime_secs: i64,
    /// How far an assertion's `iat` may be ahead of NetSuite's clock [I: undocumented].
    pub assertion_iat_leeway_secs: i64,
    /// How long an authorization code can be exchanged [I: undocumented].
    pub code_lifetime_secs: i64,
    /// Accept the JWT `scope` claim as a comma/space string besides an array [I].
    pub accept_scope_string: bool,
    /// Require PKCE from every client, as NetSuite will for new integrations from 2027.1.
    pub require_pkce_for_all: bool,
    /// The token endpoint's answer when the feature is off or the integration blocked [I].
    pub refused_client_error: String,
    /// Certificates already mapped (Setup > Integration > Manage Authentication > M2M Setup).
    pub certificates: Vec<CertificateMapping>,
    /// What a Practice-mode client is configured with (fake values).
    pub client: OAuth2ClientConfig,
    /// The `sub` claim of issued access tokens: Oracle documents "role;entity"
    /// (ORA:section_158255317571, "3;-5" in ORA:article_0209112818), but its
    /// older samples decode to "4030059;0;3;7;N" (ORA:section_162755359851).
    pub access_token_sub: SubShape,
    /// The Detail logged for a revoked access token [I: not in Oracle's tables].
    pub revoked_token_detail: String,
}

/// Which form of `sub` the simulator puts in access tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubShape {
    /// `"<role>;<entity>"`, e.g. `"3;-5"`.
    #[default]
    RoleEntity,
    /// `"<account>;0;<role>;<entity>;N"`, as in Oracle's M2M response sample.
    AccountFirst,
}

impl Default for OAuth2Scenario {
    fn default() -> Self {
        Self {
            max_assertion_lifetime_secs: 3600,
            assertion_iat_leeway_secs: 300,
            code_lifetime_secs: 600,
            accept_scope_string: true,
            require_pkce_for_all: false,
            refused_client_error: "invalid_client".into(),
            certificates: Vec::new(),
            client: OAuth2ClientConfig::default(),
            access_token_sub: SubShape::RoleEntity,
            revoked_token_detail: "InvalidSignature".into(),
        }
    }
}

/// Practice-only client settings: which integration and redirect URI the app uses.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OAuth2ClientConfig {
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub redirect_uri: Option<String>,
    pub scopes: Vec<String>,
    /// A public-client integration of the same account, when the scenario has one.
    pub public_client_id: Option<String>,
    /// The user (entity) and role an M2M certificate is mapped for.
    pub m2m_entity: Option<u64>,
    pub m2m_role: Option<u64>,
}

/// OAuth 2.0 settings of an integration record (`[netsuite.accounts.integrations.oauth2]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IntegrationOAuth2 {
    pub auth_code_grant: bool,
    pub client_credentials: bool,
    pub public_client: bool,
    pub redirect_uris: Vec<String>,
    /// `restlets`, `rest_webservices`, `suite_analytics`, `mcp`.
    pub scopes: Vec<String>,
    /// Public clients: refresh token lifetime in hours (1–720, default 48).
    pub refresh_token_hours: i64,
    /// Public clients: "Maximum Time For Token Rotation" in hours (default 168).
    pub max_rotation_hours: i64,
}

impl Default for IntegrationOAuth2 {
    fn default() -> Self {
        Self {
            auth_code_grant: false,
            client_credentials: false,
            public_client: false,
            redirect_uris: Vec::new(),
            scopes: Vec::new(),
            refresh_token_hours: 48,
            max_rotation_hours: 168,
        }
    }
}

/// Simulator-wide OAuth 2.0 state.
pub struct OAuth2State {
    /// Signs the access tokens this simulator issues (they are also looked up, so
    /// revocation applies); never leaves the process.
    signing_secret: [u8; 32],
    /// Accounts whose scenario certificate mappings were loaded; a sandbox refresh
    /// wipes mappings and they must not come back.
    seeded: Mutex<HashSet<String>>,
}

impl OAuth2State {
    /// `restored`: accounts whose state an earlier run kept (already loaded).
    pub fn new(_scenario: &NetSuiteScenario, restored: HashSet<String>) -> Self {
        let mut signing_secret = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut signing_secret);
        Self {
            signing_secret,
            seeded: Mutex::new(restored),
        }
    }

    /// A sandbox refresh: the account's mappings never come back.
    pub fn forget(&self, account_id: &str) {
        self.seeded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(account_id.to_string());
    }
}

/// Per-account OAuth 2.0 state; a sandbox refresh resets it to `Default`
/// (NetSuite wipes authorized applications, tokens and M2M mappings).
#[derive(Debug, Clone, Default)]
pub struct AccountOAuth2State {
    pub(crate) initialized: bool,
    pub(crate) certificates: Vec<CertificateMapping>,
    pub(crate) codes: BTreeMap<String, grants::CodeGrant>,
    pub(crate) refresh_tokens: BTreeMap<String, grants::RefreshGrant>,
    pub(crate) access_tokens: BTreeMap<String, grants::AccessGrant>,
}

/// Runs `f` on an account's OAuth 2.0 state and keeps what it changed.
pub(crate) fn with_account<R>(
    state: &NsState,
    account_id: &str,
    f: impl FnOnce(&mut super::state::Account) -> R,
) -> Option<R> {
    locked(state, account_id, f, true)
}

/// Runs `f`, which changes nothing worth keeping, on an account's OAuth 2.0
/// state: bearer checks and listings write no memory file on every request.
pub(crate) fn read_account<R>(
    state: &NsState,
    account_id: &str,
    f: impl FnOnce(&mut super::state::Account) -> R,
) -> Option<R> {
    locked(state, account_id, f, false)
}

/// Loads the scenario's mappings once (unless an earlier run's state was
/// restored, or a sandbox refresh wiped them), runs `f`, and keeps the
/// accounts' state when asked.
fn locked<R>(
    state: &NsState,
    account_id: &str,
    f: impl FnOnce(&mut super::state::Account) -> R,
    keep: bool,
) -> Option<R> {
    let mut accounts = state.accounts();
    let account = accounts.get_mut(account_id)?;
    if !account.oauth2.initialized {
        account.oauth2.initialized = true;
        let mut seeded = state
            .oauth2
            .seeded
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        // Not after a sandbox refresh: NetSuite wipes the mappings.
        if seeded.insert(account_id.to_string()) {
            account.oauth2.certificates = state
                .scenario
                .oauth2
                .certificates
                .iter()
                .filter(|c| c.account == account_id)
                .cloned()
                .collect();
        }
    }
    let result = f(account);
    if keep {
        state.keep(&accounts);
    }
    Some(result)
}

const AUTHORIZE: &str = "/{host}/app/login/oauth2/authorize.nl";
const TOKEN: &str = "/{host}/services/rest/auth/oauth2/v1/token";
const REVOKE: &str = "/{host}/services/rest/auth/oauth2/v1/revoke";
const CERTIFICATES: &str = "/{host}/services/rest/auth/oauth2/v1/clients/{client_id}/certificates";

/// Routes of the OAuth 2.0 endpoints (under `/{host}/...`) and the sim-only upload.
pub fn router() -> Router<NsState> {
    Router::new()
        .route(AUTHORIZE, get(authorize::show).post(authorize::decide))
        .route(TOKEN, post(token::token))
        .route(REVOKE, post(token::revoke))
        .route(CERTIFICATES, get(cert_api::list).post(cert_api::upload))
        .route(
            &format!("{CERTIFICATES}/{{certificate_id}}/revoke"),
            post(cert_api::revoke),
        )
        .route(
            "/__sim/netsuite/m2m/certificates",
            get(certs::list).post(certs::upload),
        )
}
