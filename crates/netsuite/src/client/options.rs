//! How a client signs in and how it behaves on the wire.

use std::time::{Duration, Instant};

use onramp_core::http::{self, Endpoints};
use onramp_core::{Redactor, Secret};
use tokio_util::sync::CancellationToken;

use crate::governance::{self, Governor};
use crate::tba::TbaCredentials;

/// How the client proves who it is.
#[derive(Clone, Debug)]
pub enum Credentials {
    Tba(TbaCredentials),
    /// An OAuth 2.0 access token (authorization code or M2M).
    Bearer(Secret<String>),
}

impl Credentials {
    /// Removes these credentials (and token-shaped fields) from server text:
    /// NetSuite's error details can echo what was sent.
    pub fn redactor(&self) -> Redactor {
        match self {
            Credentials::Tba(t) => Redactor::new()
                .with(t.consumer_key.expose())
                .with(t.consumer_secret.expose())
                .with(t.token_id.expose())
                .with(t.token_secret.expose()),
            Credentials::Bearer(b) => Redactor::new().with(b.expose()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct ClientOptions {
    pub endpoints: Endpoints,
    /// Per request.
    pub timeout: Duration,
    /// Used when `governor` is not given.
    pub concurrency_limit: usize,
    /// Retries after 429 / CONCURRENCY_LIMIT_EXCEEDED.
    pub max_retries: u32,
    /// Nothing is sent after this instant.
    pub deadline: Option<Instant>,
    pub max_body: usize,
    pub cancel: CancellationToken,
    /// Share one governor between clients of the same account.
    pub governor: Option<Governor>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            endpoints: Endpoints::default(),
            timeout: Duration::from_secs(30),
            concurrency_limit: governance::DEFAULT_CONCURRENCY,
            max_retries: 4,
            deadline: None,
            max_body: http::DEFAULT_MAX_BODY,
            cancel: CancellationToken::new(),
            governor: None,
        }
    }
}
