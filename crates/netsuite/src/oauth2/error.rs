//! What can go wrong in an OAuth 2.0 exchange, kept close to NetSuite's own
//! error values so `diagnose` can turn each into cause → fix → where.

use onramp_core::http::HttpError;

#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    /// Bad input caught before anything was sent (scopes, redirect URI, pasted URL…).
    #[error("{0}")]
    InvalidInput(String),
    /// The redirect carried `error=…` (authorize step).
    #[error("NetSuite refused the authorization: {error}{}", description.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Authorize {
        error: String,
        description: Option<String>,
    },
    /// The state in the returned URL is not the one this flow sent.
    #[error("the returned address belongs to a different sign-in attempt (its state does not match); start the connection again")]
    StateMismatch,
    /// The token or revoke endpoint answered `{"error": …}`.
    #[error("the NetSuite token endpoint answered HTTP {status} {error}{}", description.as_deref().map(|d| format!(": {d}")).unwrap_or_default())]
    Token {
        status: u16,
        error: String,
        description: Option<String>,
    },
    /// The response was not what the protocol promises (not JSON, missing fields).
    #[error(
        "the NetSuite token endpoint answered HTTP {status} with an unexpected body: {detail}"
    )]
    Protocol { status: u16, detail: String },
    /// NetSuite refused a client assertion and its clock differs from ours by over a minute.
    #[error("NetSuite refused the token request ({error}) and this computer's clock is {skew_seconds} s off NetSuite's")]
    ClockSkew { skew_seconds: i64, error: String },
    #[error(transparent)]
    Http(#[from] HttpError),
    /// Key or certificate handling failed locally.
    #[error("{0}")]
    Crypto(String),
}

impl OAuthError {
    /// The OAuth error value (`invalid_grant`, `access_denied`…), when NetSuite gave one.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            OAuthError::Authorize { error, .. }
            | OAuthError::Token { error, .. }
            | OAuthError::ClockSkew { error, .. } => Some(error),
            _ => None,
        }
    }
}
