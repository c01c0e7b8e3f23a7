//! What the simulator has issued: authorization codes (single use, short-lived),
//! refresh tokens (7 days, or rotating for public clients) and access tokens
//! (60 minutes, JWTs whose `sub` is "role;entity").

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use jsonwebtoken::{EncodingKey, Header};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

pub use crate::kept::key;

use super::super::state::NsState;
use super::SubShape;

pub const ACCESS_LIFETIME: Duration = Duration::seconds(3600);
pub const CONFIDENTIAL_REFRESH_LIFETIME: Duration = Duration::days(7);

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodeGrant {
    pub integration: String,
    pub redirect_uri: String,
    pub challenge: Option<String>,
    pub employee: u64,
    pub role: u64,
    pub scopes: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RefreshGrant {
    pub integration: String,
    pub employee: u64,
    pub role: u64,
    pub scopes: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// Public clients: when the user consented; rotation stops after the maximum.
    #[serde(with = "time::serde::rfc3339")]
    pub consented_at: OffsetDateTime,
    pub public: bool,
    /// Used (public clients rotate) or revoked.
    pub dead: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessGrant {
    pub integration: String,
    pub employee: u64,
    pub role: u64,
    pub scopes: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// The key of the refresh token it came from, so revoking that revokes this.
    pub refresh: Option<String>,
    pub revoked: bool,
}

/// A random opaque value (codes, refresh tokens, certificate IDs).
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// The `sub` claim in the form the scenario chose (see `SubShape`).
fn sub(shape: SubShape, account: &str, g: &AccessGrant) -> String {
    match shape {
        SubShape::RoleEntity => format!("{};{}", g.role, g.employee),
        SubShape::AccountFirst => format!("{account};0;{};{};N", g.role, g.employee),
    }
}

/// An access token shaped like NetSuite's (claims as in Oracle's decoded sample).
/// The simulator also keeps it in the account's state, so revocation and expiry apply.
pub fn access_jwt(
    state: &NsState,
    account: &str,
    client_id: &str,
    grant: &AccessGrant,
    now: OffsetDateTime,
) -> String {
    let mut header = Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = Some("s.SIMULATOR.1".into());
    let claims = json!({
        "sub": sub(state.scenario.oauth2.access_token_sub, account, grant),
        "aud": [format!("{};{account}", grant.integration), client_id],
        "scope": grant.scopes,
        "iss": "https://system.netsuite.com",
        "oit": now.unix_timestamp(),
        "iat": now.unix_timestamp(),
        "exp": grant.expires_at.unix_timestamp(),
        "jti": random_token(16),
    });
    jsonwebtoken::encode(
        &header,
        &claims,
        &EncodingKey::from_secret(&state.oauth2.signing_secret),
    )
    .expect("HMAC signing of a JSON object cannot fail")
}

/// Oracle's token-response sample (ORA:section_162755359851), verbatim:
/// `{"access_token": "eyJ…", "expires_in": "3600", "token_type": "Bearer"}`,
/// `expires_in` a JSON string.
const ORACLE_TOKEN_RESPONSE: &str =
    include_str!("../../../../netsuite/tests/fixtures/oracle/m2m_token_response.json");

/// A token response in the shape of Oracle's sample, with this simulator's
/// token; the code flow adds `refresh_token`, a field its table documents
/// (ORA:section_160855590788).
pub fn token_body(access: &str, refresh: Option<&str>) -> Value {
    let mut body: Value =
        serde_json::from_str(ORACLE_TOKEN_RESPONSE).expect("the quoted Oracle sample is JSON");
    body["access_token"] = json!(access);
    if let Some(r) = refresh {
        body["refresh_token"] = json!(r);
    }
    body
}
