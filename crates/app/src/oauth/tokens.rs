//! Where a connection's tokens go: the tokens themselves into the keychain,
//! their expiry and the role/user they act as into the setup's fields (shown
//! in the app, read by workspaces to warn before they expire).

use onramp_core::state::{Setup, TokenFields};
use onramp_core::{IpcError, SecretKey};
use onramp_netsuite::oauth2::secret_names::{ACCESS_TOKEN, REFRESH_TOKEN};
use onramp_netsuite::oauth2::{format_time, AccessTokenIdentity, TokenSet};
use serde::Serialize;
use specta::Type;

use super::owner::Owner;
use super::write_fields;
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
        let t = &setup.fields.netsuite.token;
        let owner = Owner::of(setup);
        Self {
            connected,
            can_refresh,
            access_expires_at: t.access_expires_at.clone(),
            refresh_expires_at: t.refresh_expires_at.clone(),
            role: t.role.clone(),
            entity: t.entity.clone(),
            scopes: t.scopes.clone(),
            role_name: t.role_name.clone(),
            user_name: t.user_name.clone(),
            user_email: t.user_email.clone(),
            user_matches: owner.as_ref().and_then(Owner::user_matches),
            role_matches: owner.as_ref().and_then(Owner::role_matches),
        }
    }
}

/// What a token set says about itself (taken out of it, so no token value
/// can follow): expiry dates and who it acts as.
#[derive(Debug, Clone)]
pub struct TokenFacts {
    access_expires_at: String,
    refresh_expires_at: Option<String>,
    identity: Option<AccessTokenIdentity>,
}

impl TokenFacts {
    pub fn of(tokens: &TokenSet) -> Self {
        Self {
            access_expires_at: format_time(tokens.access_expires_at),
            refresh_expires_at: tokens.refresh_expires_at.map(format_time),
            identity: tokens.identity(),
        }
    }

    /// A refresh that returns no new refresh token keeps the old expiry.
    pub fn write(self, t: &mut TokenFields) {
        t.access_expires_at = Some(self.access_expires_at);
        if let Some(at) = self.refresh_expires_at {
            t.refresh_expires_at = Some(at);
        }
        write_identity(t, self.identity.as_ref());
    }
}

/// Who an access token acts as; an opaque token clears what an older one said.
pub fn write_identity(t: &mut TokenFields, id: Option<&AccessTokenIdentity>) {
    t.role = id.map(|i| i.role.clone());
    t.entity = id.map(|i| i.entity.clone());
    t.scopes = id.map(|i| i.scopes.clone()).unwrap_or_default();
}

/// Puts the tokens in the keychain and their bookkeeping in the setup.
/// Everything is taken from `tokens` before the future starts, so it holds no
/// borrow of them (which keeps it `Send` for the deep-link handler's task).
pub fn store<'a>(
    ctx: &'a AppCtx,
    setup_id: &'a str,
    tokens: &TokenSet,
) -> impl std::future::Future<Output = Result<(), IpcError>> + Send + 'a {
    let facts = TokenFacts::of(tokens);
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
        write_fields(ctx, setup_id, |f| facts.write(&mut f.netsuite.token))?;
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

    fn written(tokens: &TokenSet, before: TokenFields) -> TokenFields {
        let mut t = before;
        TokenFacts::of(tokens).write(&mut t);
        t
    }

    #[test]
    fn expiry_and_sub_become_fields() {
        // Claim shape of Oracle's decoded access-token sample.
        let access = jwt(
            r#"{"sub":"1001;13","aud":["A;1234567","cid"],"scope":["rest_webservices","restlets"],"iss":"https://system.netsuite.com","exp":1,"iat":0,"jti":"j"}"#,
        );
        let refresh = OffsetDateTime::from_unix_timestamp(1_800_604_800).unwrap();
        let t = written(
            &tokens(access.clone(), Some(refresh)),
            TokenFields::default(),
        );
        assert_eq!(t.access_expires_at.as_deref(), Some("2027-01-15T09:00:00Z"));
        assert_eq!(
            t.refresh_expires_at.as_deref(),
            Some("2027-01-22T08:00:00Z")
        );
        assert_eq!(t.role.as_deref(), Some("1001"));
        assert_eq!(t.entity.as_deref(), Some("13"));
        assert_eq!(t.scopes, ["rest_webservices", "restlets"]);
        // No token value, not even part of one, lands in the fields.
        let payload = access.split('.').nth(1).unwrap();
        assert!(!serde_json::to_string(&t).unwrap().contains(payload));
    }

    #[test]
    fn an_opaque_token_clears_the_identity_and_keeps_refresh_expiry() {
        let before = TokenFields {
            role: Some("1001".into()),
            entity: Some("13".into()),
            scopes: vec!["restlets".into()],
            refresh_expires_at: Some("2027-01-22T08:00:00Z".into()),
            ..TokenFields::default()
        };
        let t = written(&tokens("opaque".into(), None), before);
        assert_eq!(t.role, None);
        assert_eq!(t.entity, None);
        assert!(t.scopes.is_empty());
        assert_eq!(
            t.refresh_expires_at.as_deref(),
            Some("2027-01-22T08:00:00Z")
        );
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
        let t = &mut setup.fields.netsuite.token;
        t.role = Some("1001".into());
        t.scopes = vec!["rest_webservices".into(), "restlets".into()];
        let s = OAuthStatus::of(&setup, true, true);
        assert_eq!(s.role.as_deref(), Some("1001"));
        assert_eq!(s.scopes, ["rest_webservices", "restlets"]);
        assert_eq!(s.access_expires_at, None);
    }
}
