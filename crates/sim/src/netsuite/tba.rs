//! OAuth 1.0a as NetSuite applies it to Token-Based Authentication: parsing the
//! `Authorization: OAuth ...` header, building the signature base string (RFC 5849
//! §3.4.1) over the real NetSuite URL, and HMAC-SHA256 signing. Written from the
//! specification, independently of Onramp's client.

use std::collections::BTreeMap;

use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::Sha256;

/// RFC 3986 unreserved characters stay as they are; everything else is %XX (uppercase).
const OAUTH_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, OAUTH_ENCODE).to_string()
}

/// The parameters of an `OAuth` Authorization header, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthHeader {
    pub params: BTreeMap<String, String>,
}

/// Why a header could not be read: NetSuite logs `parameter_rejected`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderError {
    NotOAuth,
    Malformed(String),
    Duplicated(String),
    Empty(String),
}

impl OAuthHeader {
    pub fn parse(header: &str) -> Result<Self, HeaderError> {
        let header = header.trim();
        let rest = match header.split_once(' ') {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("OAuth") => rest,
            _ => return Err(HeaderError::NotOAuth),
        };
        let mut params = BTreeMap::new();
        for part in rest.split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (name, raw) = part
                .split_once('=')
                .ok_or_else(|| HeaderError::Malformed(part.to_string()))?;
            let name = name.trim().to_string();
            let raw = raw.trim();
            let quoted = raw
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .ok_or_else(|| HeaderError::Malformed(name.clone()))?;
            let value = percent_decode_str(quoted)
                .decode_utf8()
                .map_err(|_| HeaderError::Malformed(name.clone()))?
                .into_owned();
            if value.is_empty() {
                return Err(HeaderError::Empty(name));
            }
            if params.insert(name.clone(), value).is_some() {
                return Err(HeaderError::Duplicated(name));
            }
        }
        Ok(Self { params })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }
}

/// `METHOD&enc(base_url)&enc(normalized params)`.
///
/// `base_url` is `https://host/path` (lowercase host, no query); `params` are the
/// header's oauth_* parameters (realm and signature are dropped here), the query
/// parameters and any form-encoded body parameters, all decoded.
pub fn base_string(method: &str, base_url: &str, params: &[(String, String)]) -> String {
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .filter(|(k, _)| k != "realm" && k != "oauth_signature")
        .map(|(k, v)| (encode(k), encode(v)))
        .collect();
    pairs.sort();
    let normalized = pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        encode(base_url),
        encode(&normalized)
    )
}

/// Base64 of HMAC-SHA256 keyed with `enc(consumer_secret)&enc(token_secret)`.
pub fn sign(base: &str, consumer_secret: &str, token_secret: &str) -> String {
    let key = format!("{}&{}", encode(consumer_secret), encode(token_secret));
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(base.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// Constant-time comparison of the received and expected signatures.
pub fn signatures_match(received: &str, expected: &str) -> bool {
    let (a, b) = (received.as_bytes(), expected.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Query string (or form body) pairs, decoded as application/x-www-form-urlencoded.
pub fn form_pairs(raw: &str) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[cfg(test)]
#[path = "tba_tests.rs"]
mod tests;
