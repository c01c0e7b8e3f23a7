//! Tokens as the app keeps them: the secrets themselves (keychain only) plus
//! the expiry bookkeeping, and the role/entity an access token acts as.

use onramp_core::Secret;
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

/// NetSuite access tokens last 60 minutes.
pub const ACCESS_TOKEN_LIFETIME: Duration = Duration::seconds(3600);
/// Confidential clients: 7 days, not extended by refreshing.
pub const CONFIDENTIAL_REFRESH_LIFETIME: Duration = Duration::days(7);
/// Public clients: 48 hours by default (configurable 1–720 h on the integration record).
pub const PUBLIC_REFRESH_LIFETIME_DEFAULT: Duration = Duration::hours(48);
/// Public clients: default "Maximum Time For Token Rotation" after which consent is needed again.
pub const PUBLIC_ROTATION_MAX_DEFAULT: Duration = Duration::hours(168);

/// Whether the integration record has a client secret (confidential) or is a public client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    Confidential,
    /// Rotating, one-time refresh tokens; `refresh_lifetime` mirrors the integration record.
    Public {
        refresh_lifetime: Duration,
        rotation_max: Duration,
    },
}

impl ClientKind {
    pub fn public_default() -> Self {
        ClientKind::Public {
            refresh_lifetime: PUBLIC_REFRESH_LIFETIME_DEFAULT,
            rotation_max: PUBLIC_ROTATION_MAX_DEFAULT,
        }
    }
}

/// The tokens of one connection. Secrets print as `***`.
#[derive(Debug, Clone)]
pub struct TokenSet {
    pub access_token: Secret<String>,
    pub refresh_token: Option<Secret<String>>,
    /// Scopes NetSuite reported, when it did.
    pub scopes: Vec<String>,
    pub access_expires_at: OffsetDateTime,
    pub refresh_expires_at: Option<OffsetDateTime>,
    /// When the user consented: public clients must consent again after the rotation maximum.
    pub consented_at: OffsetDateTime,
    /// Who the tokens act as, from the authorize redirect (authoritative), when known.
    pub owner: Option<TokenOwner>,
}

impl TokenSet {
    /// Bookkeeping for a fresh authorization-code exchange.
    pub(crate) fn from_code_exchange(
        kind: ClientKind,
        access: String,
        refresh: Option<String>,
        expires_in: Duration,
        scopes: Vec<String>,
        now: OffsetDateTime,
    ) -> Self {
        let refresh_expires_at = refresh.as_ref().map(|_| match kind {
            ClientKind::Confidential => now + CONFIDENTIAL_REFRESH_LIFETIME,
            ClientKind::Public {
                refresh_lifetime,
                rotation_max,
            } => now + refresh_lifetime.min(rotation_max),
        });
        Self {
            access_token: Secret::new(access),
            refresh_token: refresh.map(Secret::new),
            scopes,
            access_expires_at: now + expires_in,
            refresh_expires_at,
            consented_at: now,
            owner: None,
        }
    }

    /// Applies a refresh response: a new access token always; for public clients
    /// the rotated refresh token replaces the used one (the old one is now dead).
    pub(crate) fn apply_refresh(
        &mut self,
        kind: ClientKind,
        access: String,
        new_refresh: Option<String>,
        expires_in: Duration,
        now: OffsetDateTime,
    ) {
        self.access_token = Secret::new(access);
        self.access_expires_at = now + expires_in;
        if let (
            ClientKind::Public {
                refresh_lifetime,
                rotation_max,
            },
            Some(rt),
        ) = (kind, new_refresh)
        {
            self.refresh_token = Some(Secret::new(rt));
            let cap = self.consented_at + rotation_max;
            self.refresh_expires_at = Some((now + refresh_lifetime).min(cap));
        }
    }

    pub fn access_expired(&self, now: OffsetDateTime) -> bool {
        now >= self.access_expires_at
    }

    /// True when only a new consent (authorize step) can get tokens again.
    pub fn needs_consent(&self, now: OffsetDateTime) -> bool {
        self.refresh_expires_at.is_none_or(|t| now >= t)
    }

    /// Who the tokens act as: the authorize redirect's role and entity when
    /// known (documented, authoritative), else the access token's `sub`.
    pub fn identity(&self) -> Option<AccessTokenIdentity> {
        let Some(o) = &self.owner else {
            return AccessTokenIdentity::decode(self.access_token.expose());
        };
        let scopes = decode_claims(self.access_token.expose())
            .map(|c| c.scope.into_list())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| self.scopes.clone());
        Some(AccessTokenIdentity {
            role: o.role.clone(),
            entity: o.entity.clone(),
            scopes,
        })
    }
}

/// The role and user (entity) a connection acts as, as the authorize redirect
/// names them (`?state=…&role=1000&entity=12&company=1234567&code=…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenOwner {
    pub role: String,
    pub entity: String,
}

impl TokenOwner {
    /// Both internal IDs, or nothing: half an owner names no one.
    pub fn new(role: Option<&str>, entity: Option<&str>) -> Option<Self> {
        let (role, entity) = (role?.trim(), entity?.trim());
        (is_internal_id(role) && is_internal_id(entity)).then(|| Self {
            role: role.to_string(),
            entity: entity.to_string(),
        })
    }

    pub fn from_redirect(answer: &super::AuthorizationResponse) -> Option<Self> {
        Self::new(answer.role.as_deref(), answer.entity.as_deref())
    }
}

/// NetSuite internal IDs are integers; built-in entities can be negative ("3;-5").
fn is_internal_id(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The role and user (entity) an access token acts as, from its `sub` = "role;entity".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessTokenIdentity {
    pub role: String,
    pub entity: String,
    pub scopes: Vec<String>,
}

#[derive(Deserialize)]
struct Claims {
    #[serde(default)]
    sub: Option<String>,
    #[serde(default)]
    scope: ScopeClaim,
}

#[derive(Deserialize, Default)]
#[serde(untagged)]
enum ScopeClaim {
    List(Vec<String>),
    Text(String),
    #[default]
    Missing,
}

impl ScopeClaim {
    fn into_list(self) -> Vec<String> {
        match self {
            ScopeClaim::List(v) => v,
            ScopeClaim::Text(s) => s
                .split([' ', ','])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            ScopeClaim::Missing => Vec::new(),
        }
    }
}

/// The claims without verifying the signature: display only, never trust.
fn decode_claims(token: &str) -> Option<Claims> {
    jsonwebtoken::dangerous::insecure_decode_claims(token).ok()
}

/// The scopes an access token's claims grant, lower-cased: Oracle's RESTlet
/// header example (ORA:section_158332610742) writes `["RESTLETS"]`, its newer
/// samples `["rest_webservices","restlets"]`. `None` when the token is not a
/// JWT or names no scope, so nothing can be concluded from it.
pub fn granted_scopes(token: &str) -> Option<Vec<String>> {
    let scopes: Vec<String> = decode_claims(token)?
        .scope
        .into_list()
        .into_iter()
        .map(|s| s.to_ascii_lowercase())
        .collect();
    (!scopes.is_empty()).then_some(scopes)
}

impl AccessTokenIdentity {
    /// Who a token acts as, from its `sub`; `None` when `sub` is not "role;entity".
    pub fn decode(token: &str) -> Option<Self> {
        let claims = decode_claims(token)?;
        // Only "<role>;<entity>" names them; Oracle's older samples put the
        // account first ("4030059;0;3;7;N"), which leaves the role unknown.
        let owner = claims
            .sub
            .as_deref()?
            .split_once(';')
            .and_then(|(r, e)| TokenOwner::new(Some(r), Some(e)))?;
        Some(Self {
            role: owner.role,
            entity: owner.entity,
            scopes: claims.scope.into_list(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn unsigned_jwt(payload: &str) -> String {
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.{}",
            b.encode(br#"{"alg":"PS256","kid":"s.SYSTEM.2020_1","typ":"JWT"}"#),
            b.encode(payload),
            b.encode(b"sig")
        )
    }

    #[test]
    fn sub_decodes_to_role_and_entity() {
        // Claim shape of Oracle's decoded access-token sample.
        let t = unsigned_jwt(
            r#"{"sub":"3;1099","aud":["A;1234567","cid"],"scope":["rest_webservices","restlets"],"iss":"https://system.netsuite.com","exp":1,"iat":0,"jti":"j"}"#,
        );
        let id = AccessTokenIdentity::decode(&t).unwrap();
        assert_eq!((id.role.as_str(), id.entity.as_str()), ("3", "1099"));
        assert_eq!(id.scopes, ["rest_webservices", "restlets"]);
        assert!(AccessTokenIdentity::decode("opaque-token").is_none());
        assert!(AccessTokenIdentity::decode(&unsigned_jwt(r#"{"sub":"nosemicolon"}"#)).is_none());
    }

    #[test]
    fn expiry_bookkeeping_by_client_kind() {
        let now = OffsetDateTime::UNIX_EPOCH + Duration::days(10_000);
        let c = TokenSet::from_code_exchange(
            ClientKind::Confidential,
            "a".into(),
            Some("r".into()),
            Duration::seconds(3600),
            vec![],
            now,
        );
        assert_eq!(c.refresh_expires_at, Some(now + Duration::days(7)));
        assert!(!c.access_expired(now + Duration::seconds(3599)));
        assert!(c.access_expired(now + Duration::seconds(3600)));

        let mut p = TokenSet::from_code_exchange(
            ClientKind::public_default(),
            "a".into(),
            Some("r1".into()),
            ACCESS_TOKEN_LIFETIME,
            vec![],
            now,
        );
        assert_eq!(p.refresh_expires_at, Some(now + Duration::hours(48)));
        let later = now + Duration::hours(150);
        p.apply_refresh(
            ClientKind::public_default(),
            "a2".into(),
            Some("r2".into()),
            Duration::seconds(3600),
            later,
        );
        assert_eq!(p.refresh_token.as_ref().unwrap().expose(), "r2");
        // Rotation cannot go past the 168-hour maximum since consent.
        assert_eq!(p.refresh_expires_at, Some(now + Duration::hours(168)));
        assert!(p.needs_consent(now + Duration::hours(168)));

        let mut c2 = c.clone();
        c2.apply_refresh(
            ClientKind::Confidential,
            "a3".into(),
            None,
            Duration::seconds(3600),
            now + Duration::days(1),
        );
        assert_eq!(c2.refresh_token.as_ref().unwrap().expose(), "r");
        assert_eq!(c2.refresh_expires_at, c.refresh_expires_at);
    }
}
