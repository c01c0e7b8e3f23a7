//! Where a connection's tokens go: the tokens themselves into the keychain,
//! their expiry and the role/user they act as into the setup's fields (shown
//! in the app, read by workspaces to warn before they expire).

use onramp_core::state::Setup;
use onramp_core::{IpcError, SecretKey};
use onramp_netsuite::oauth2::secret_names::{ACCESS_TOKEN, REFRESH_TOKEN};
use onramp_netsuite::oauth2::{format_time, AccessTokenIdentity, TokenSet};
use serde::Serialize;
use specta::Type;

use super::owner::Owner;
use super::{field, fields, write_fields};
use crate::ctx::AppCtx;

/// What the app shows about a setup's OAuth 2.0 connection; nothing secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct OAuthStatus {
    /// An access token is stored in the keychain.
    pub connected: bool,
    /// A refresh token is stored (authorization code grant only).
    pub can_refresh: bool,
    pub access_expires_at: Option<String>,
    pub refresh_expires_at: Option<String>,
    /// Internal IDs from the access token's `sub`: the role and the user
    /// (entity) NetSuite acts as, and records in System Notes.
    pub role: Option<String>,
    pub entity: Option<String>,
    pub scopes: Vec<String>,
    /// The same user and role by name, looked up at Connect; `None` when the
    /// token's role may not read employees or roles.
    pub role_name: Option<String>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    /// `Some(false)` when the connection acts as someone else than the
    /// integration user (role) the setup names.
    pub user_matches: Option<bool>,
    pub role_matches: Option<bool>,
}

impl OAuthStatus {
    pub fn of(setup: &Setup, connected: bool, can_refresh: bool) -> Self {
        let get = |k| field(setup, k).map(str::to_owned);
        let owner = Owner::of(setup);
        Self {
            connected,
            can_refresh,
            access_expires_at: get(fields::ACCESS_EXPIRES_AT),
            refresh_expires_at: get(fields::REFRESH_EXPIRES_AT),
            role: get(fields::TOKEN_ROLE),
            entity: get(fields::TOKEN_ENTITY),
            scopes: get(fields::TOKEN_SCOPES)
                .map(|s| s.split(' ').map(str::to_owned).collect())
                .unwrap_or_default(),
            role_name: get(fields::TOKEN_ROLE_NAME),
            user_name: get(fields::TOKEN_USER_NAME),
            user_email: get(fields::TOKEN_USER_EMAIL),
            user_matches: owner.as_ref().and_then(Owner::user_matches),
            role_matches: owner.as_ref().and_then(Owner::role_matches),
        }
    }
}

/// The fields a token set writes. A refresh that returns no new refresh
/// token keeps the old expiry, so `refresh_expires_at` is only ever set here.
pub fn token_fields(tokens: &TokenSet) -> Vec<(&'static str, Option<String>)> {
    let mut out = vec![(
        fields::ACCESS_EXPIRES_AT,
        Some(format_time(tokens.access_expires_at)),
    )];
    if let Some(t) = tokens.refresh_expires_at {
        out.push((fields::REFRESH_EXPIRES_AT, Some(format_time(t))));
    }
    out.extend(identity_fields(tokens.identity().as_ref()));
    out
}

/// Who an access token acts as; an opaque token clears what an older one said.
pub fn identity_fields(id: Option<&AccessTokenIdentity>) -> Vec<(&'static str, Option<String>)> {
    vec![
        (fields::TOKEN_ROLE, id.map(|i| i.role.clone())),
        (fields::TOKEN_ENTITY, id.map(|i| i.entity.clone())),
        (
            fields::TOKEN_SCOPES,
            id.map(|i| i.scopes.join(" ")).filter(|s| !s.is_empty()),
        ),
    ]
}

/// Fields that describe tokens no longer held (after a revoke).
pub fn cleared_fields() -> Vec<(&'static str, Option<String>)> {
    [
        fields::ACCESS_EXPIRES_AT,
        fields::REFRESH_EXPIRES_AT,
        fields::TOKEN_ROLE,
        fields::TOKEN_ENTITY,
        fields::TOKEN_SCOPES,
        fields::TOKEN_ROLE_NAME,
        fields::TOKEN_USER_NAME,
        fields::TOKEN_USER_EMAIL,
    ]
    .into_iter()
    .map(|k| (k, None))
    .collect()
}

/// Puts the tokens in the keychain and their bookkeeping in the setup.
/// Everything is taken from `tokens` before the future starts, so it holds no
/// borrow of them (which keeps it `Send` for the deep-link handler's task).
pub fn store<'a>(
    ctx: &'a AppCtx,
    setup_id: &'a str,
    tokens: &TokenSet,
) -> impl std::future::Future<Output = Result<(), IpcError>> + Send + 'a {
    let changes = token_fields(tokens);
    let (access, refresh) = (tokens.access_token.clone(), tokens.refresh_token.clone());
    async move {
        let id = setup_id.to_owned();
        crate::oauth::keychain(ctx, move |s| {
            s.set(&SecretKey::new(id.as_str(), ACCESS_TOKEN), &access)?;
            if let Some(r) = &refresh {
                s.set(&SecretKey::new(id.as_str(), REFRESH_TOKEN), r)?;
            }
            Ok(())
        })
        .await?;
        write_fields(ctx, setup_id, changes)?;
        tracing::info!(%setup_id, "OAuth 2.0 tokens stored in the keychain");
        Ok(())
    }
}

/// The status as stored now: fields from the setup, presence from the keychain.
pub fn status(
    ctx: &AppCtx,
    setup: &Setup,
) -> impl std::future::Future<Output = Result<OAuthStatus, IpcError>> + Send + 'static {
    let mut status = OAuthStatus::of(setup, false, false);
    let id = setup.id.clone();
    let present = crate::oauth::keychain(ctx, move |s| {
        Ok((
            s.exists(&SecretKey::new(id.as_str(), ACCESS_TOKEN))?,
            s.exists(&SecretKey::new(id.as_str(), REFRESH_TOKEN))?,
        ))
    });
    async move {
        (status.connected, status.can_refresh) = present.await?;
        Ok(status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use onramp_core::Secret;
    use onramp_netsuite::oauth2::OffsetDateTime;

    fn jwt(payload: &str) -> String {
        let b = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.{}",
            b.encode(br#"{"alg":"PS256","kid":"s.SYSTEM.2020_1","typ":"JWT"}"#),
            b.encode(payload),
            b.encode(b"sig")
        )
    }

    fn tokens(access: String, refresh_expiry: Option<OffsetDateTime>) -> TokenSet {
        let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        TokenSet {
            access_token: Secret::new(access),
            refresh_token: refresh_expiry.map(|_| Secret::new("r".to_string())),
            scopes: vec![],
            access_expires_at: now + time::Duration::hours(1),
            refresh_expires_at: refresh_expiry,
            consented_at: now,
            owner: None,
        }
    }

    fn as_map(
        v: Vec<(&'static str, Option<String>)>,
    ) -> std::collections::HashMap<&'static str, Option<String>> {
        v.into_iter().collect()
    }

    #[test]
    fn expiry_and_sub_become_fields() {
        // Claim shape of Oracle's decoded access-token sample.
        let access = jwt(
            r#"{"sub":"1001;13","aud":["A;1234567","cid"],"scope":["rest_webservices","restlets"],"iss":"https://system.netsuite.com","exp":1,"iat":0,"jti":"j"}"#,
        );
        let refresh = OffsetDateTime::from_unix_timestamp(1_800_604_800).unwrap();
        let f = as_map(token_fields(&tokens(access.clone(), Some(refresh))));
        assert_eq!(
            f["access_token_expires_at"].as_deref(),
            Some("2027-01-15T09:00:00Z")
        );
        assert_eq!(
            f["refresh_token_expires_at"].as_deref(),
            Some("2027-01-22T08:00:00Z")
        );
        assert_eq!(f["oauth2_token_role"].as_deref(), Some("1001"));
        assert_eq!(f["oauth2_token_entity"].as_deref(), Some("13"));
        assert_eq!(
            f["oauth2_token_scopes"].as_deref(),
            Some("rest_webservices restlets")
        );
        // No token value, not even part of one, lands in the fields.
        let payload = access.split('.').nth(1).unwrap();
        assert!(f.values().flatten().all(|v| !v.contains(payload)));
    }

    #[test]
    fn an_opaque_token_clears_the_identity_and_keeps_refresh_expiry() {
        let f = as_map(token_fields(&tokens("opaque".into(), None)));
        assert_eq!(f["oauth2_token_role"], None);
        assert_eq!(f["oauth2_token_entity"], None);
        assert!(!f.contains_key("refresh_token_expires_at"));
    }

    #[test]
    fn status_reads_the_fields_back() {
        let mut setup: Setup = serde_json::from_value(serde_json::json!({
            "id": "s1", "erp": "netsuite", "label": "x", "client_id": null,
            "environment": "production", "practice_scenario": null, "account_id": "1234567",
            "entity_id": null, "profile_id": null, "auth_method": "oauth2-code",
            "current_step": "credentials", "steps": {}, "fields": {},
            "last_run": null, "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap();
        let empty = OAuthStatus::of(&setup, false, false);
        assert_eq!(empty.role, None);
        assert!(empty.scopes.is_empty());
        setup
            .fields
            .insert("oauth2_token_role".into(), "1001".into());
        setup.fields.insert(
            "oauth2_token_scopes".into(),
            "rest_webservices restlets".into(),
        );
        setup
            .fields
            .insert("access_token_expires_at".into(), " ".into());
        let s = OAuthStatus::of(&setup, true, true);
        assert_eq!(s.role.as_deref(), Some("1001"));
        assert_eq!(s.scopes, ["rest_webservices", "restlets"]);
        assert_eq!(s.access_expires_at, None, "blank values are absent");
    }
}
