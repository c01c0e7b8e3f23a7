//! Token-Based Authentication (OAuth 1.0a, HMAC-SHA256) as NetSuite documents
//! it for REST web services and RESTlets, plus the SOAP tokenPassport.
//!
//! Every attempt (including retries) must be signed afresh: NetSuite rejects a
//! reused nonce, and the signature is single-use even with retry logic.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use onramp_core::Secret;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use rand::distributions::Alphanumeric;
use rand::Rng;
use sha2::Sha256;
use url::Url;

/// RFC 3986 unreserved characters stay as they are; everything else is
/// percent-encoded with uppercase hex (a space becomes `%20`, never `+`).
const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub const SIGNATURE_METHOD: &str = "HMAC-SHA256";
const NONCE_LEN: usize = 20;

/// The four TBA values; all kept as secrets so none lands in logs or reports.
#[derive(Clone, Debug)]
pub struct TbaCredentials {
    pub consumer_key: Secret<String>,
    pub consumer_secret: Secret<String>,
    pub token_id: Secret<String>,
    pub token_secret: Secret<String>,
}

/// Everything that went into one signature, for `explain` and for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub base_string: String,
    /// Base64 signature before percent-encoding.
    pub signature: String,
    /// Full `Authorization` header value.
    pub header: String,
}

pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, RFC3986).to_string()
}

/// A fresh nonce: 20 alphanumerics (NetSuite: at least 6, 20 ideal).
pub fn fresh_nonce() -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(NONCE_LEN)
        .map(char::from)
        .collect()
}

/// Seconds since the Unix epoch from this computer's clock.
pub fn now_timestamp() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

fn hmac_b64(key: &str, data: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(data.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// `scheme://host[:port]/path`, lowercase scheme and host, no query or fragment.
fn base_uri(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    format!("{}://{host}{port}{}", url.scheme(), url.path())
}

/// The signature base string (RFC 5849 §3.4.1): the oauth parameters (never
/// `realm` or `oauth_signature`), the URL's query and any form-encoded body
/// parameters, each encoded first and then sorted by name and value.
pub fn base_string(
    method: &str,
    url: &Url,
    oauth: &[(&str, &str)],
    form_body: &[(&str, &str)],
) -> String {
    let mut params: Vec<(String, String)> = oauth
        .iter()
        .chain(form_body)
        .map(|(k, v)| (encode(k), encode(v)))
        .chain(url.query_pairs().map(|(k, v)| (encode(&k), encode(&v))))
        .collect();
    params.sort();
    let normalized = params
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        encode(&base_uri(url)),
        encode(&normalized)
    )
}

/// Signs one REST or RESTlet request. Query parameters of `url` go into the
/// base string but not the header; JSON bodies are never part of it.
pub fn sign(
    creds: &TbaCredentials,
    method: &str,
    url: &Url,
    realm: &str,
    nonce: &str,
    timestamp: u64,
) -> Signed {
    let timestamp = timestamp.to_string();
    let oauth: [(&str, &str); 6] = [
        ("oauth_consumer_key", creds.consumer_key.expose()),
        ("oauth_nonce", nonce),
        ("oauth_signature_method", SIGNATURE_METHOD),
        ("oauth_timestamp", &timestamp),
        ("oauth_token", creds.token_id.expose()),
        ("oauth_version", "1.0"),
    ];
    let base_string = base_string(method, url, &oauth, &[]);
    let key = format!(
        "{}&{}",
        encode(creds.consumer_secret.expose()),
        encode(creds.token_secret.expose())
    );
    let signature = hmac_b64(&key, &base_string);
    let header = format!(
        "OAuth realm=\"{}\", oauth_token=\"{}\", oauth_consumer_key=\"{}\", oauth_nonce=\"{}\", oauth_timestamp=\"{}\", oauth_signature_method=\"{}\", oauth_version=\"1.0\", oauth_signature=\"{}\"",
        encode(realm),
        encode(creds.token_id.expose()),
        encode(creds.consumer_key.expose()),
        encode(nonce),
        timestamp,
        SIGNATURE_METHOD,
        encode(&signature),
    );
    Signed {
        base_string,
        signature,
        header,
    }
}

/// The SOAP tokenPassport signature: base `account&consumerKey&tokenId&nonce&timestamp`.
pub fn passport_signature(
    creds: &TbaCredentials,
    account: &str,
    nonce: &str,
    timestamp: u64,
) -> Signed {
    let base_string = format!(
        "{account}&{}&{}&{nonce}&{timestamp}",
        creds.consumer_key.expose(),
        creds.token_id.expose()
    );
    let key = format!(
        "{}&{}",
        creds.consumer_secret.expose(),
        creds.token_secret.expose()
    );
    let signature = hmac_b64(&key, &base_string);
    let header = format!("<signature algorithm=\"{SIGNATURE_METHOD}\">{signature}</signature>");
    Signed {
        base_string,
        signature,
        header,
    }
}

/// For the CLI's `tba explain`: the same as `sign`, with a fresh nonce and
/// timestamp unless given, so users can compare with their own code.
pub fn explain(
    creds: &TbaCredentials,
    method: &str,
    url: &Url,
    realm: &str,
    nonce: Option<&str>,
    timestamp: Option<u64>,
) -> Signed {
    let nonce = nonce.map(str::to_owned).unwrap_or_else(fresh_nonce);
    sign(
        creds,
        method,
        url,
        realm,
        &nonce,
        timestamp.unwrap_or_else(now_timestamp),
    )
}

#[cfg(test)]
mod tests;
