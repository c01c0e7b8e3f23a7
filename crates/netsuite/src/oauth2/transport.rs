//! Sends token-endpoint requests through `Endpoints`, with the shared size cap
//! and HTML-page detection, and reads token responses without letting a
//! token or secret from the body into an error.

use std::time::Duration as StdDuration;

use time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use onramp_core::http::{self, Endpoints, Expect, HttpError};
use onramp_core::oauth::TokenResponse;
use onramp_core::Redactor;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use url::Url;

use super::tokens::ACCESS_TOKEN_LIFETIME;
use super::OAuthError;

/// Token responses are small; anything bigger is not a token response.
const MAX_TOKEN_BODY: usize = 256 * 1024;

#[derive(Clone)]
pub(crate) struct Transport {
    client: reqwest::Client,
    endpoints: Endpoints,
    timeout: StdDuration,
}

pub(crate) struct Reply {
    pub status: u16,
    /// The server's `Date` header, to tell clock skew from other refusals.
    pub server_date: Option<time::OffsetDateTime>,
    pub body: Vec<u8>,
}

impl Transport {
    pub fn new(endpoints: Endpoints, timeout: StdDuration) -> Result<Self, OAuthError> {
        Ok(Self {
            client: http::client(timeout)?,
            endpoints,
            timeout,
        })
    }

    /// Sends one request meant for `logical` (the real NetSuite URL).
    pub async fn send(
        &self,
        method: reqwest::Method,
        logical: &Url,
        headers: reqwest::header::HeaderMap,
        body: Vec<u8>,
    ) -> Result<Reply, HttpError> {
        let host = logical.host_str().unwrap_or_default().to_string();
        let url = self.endpoints.transport_url(logical)?;
        let resp = self
            .client
            .request(method, url)
            .headers(headers)
            .body(body)
            .send()
            .await
            .map_err(|e| http::classify(&host, e, self.timeout.as_secs()))?;
        let server_date = resp
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .map(time::OffsetDateTime::from);
        let (status, body) = http::read_body(resp, MAX_TOKEN_BODY, Expect::Json).await?;
        Ok(Reply {
            status,
            server_date,
            body,
        })
    }

    /// POSTs a form to a token endpoint; `basic` is the confidential client's
    /// id and secret (RFC 6749 2.3.1: each form-encoded, then Base64).
    pub async fn post_form(
        &self,
        logical: &Url,
        form: &[(&str, &str)],
        basic: Option<(&str, &str)>,
    ) -> Result<Reply, HttpError> {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut headers = HeaderMap::new();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        if let Some((id, secret)) = basic {
            let enc =
                |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            let creds = STANDARD.encode(format!("{}:{}", enc(id), enc(secret)));
            let mut value = HeaderValue::from_str(&format!("Basic {creds}")).map_err(|_| {
                HttpError::Other("the client credentials cannot form a header".into())
            })?;
            value.set_sensitive(true);
            headers.insert(AUTHORIZATION, value);
        }
        self.send(reqwest::Method::POST, logical, headers, body.into_bytes())
            .await
    }
}

/// Reads a token endpoint's answer: the tokens on 200, else NetSuite's error.
/// Nothing from the body reaches an error unredacted: it may hold new tokens.
pub(crate) fn token_response(
    reply: &Reply,
    redactor: &Redactor,
) -> Result<TokenResponse, OAuthError> {
    if reply.status != 200 {
        return Err(token_error(reply.status, &reply.body, redactor));
    }
    TokenResponse::parse(&reply.body).map_err(|detail| OAuthError::Protocol {
        status: reply.status,
        detail,
    })
}

/// The access token's lifetime from a parsed response, NetSuite's 60 minutes when absent.
pub(crate) fn lifetime(resp: &TokenResponse) -> Result<Duration, OAuthError> {
    resp.expires_in()
        .map(|d| d.unwrap_or(ACCESS_TOKEN_LIFETIME))
        .map_err(|detail| OAuthError::Protocol {
            status: 200,
            detail,
        })
}

/// `{"error": "...", "error_description": "..."}` as NetSuite's token endpoint returns it.
pub(crate) fn token_error(status: u16, body: &[u8], redactor: &Redactor) -> OAuthError {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        error: String,
        error_description: Option<String>,
    }
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(e) => OAuthError::Token {
            status,
            error: redactor.redact(&e.error),
            description: e.error_description.map(|d| redactor.redact(&d)),
        },
        Err(_) => OAuthError::Protocol {
            status,
            detail: redactor.snippet(body, 200),
        },
    }
}
