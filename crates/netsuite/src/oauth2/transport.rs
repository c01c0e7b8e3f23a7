//! Sends token-endpoint requests through `Endpoints`, with the shared size cap
//! and HTML-page detection, for both the `oauth2` crate and the M2M request.

use std::time::Duration;

use onramp_core::http::{self, Endpoints, Expect, HttpError};
use url::Url;

use super::OAuthError;

/// Token responses are small; anything bigger is not a token response.
const MAX_TOKEN_BODY: usize = 256 * 1024;

#[derive(Clone)]
pub(crate) struct Transport {
    client: reqwest::Client,
    endpoints: Endpoints,
    timeout: Duration,
}

pub(crate) struct Reply {
    pub status: u16,
    pub content_type: Option<String>,
    /// The server's `Date` header, to tell clock skew from other refusals.
    pub server_date: Option<time::OffsetDateTime>,
    pub body: Vec<u8>,
}

impl Transport {
    pub fn new(endpoints: Endpoints, timeout: Duration) -> Result<Self, OAuthError> {
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
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let server_date = resp
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .map(time::OffsetDateTime::from);
        let (status, body) = http::read_body(resp, MAX_TOKEN_BODY, Expect::Json).await?;
        Ok(Reply {
            status,
            content_type,
            server_date,
            body,
        })
    }
}

/// The `oauth2` crate's HTTP hook. A named impl with a boxed `Send` future
/// (rather than a closure) keeps the token calls' futures `Send`, so an app
/// can spawn them on a multi-threaded runtime.
impl<'c> oauth2::AsyncHttpClient<'c> for Transport {
    type Error = HttpError;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<oauth2::HttpResponse, HttpError>> + Send + 'c>,
    >;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(self.oauth2_call(request))
    }
}

impl Transport {
    /// Same path as every other request.
    pub async fn oauth2_call(
        &self,
        req: oauth2::HttpRequest,
    ) -> Result<oauth2::HttpResponse, HttpError> {
        let (parts, body) = req.into_parts();
        let logical = Url::parse(&parts.uri.to_string())
            .map_err(|e| HttpError::Other(format!("bad token URL: {e}")))?;
        let reply = self
            .send(parts.method, &logical, parts.headers, body)
            .await?;
        let mut builder = oauth2::http::Response::builder().status(reply.status);
        if let Some(ct) = reply.content_type {
            builder = builder.header(oauth2::http::header::CONTENT_TYPE, ct);
        }
        builder
            .body(reply.body)
            .map_err(|e| HttpError::Other(e.to_string()))
    }
}

/// `{"error": "...", "error_description": "..."}` as NetSuite's token endpoint returns it.
pub(crate) fn token_error(status: u16, body: &[u8]) -> OAuthError {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        error: String,
        error_description: Option<String>,
    }
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(e) => OAuthError::Token {
            status,
            error: e.error,
            description: e.error_description,
        },
        Err(_) => OAuthError::Protocol {
            status,
            detail: snippet(body),
        },
    }
}

pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let t: String = text.chars().take(200).collect();
    if t.trim().is_empty() {
        "(empty body)".into()
    } else {
        t
    }
}
