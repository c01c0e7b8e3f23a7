//! HTTP plumbing shared by the ERP clients: one configured client (User-Agent,
//! timeouts, rustls), a capped body reader that recognises HTML login pages, and
//! the endpoint override that sends a request meant for a real ERP host to a
//! local endpoint (the simulator) while keeping that host in the path.

use std::time::Duration;

use url::Url;

mod redirect;
mod traffic;

pub use traffic::{InFlight, Traffic, TrafficStats};

/// Responses larger than this are refused rather than buffered.
pub const DEFAULT_MAX_BODY: usize = 8 * 1024 * 1024;
pub const USER_AGENT: &str = concat!("Onramp/", env!("CARGO_PKG_VERSION"));

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("could not reach {host}: {detail}")]
    Connect { host: String, detail: String },
    #[error("{host} did not answer within {}", within(.secs))]
    Timeout { host: String, secs: u64 },
    #[error("secure connection to {host} failed: {detail}")]
    Tls { host: String, detail: String },
    #[error("the response from {host} is larger than {limit} bytes and was not read")]
    TooLarge { host: String, limit: usize },
    #[error("the response from {host} was cut off: {detail}")]
    Truncated { host: String, detail: String },
    #[error("{host} answered with a web page (HTTP {status}) instead of {expected}; a proxy, a login page or an outage page is in the way")]
    HtmlPage {
        host: String,
        status: u16,
        expected: &'static str,
    },
    #[error("{host} tried to send this request on to {to}; Onramp {} because the request carries credentials: check the account ID or URL, or whether a proxy rewrites requests", refusal(.downgrade))]
    Redirected {
        host: String,
        /// Where the server pointed, without query string or user info.
        to: String,
        downgrade: bool,
    },
    #[error("refused to use {url}: {reason}")]
    BadEndpoint { url: String, reason: String },
    #[error("HTTP error: {0}")]
    Other(String),
}

fn within(secs: &u64) -> String {
    if *secs == 0 {
        "the time allowed".into()
    } else {
        format!("{secs} s")
    }
}

fn refusal(downgrade: &bool) -> &'static str {
    if *downgrade {
        "never falls back from HTTPS to plain HTTP"
    } else {
        "follows no redirect to another server"
    }
}

/// Builds the one reqwest client an ERP client uses. Every request it sends
/// carries credentials (a signed header, a token or passwords in the body), so
/// it follows redirects only within the same origin (see `redirect`).
pub fn client(timeout: Duration) -> Result<reqwest::Client, HttpError> {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .redirect(redirect::policy())
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(10))
        .https_only(false) // enforced per URL by `EndpointOverride`/`check_url` so loopback HTTP works
        .build()
        .map_err(|e| HttpError::Other(e.to_string()))
}

/// Refuses plain HTTP except to loopback: credentials never travel in clear text.
pub fn check_url(url: &Url) -> Result<(), HttpError> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        _ => Err(HttpError::BadEndpoint {
            url: url.to_string(),
            reason:
                "only HTTPS is allowed (plain HTTP only to this computer, 127.0.0.1 or localhost)"
                    .into(),
        }),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Sends requests meant for `https://HOST/path?q` to `BASE/HOST/path?q`.
///
/// Signatures and redirects are always computed over the real ERP URL; only the
/// transport changes, so the endpoint behind `BASE` (the simulator) sees which
/// host the client meant and can enforce host/realm rules like the real service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointOverride {
    base: Url,
}

impl EndpointOverride {
    pub fn new(base: &str) -> Result<Self, HttpError> {
        let trimmed = base.trim();
        let mut url = Url::parse(trimmed).map_err(|e| HttpError::BadEndpoint {
            url: trimmed.to_string(),
            reason: e.to_string(),
        })?;
        check_url(&url)?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(HttpError::BadEndpoint {
                url: trimmed.into(),
                reason: "a base URL has no query or fragment".into(),
            });
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(Self { base: url })
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    /// The transport URL for a logical ERP URL.
    pub fn map(&self, logical: &Url) -> Url {
        let host = logical.host_str().unwrap_or_default();
        let mut out = self.base.clone();
        let path = format!("{}{}{}", self.base.path(), host, logical.path());
        out.set_path(&path);
        out.set_query(logical.query());
        out
    }

    /// The inverse of `map`, as the simulator uses it: `/HOST/path` → (`HOST`, `/path`).
    pub fn split_path(path: &str) -> Option<(&str, &str)> {
        let rest = path.strip_prefix('/')?;
        let (host, _) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() || !host.contains('.') {
            return None;
        }
        Some((host, &path[1 + host.len()..]))
    }
}

/// Where a request goes: straight to the ERP, or through an override.
#[derive(Debug, Clone, Default)]
pub struct Endpoints {
    pub override_base: Option<EndpointOverride>,
}

impl Endpoints {
    pub fn transport_url(&self, logical: &Url) -> Result<Url, HttpError> {
        match &self.override_base {
            Some(o) => Ok(o.map(logical)),
            None => {
                check_url(logical)?;
                Ok(logical.clone())
            }
        }
    }
}

/// What the caller expects in the body, for the HTML-page message.
#[derive(Debug, Clone, Copy)]
pub enum Expect {
    Json,
    Xml,
}

impl Expect {
    fn name(self) -> &'static str {
        match self {
            Expect::Json => "JSON",
            Expect::Xml => "XML",
        }
    }
}

/// Reads a body up to `limit` bytes, refusing larger ones and HTML pages.
pub async fn read_body(
    resp: reqwest::Response,
    limit: usize,
    expect: Expect,
) -> Result<(u16, Vec<u8>), HttpError> {
    let status = resp.status().as_u16();
    let host = resp.url().host_str().unwrap_or_default().to_string();
    if resp.content_length().is_some_and(|n| n as usize > limit) {
        return Err(HttpError::TooLarge { host, limit });
    }
    let is_html_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("text/html"));
    let mut resp = resp;
    let mut body = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > limit {
                    return Err(HttpError::TooLarge { host, limit });
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) => return Err(classify(&host, e, 0)),
        }
    }
    if is_html_type || looks_like_html(&body) {
        return Err(HttpError::HtmlPage {
            host,
            status,
            expected: expect.name(),
        });
    }
    Ok((status, body))
}

fn looks_like_html(body: &[u8]) -> bool {
    let head: String = String::from_utf8_lossy(&body[..body.len().min(512)])
        .trim_start()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Maps a reqwest error to what a person can act on.
pub fn classify(host: &str, e: reqwest::Error, timeout_secs: u64) -> HttpError {
    let host = host.to_string();
    // reqwest quotes the URL, which can carry a token or code in its query.
    let detail = crate::redact::redact_fields(&error_chain(&e));
    if let Some(r) = redirect::refused(&e) {
        HttpError::Redirected {
            host,
            to: r.to.clone(),
            downgrade: r.downgrade,
        }
    } else if e.is_timeout() {
        HttpError::Timeout {
            host,
            secs: timeout_secs,
        }
    } else if detail.to_ascii_lowercase().contains("certificate")
        || detail.contains("tls")
        || detail.contains("TLS")
    {
        HttpError::Tls { host, detail }
    } else if e.is_connect() {
        HttpError::Connect { host, detail }
    } else if e.is_body() || e.is_decode() {
        HttpError::Truncated { host, detail }
    } else {
        HttpError::Other(detail)
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_keeps_host_in_path_and_query() {
        let o = EndpointOverride::new("http://127.0.0.1:8080").unwrap();
        let logical = Url::parse("https://123456-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=5&offset=10").unwrap();
        assert_eq!(
            o.map(&logical).as_str(),
            "http://127.0.0.1:8080/123456-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=5&offset=10"
        );
        let mapped = o.map(&logical);
        assert_eq!(
            EndpointOverride::split_path(mapped.path()),
            Some((
                "123456-sb1.suitetalk.api.netsuite.com",
                "/services/rest/query/v1/suiteql"
            ))
        );
    }

    #[test]
    fn plain_http_only_to_loopback() {
        assert!(EndpointOverride::new("http://localhost:1/").is_ok());
        assert!(EndpointOverride::new("http://[::1]:1/").is_ok());
        assert!(matches!(
            EndpointOverride::new("http://example.com/"),
            Err(HttpError::BadEndpoint { .. })
        ));
        assert!(matches!(
            EndpointOverride::new("ftp://127.0.0.1/"),
            Err(HttpError::BadEndpoint { .. })
        ));
        let e = Endpoints::default();
        assert!(e
            .transport_url(&Url::parse("http://api.intacct.com/x").unwrap())
            .is_err());
        assert!(e
            .transport_url(&Url::parse("https://api.intacct.com/x").unwrap())
            .is_ok());
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<html><body>Login</body></html>"));
        assert!(!looks_like_html(b"{\"a\":1}"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><response/>"));
    }
}
