//! Authorization code + PKCE: build the authorize URL, exchange the code,
//! refresh (storing the rotated token of public clients) and revoke. The
//! `oauth2` crate builds the authorize URL; the token calls are plain form
//! POSTs whose answers `onramp_core::oauth::TokenResponse` reads, because
//! NetSuite's `expires_in` is a string the crate's response type refuses.

use std::time::Duration;

use oauth2::basic::BasicClient;
use oauth2::{AuthUrl, ClientId, CsrfToken, EndpointNotSet, EndpointSet, RedirectUrl};
use onramp_core::http::Endpoints;
use onramp_core::{Redactor, Secret};
use time::OffsetDateTime;
use url::Url;

use super::pkce::{validate_verifier, Pkce, State};
use super::redirect::{parse_redirect, AuthorizationResponse, RedirectUri};
use super::tokens::{ClientKind, TokenOwner, TokenSet};
use super::transport::{lifetime, token_error, token_response, Transport};
use super::{authorize_url, revoke_url, token_url, validate_scopes, OAuthError, Scope};
use crate::accounts::Account;

type NsOAuthClient =
    BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointNotSet>;

/// What the integration record and the setup say about this client.
#[derive(Debug, Clone)]
pub struct CodeClientConfig {
    pub account: Account,
    /// The integration record's Client ID (consumer key).
    pub client_id: String,
    /// `None` for a public client (no secret; PKCE and rotating refresh tokens).
    pub client_secret: Option<Secret<String>>,
    pub redirect_uri: RedirectUri,
    pub scopes: Vec<Scope>,
    /// For public clients, the refresh lifetime configured on the integration record.
    pub kind: ClientKind,
    pub endpoints: Endpoints,
    pub timeout: Duration,
}

/// One authorization attempt: open `browser_url`, keep `state` and `pkce` until the redirect.
#[derive(Debug)]
pub struct AuthorizationRequest {
    /// The real NetSuite authorize URL (what the user would see in the address bar).
    pub url: Url,
    /// Where the browser is sent (the same URL unless a Practice-mode endpoint is set).
    pub browser_url: Url,
    pub state: State,
    pub pkce: Pkce,
}

pub struct CodeClient {
    config: CodeClientConfig,
    oauth: NsOAuthClient,
    transport: Transport,
}

impl CodeClient {
    pub fn new(config: CodeClientConfig) -> Result<Self, OAuthError> {
        validate_scopes(&config.scopes)?;
        if config.client_id.trim().is_empty() {
            return Err(OAuthError::InvalidInput(
                "the Client ID is empty; copy it from the integration record (shown once when it is saved)".into(),
            ));
        }
        if matches!(config.kind, ClientKind::Public { .. }) != config.client_secret.is_none() {
            return Err(OAuthError::InvalidInput(
                "a public client has no client secret, and a confidential client needs one".into(),
            ));
        }
        let redirect = RedirectUrl::from_url(config.redirect_uri.url().clone());
        let oauth = BasicClient::new(ClientId::new(config.client_id.trim().to_string()))
            .set_auth_uri(AuthUrl::from_url(authorize_url(&config.account)))
            .set_redirect_uri(redirect);
        let transport = Transport::new(config.endpoints.clone(), config.timeout)?;
        Ok(Self {
            config,
            oauth,
            transport,
        })
    }

    pub fn config(&self) -> &CodeClientConfig {
        &self.config
    }

    /// A fresh authorize URL with its own state and PKCE pair (PKCE always: mandatory from 2027.1).
    pub fn authorization_request(&self) -> Result<AuthorizationRequest, OAuthError> {
        let state = State::random();
        let pkce = Pkce::new_s256();
        let sent_state = state.as_str().to_string();
        let (url, _) = self
            .oauth
            .authorize_url(move || CsrfToken::new(sent_state))
            .add_scopes(
                self.config
                    .scopes
                    .iter()
                    .map(|s| oauth2::Scope::new(s.as_str().to_string())),
            )
            .set_pkce_challenge(pkce.challenge_value().clone())
            .url();
        let browser_url = self.config.endpoints.transport_url(&url)?;
        Ok(AuthorizationRequest {
            url,
            browser_url,
            state,
            pkce,
        })
    }

    /// Parses what the browser was redirected to (deep link or pasted text).
    pub fn parse_redirect(
        &self,
        returned: &str,
        state: &State,
    ) -> Result<AuthorizationResponse, OAuthError> {
        parse_redirect(returned, &self.config.redirect_uri, state)
    }

    /// Exchanges the redirect's code for tokens; the verifier proves this app
    /// started the flow. The redirect's `role` and `entity` name the token's owner.
    pub async fn exchange_code(
        &self,
        answer: &AuthorizationResponse,
        verifier: &str,
        now: OffsetDateTime,
    ) -> Result<TokenSet, OAuthError> {
        validate_verifier(verifier)?;
        let code = answer.code.trim();
        let redactor = self.redactor().with(code).with(verifier);
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", self.config.redirect_uri.as_str()),
            ("code_verifier", verifier),
        ];
        let resp = self.token_call(&form, &redactor).await?;
        let mut tokens = TokenSet::from_code_exchange(
            self.config.kind,
            resp.access_token.clone(),
            resp.refresh_token.clone(),
            lifetime(&resp)?,
            resp.scopes(),
            now,
        );
        tokens.owner = TokenOwner::from_redirect(answer);
        Ok(tokens)
    }

    /// Gets a new access token; a public client's rotated refresh token replaces the old one.
    pub async fn refresh(
        &self,
        tokens: &mut TokenSet,
        now: OffsetDateTime,
    ) -> Result<(), OAuthError> {
        let refresh = tokens.refresh_token.as_ref().ok_or_else(|| {
            OAuthError::InvalidInput("this connection has no refresh token; connect again".into())
        })?;
        let redactor = self.redactor().with(refresh.expose());
        let form = [
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.expose().as_str()),
        ];
        let resp = self.token_call(&form, &redactor).await?;
        let life = lifetime(&resp)?;
        tokens.apply_refresh(
            self.config.kind,
            resp.access_token,
            resp.refresh_token,
            life,
            now,
        );
        Ok(())
    }

    /// Revokes the refresh token (and with it the access tokens issued from it).
    pub async fn revoke(&self, refresh_token: &Secret<String>) -> Result<(), OAuthError> {
        let redactor = self.redactor().with(refresh_token.expose());
        let form = [("token", refresh_token.expose().as_str())];
        let reply = self
            .transport
            .post_form(
                &revoke_url(&self.config.account),
                &self.with_client_id(&form),
                self.basic(),
            )
            .await?;
        match reply.status {
            200 => Ok(()),
            status => Err(token_error(status, &reply.body, &redactor)),
        }
    }

    /// Secrets this client knows, for everything NetSuite's answers put in an error.
    fn redactor(&self) -> Redactor {
        let mut r = Redactor::new();
        if let Some(s) = &self.config.client_secret {
            r.add(s.expose());
        }
        r
    }

    /// A confidential client authenticates with HTTP Basic.
    fn basic(&self) -> Option<(&str, &str)> {
        self.config
            .client_secret
            .as_ref()
            .map(|s| (self.config.client_id.trim(), s.expose().trim()))
    }

    /// A public client names itself in the body instead.
    fn with_client_id<'a>(&'a self, form: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut v = form.to_vec();
        if self.config.client_secret.is_none() {
            v.push(("client_id", self.config.client_id.trim()));
        }
        v
    }

    async fn token_call(
        &self,
        form: &[(&str, &str)],
        redactor: &Redactor,
    ) -> Result<onramp_core::oauth::TokenResponse, OAuthError> {
        let reply = self
            .transport
            .post_form(
                &token_url(&self.config.account),
                &self.with_client_id(form),
                self.basic(),
            )
            .await?;
        token_response(&reply, redactor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(secret: Option<&str>, kind: ClientKind) -> CodeClientConfig {
        CodeClientConfig {
            account: Account::parse("1234567").unwrap(),
            client_id: "abc123".into(),
            client_secret: secret.map(Secret::from),
            redirect_uri: RedirectUri::parse("com.onramp.app://oauth/callback").unwrap(),
            scopes: vec![Scope::RestWebServices, Scope::Restlets],
            kind,
            endpoints: Endpoints::default(),
            timeout: Duration::from_secs(5),
        }
    }

    #[test]
    fn authorize_url_carries_every_documented_parameter() {
        let c = CodeClient::new(config(Some("s"), ClientKind::Confidential)).unwrap();
        let req = c.authorization_request().unwrap();
        assert_eq!(req.url, req.browser_url);
        assert_eq!(req.url.host_str(), Some("1234567.app.netsuite.com"));
        assert_eq!(req.url.path(), "/app/login/oauth2/authorize.nl");
        let q: std::collections::HashMap<_, _> = req.url.query_pairs().into_owned().collect();
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["client_id"], "abc123");
        assert_eq!(q["redirect_uri"], "com.onramp.app://oauth/callback");
        assert_eq!(q["scope"], "rest_webservices restlets");
        assert_eq!(q["state"], req.state.as_str());
        assert_eq!(q["code_challenge"], req.pkce.challenge());
        assert_eq!(q["code_challenge_method"], "S256");
        assert!(!req.url.as_str().contains(req.pkce.verifier()));
    }

    /// Apps run token calls in spawned tasks (a deep-link handler, a command):
    /// this only compiles while their futures are `Send`.
    #[tokio::test]
    async fn token_calls_run_in_spawned_tasks() {
        let mut cfg = config(Some("s"), ClientKind::Confidential);
        // Nothing listens on the discard port: the call fails at once, locally.
        cfg.endpoints = Endpoints {
            override_base: Some(
                onramp_core::http::EndpointOverride::new("http://127.0.0.1:9").unwrap(),
            ),
        };
        let c = CodeClient::new(cfg).unwrap();
        let now = OffsetDateTime::now_utc();
        let task = tokio::spawn(async move {
            let verifier = "a".repeat(43);
            let answer = AuthorizationResponse {
                code: "code".into(),
                role: None,
                entity: None,
                company: None,
            };
            let exchanged = c.exchange_code(&answer, &verifier, now).await;
            let mut tokens = TokenSet::from_code_exchange(
                ClientKind::Confidential,
                "a".into(),
                Some("r".into()),
                time::Duration::hours(1),
                vec![],
                now,
            );
            let refreshed = c.refresh(&mut tokens, now).await;
            let revoked = c.revoke(&Secret::from("r")).await;
            [exchanged.err(), refreshed.err(), revoked.err()]
        });
        for e in task.await.unwrap() {
            assert!(matches!(e, Some(OAuthError::Http(_))), "{e:?}");
        }
    }

    #[test]
    fn client_kind_must_match_the_secret() {
        assert!(CodeClient::new(config(None, ClientKind::Confidential)).is_err());
        assert!(CodeClient::new(config(Some("s"), ClientKind::public_default())).is_err());
        assert!(CodeClient::new(config(None, ClientKind::public_default())).is_ok());
    }
}
