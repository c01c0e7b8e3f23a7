//! The REST API's OAuth 2.0: client credentials for a Web Services user,
//! authorization code with PKCE, token error mapping, and one list call per
//! object to prove access. The XML gateway stays the main path.

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use onramp_core::http::{self, Endpoints, Expect, HttpError};
use onramp_core::oauth::TokenResponse;
use onramp_core::{Diagnosis, Redactor, Secret};
use sha2::{Digest, Sha256};
use url::Url;

pub const REST_BASE: &str = "https://api.intacct.com/ia/api/v1";
const OBJECTS: &str = include_str!("../data/rest_objects.toml");
const MAX_BODY: usize = 2 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error(transparent)]
    Http(#[from] HttpError),
    #[error("the token endpoint refused the request (HTTP {status}): {error}{}", .description.as_deref().map(|d| format!(" — {d}")).unwrap_or_default())]
    OAuth {
        status: u16,
        error: String,
        description: Option<String>,
    },
    #[error("the REST API answered HTTP {status} {code}{}: {message}", .error_id.as_deref().map(|i| format!(" ({i})")).unwrap_or_default())]
    Api {
        status: u16,
        code: String,
        /// Sage's `errorId`, e.g. `REST-2102`.
        error_id: Option<String>,
        message: String,
    },
    #[error("the REST API's answer is not what it documents: {0}")]
    Malformed(String),
    #[error("{0}")]
    InvalidInput(String),
}

/// An app registered in the Sage developer console.
#[derive(Debug, Clone)]
pub struct RestApp {
    pub client_id: String,
    pub client_secret: Secret<String>,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub access_token: Secret<String>,
    pub refresh_token: Option<Secret<String>>,
    pub expires_in: Option<u64>,
}

/// A PKCE verifier (kept secret) and its S256 challenge.
#[derive(Debug, Clone)]
pub struct Pkce {
    pub verifier: Secret<String>,
    pub challenge: String,
}

impl Pkce {
    pub fn generate() -> Self {
        let bytes: [u8; 32] = rand::random();
        Self::from_verifier(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn from_verifier(verifier: String) -> Self {
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        Self {
            verifier: Secret::new(verifier),
            challenge,
        }
    }
}

/// The consent page URL the user opens in a browser.
pub fn authorize_url(client_id: &str, redirect_uri: &str, state: &str, pkce: &Pkce) -> Url {
    let mut url = Url::parse(&format!("{REST_BASE}/oauth2/authorize")).expect("constant URL");
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", state)
        .append_pair("scope", "offline_access")
        .append_pair("code_challenge", &pkce.challenge)
        .append_pair("code_challenge_method", "S256");
    url
}

/// The REST object path for an XML object name, e.g. `ARINVOICE` → `accounts-receivable/invoice`.
pub fn object_path(object: &str) -> Option<&'static str> {
    #[derive(serde::Deserialize)]
    struct Table {
        objects: BTreeMap<String, String>,
    }
    static TABLE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            toml::from_str::<Table>(OBJECTS)
                .expect("data/rest_objects.toml is valid (unit-tested)")
                .objects
        })
        .get(&object.to_ascii_uppercase())
        .map(String::as_str)
}

/// What to do about a token error, by its RFC 6749 `error` code.
pub fn token_diagnosis(error: &str) -> Diagnosis {
    let (cause, fix, where_) = match error {
        "invalid_client" => (
            "The client ID or client secret is wrong, or the app is not registered for this sender ID.",
            "Copy the client ID and secret again from the app's registration.",
            "Sage developer console > Apps",
        ),
        "invalid_grant" => (
            "The user, company or entity is not accepted for this grant, or the authorization code or PKCE verifier is wrong or used.",
            "For client credentials use a Web Services user as userId@companyId (|entityId); for the code flow start the sign-in again.",
            "Company > Admin > Web Services users",
        ),
        "unauthorized_client" | "access_denied" => (
            "The company has not authorised the app's sender ID.",
            "Add the sender ID to the company's Web Services authorizations, or have an administrator approve the app.",
            crate::guidance::SENDER_AUTHORIZATIONS_WHERE,
        ),
        _ => (
            "The token request was refused.",
            "Check the app registration and the user, then try again.",
            "Sage developer console > Apps",
        ),
    };
    Diagnosis::new(cause, fix, where_)
}

pub struct RestClient {
    http: reqwest::Client,
    timeout: Duration,
    endpoints: Endpoints,
    app: RestApp,
}

impl RestClient {
    pub fn new(app: RestApp, endpoints: Endpoints, timeout: Duration) -> Result<Self, RestError> {
        if app.client_id.trim().is_empty() {
            return Err(RestError::InvalidInput("the client ID is empty".into()));
        }
        Ok(Self {
            http: http::client(timeout)?,
            timeout,
            endpoints,
            app,
        })
    }

    /// Client credentials for a Web Services user: `username` is `user@company[|entity]`.
    pub async fn client_credentials(
        &self,
        user_id: &str,
        company_id: &str,
        entity: Option<&str>,
    ) -> Result<Token, RestError> {
        let mut username = format!("{}@{}", user_id.trim(), company_id.trim());
        if let Some(e) = entity.map(str::trim).filter(|e| !e.is_empty()) {
            username.push('|');
            username.push_str(e);
        }
        self.token(&[
            ("grant_type", "client_credentials"),
            ("username", &username),
        ])
        .await
    }

    /// Authorises a new connection: show `rest_errors::SECOND_AUTHORIZATION_WARNING`
    /// first, as it stops an earlier connection of the same user and company.
    pub async fn exchange_code(
        &self,
        code: &str,
        redirect_uri: &str,
        pkce: &Pkce,
    ) -> Result<Token, RestError> {
        self.token(&[
            ("grant_type", "authorization_code"),
            ("code", code.trim()),
            ("redirect_uri", redirect_uri),
            ("code_verifier", pkce.verifier.expose()),
        ])
        .await
    }

    async fn token(&self, fields: &[(&str, &str)]) -> Result<Token, RestError> {
        let url = Url::parse(&format!("{REST_BASE}/oauth2/token")).expect("constant URL");
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("client_id", &self.app.client_id));
        form.push(("client_secret", self.app.client_secret.expose()));
        // The answer holds new tokens and an error can echo what was sent.
        let mut redactor = Redactor::new().with(self.app.client_secret.expose());
        for (k, v) in fields {
            if matches!(*k, "code" | "code_verifier" | "refresh_token") {
                redactor.add(v);
            }
        }
        let resp = self
            .http
            .post(self.endpoints.transport_url(&url)?)
            .form(&form)
            .send()
            .await
            .map_err(|e| http::classify("api.intacct.com", e, self.timeout.as_secs()))?;
        let (status, body) = self.read(resp).await?;
        if status != 200 {
            let v: serde_json::Value = serde_json::from_slice(&body).map_err(|_| {
                RestError::Malformed(format!(
                    "HTTP {status} with a body that is not JSON: {}",
                    redactor.snippet(&body, 200)
                ))
            })?;
            return Err(token_error(status, &v, &redactor));
        }
        let parsed = TokenResponse::parse(&body).map_err(RestError::Malformed)?;
        Ok(Token {
            expires_in: parsed
                .expires_in()
                .map_err(RestError::Malformed)?
                .map(|d| d.whole_seconds().unsigned_abs()),
            refresh_token: parsed.refresh_token.map(Secret::new),
            access_token: Secret::new(parsed.access_token),
        })
    }

    /// Reads a JSON body; a stalled body reports the real timeout.
    async fn read(&self, resp: reqwest::Response) -> Result<(u16, Vec<u8>), RestError> {
        http::read_body(resp, MAX_BODY, Expect::Json)
            .await
            .map_err(|e| match e {
                HttpError::Timeout { host, .. } => HttpError::Timeout {
                    host,
                    secs: self.timeout.as_secs(),
                },
                other => other,
            })
            .map_err(Into::into)
    }

    /// Lists one object's records; `Ok(count)` proves the user may read it.
    pub async fn probe(&self, token: &Token, object: &str) -> Result<u64, RestError> {
        let path = object_path(object).ok_or_else(|| {
            RestError::InvalidInput(format!("no REST path is known for {object}"))
        })?;
        let url = Url::parse(&format!("{REST_BASE}/objects/{path}")).expect("known path");
        let resp = self
            .http
            .get(self.endpoints.transport_url(&url)?)
            .bearer_auth(token.access_token.expose())
            .send()
            .await
            .map_err(|e| http::classify("api.intacct.com", e, self.timeout.as_secs()))?;
        let (status, body) = self.read(resp).await?;
        let redactor = Redactor::new().with(token.access_token.expose());
        let v: serde_json::Value = serde_json::from_slice(&body).map_err(|_| {
            RestError::Malformed(format!(
                "HTTP {status} with a body that is not JSON: {}",
                redactor.snippet(&body, 200)
            ))
        })?;
        if status != 200 {
            let (code, error_id, message) = crate::rest_errors::api_error_fields(&v, &redactor);
            return Err(RestError::Api {
                status,
                code,
                error_id,
                message,
            });
        }
        v["ia::meta"]["totalCount"]
            .as_u64()
            .ok_or_else(|| RestError::Malformed("no ia::meta.totalCount".into()))
    }
}

fn token_error(status: u16, v: &serde_json::Value, r: &Redactor) -> RestError {
    RestError::OAuth {
        status,
        error: r.redact(v["error"].as_str().unwrap_or("unknown_error")),
        description: v["error_description"].as_str().map(|d| r.redact(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_matches_the_rfc_7636_example() {
        let p = Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        assert_eq!(p.challenge, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        let fresh = Pkce::generate();
        assert_eq!(fresh.verifier.expose().len(), 43);
        assert_ne!(fresh.challenge, Pkce::generate().challenge);
    }

    #[test]
    fn authorize_url_carries_pkce_state_and_offline_scope() {
        let p = Pkce::from_verifier("v".repeat(43));
        let url = authorize_url(
            "app.app.sage.com",
            "http://127.0.0.1:8765/callback",
            "s&1",
            &p,
        );
        let q: BTreeMap<String, String> = url.query_pairs().into_owned().collect();
        assert_eq!(url.path(), "/ia/api/v1/oauth2/authorize");
        assert_eq!(q["response_type"], "code");
        assert_eq!(q["redirect_uri"], "http://127.0.0.1:8765/callback");
        assert_eq!(q["state"], "s&1");
        assert_eq!(q["scope"], "offline_access");
        assert_eq!(q["code_challenge"], p.challenge);
        assert_eq!(q["code_challenge_method"], "S256");
    }

    #[test]
    fn token_errors_map_to_a_diagnosis() {
        let v = serde_json::json!({"error": "invalid_client", "error_description": "Unknown client_id."});
        let e = token_error(401, &v, &Redactor::new());
        assert!(e
            .to_string()
            .contains("invalid_client — Unknown client_id."));
        assert!(token_diagnosis("invalid_grant")
            .fix
            .contains("userId@companyId"));
        assert!(token_diagnosis("access_denied")
            .where_
            .contains("Web Services authorizations"));
    }

    #[test]
    fn token_errors_never_quote_the_secrets_sent() {
        let r = Redactor::new().with("CANARY-CLIENT-SECRET");
        let v = serde_json::json!({
            "error": "invalid_client",
            "error_description": "client_secret=CANARY-CLIENT-SECRET does not match; refresh_token=CANARY-R"
        });
        let e = token_error(401, &v, &r).to_string();
        assert!(!e.contains("CANARY"), "{e}");
        assert!(e.contains("invalid_client"));
    }

    #[test]
    fn every_object_of_the_builtin_profile_has_a_rest_path() {
        let p = crate::profiles::builtin("intacct-accounting-sync").unwrap();
        for o in p.intacct.unwrap().objects {
            assert!(object_path(&o.object).is_some(), "{}", o.object);
        }
        assert_eq!(
            object_path("arinvoice"),
            Some("accounts-receivable/invoice")
        );
    }
}
