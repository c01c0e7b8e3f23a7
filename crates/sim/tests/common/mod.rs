//! Test harness: starts the simulator on 127.0.0.1:0 and signs TBA requests with
//! a small signer written here from RFC 5849 (not the simulator's own code).
#![allow(dead_code)] // each test binary uses a different subset

use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, Mac};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;
use sha2::Sha256;

pub const PROD_HOST: &str = "1234567.suitetalk.api.netsuite.com";
pub const SB_HOST: &str = "1234567-sb1.suitetalk.api.netsuite.com";

const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn enc(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// TBA credentials and the knobs a test turns to break a request on purpose.
#[derive(Clone)]
pub struct Signer {
    pub realm: String,
    pub consumer_key: String,
    pub consumer_secret: String,
    pub token: String,
    pub token_secret: String,
    pub method: String,
    pub version: Option<String>,
    pub timestamp: i64,
    pub nonce: String,
}

impl Signer {
    /// The scenario's client credentials, timestamp "now" on this computer.
    pub fn from_scenario(s: &Scenario) -> Self {
        let c = &s.netsuite.as_ref().unwrap().client;
        Self {
            realm: c.account_id.clone().unwrap(),
            consumer_key: c.consumer_key.clone().unwrap(),
            consumer_secret: c.consumer_secret.clone().unwrap(),
            token: c.token_id.clone().unwrap(),
            token_secret: c.token_secret.clone().unwrap(),
            method: "HMAC-SHA256".into(),
            version: Some("1.0".into()),
            timestamp: time::OffsetDateTime::now_utc().unix_timestamp(),
            nonce: fresh_nonce(),
        }
    }

    /// The Authorization header for `method https://host/path?query`.
    pub fn header(&self, http_method: &str, host: &str, path_and_query: &str) -> String {
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let mut oauth = vec![
            ("oauth_consumer_key".to_string(), self.consumer_key.clone()),
            ("oauth_nonce".to_string(), self.nonce.clone()),
            ("oauth_signature_method".to_string(), self.method.clone()),
            ("oauth_timestamp".to_string(), self.timestamp.to_string()),
            ("oauth_token".to_string(), self.token.clone()),
        ];
        if let Some(v) = &self.version {
            oauth.push(("oauth_version".to_string(), v.clone()));
        }
        let mut all: Vec<(String, String)> = oauth.iter().map(|(k, v)| (enc(k), enc(v))).collect();
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            all.push((enc(&k), enc(&v)));
        }
        all.sort();
        let params = all
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        let base = format!(
            "{http_method}&{}&{}",
            enc(&format!("https://{host}{path}")),
            enc(&params)
        );
        let key = format!("{}&{}", enc(&self.consumer_secret), enc(&self.token_secret));
        let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
        mac.update(base.as_bytes());
        let sig = STANDARD.encode(mac.finalize().into_bytes());
        let mut parts = vec![format!("realm=\"{}\"", self.realm)];
        for (k, v) in oauth {
            parts.push(format!("{k}=\"{}\"", enc(&v)));
        }
        parts.push(format!("oauth_signature=\"{}\"", enc(&sig)));
        format!("OAuth {}", parts.join(", "))
    }
}

pub fn fresh_nonce() -> String {
    use rand::{distributions::Alphanumeric, Rng};
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(char::from)
        .collect()
}

pub async fn start(scenario: &Scenario, options: SimOptions) -> SimHandle {
    Simulator::start(scenario.clone(), options).await.unwrap()
}

pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

/// Sends a signed (or deliberately unsigned: `auth = None`) request.
pub async fn send(
    sim: &SimHandle,
    method: &str,
    host: &str,
    path_and_query: &str,
    auth: Option<String>,
    body: Option<(&str, &str)>,
) -> Reply {
    let url = format!("{}/{host}{path_and_query}", sim.base_url());
    let mut req = reqwest::Client::new().request(method.parse().unwrap(), url);
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    if let Some((prefer, json)) = body {
        req = req
            .header("Content-Type", "application/json")
            .body(json.to_string());
        if !prefer.is_empty() {
            req = req.header("Prefer", prefer);
        }
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let text = resp.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Reply {
        status,
        headers,
        body,
    }
}

/// A signed GET with a fresh nonce.
pub async fn get(sim: &SimHandle, signer: &Signer, host: &str, path: &str) -> Reply {
    let mut s = signer.clone();
    s.nonce = fresh_nonce();
    send(
        sim,
        "GET",
        host,
        path,
        Some(s.header("GET", host, path)),
        None,
    )
    .await
}

/// Rows of the Login Audit Trail, newest first.
pub async fn audit(sim: &SimHandle) -> Vec<Value> {
    let url = format!("{}/__sim/netsuite/login-audit-trail", sim.base_url());
    let v: Value = reqwest::get(url).await.unwrap().json().await.unwrap();
    v["rows"].as_array().unwrap().clone()
}

pub async fn last_detail(sim: &SimHandle) -> String {
    audit(sim).await[0]["detail"].as_str().unwrap().to_string()
}

/// The documented 401 body, verbatim.
pub fn invalid_login_body() -> Value {
    serde_json::json!({
        "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
        "title": "Unauthorized",
        "status": 401,
        "o:errorDetails": [{
            "detail": "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.",
            "o:errorCode": "INVALID_LOGIN"
        }]
    })
}

pub fn assert_invalid_login(r: &Reply) {
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(r.body, invalid_login_body());
    assert_eq!(
        r.headers["content-type"],
        "application/vnd.oracle.resource+json; type=error"
    );
}
