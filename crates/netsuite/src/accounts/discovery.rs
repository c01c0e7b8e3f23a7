//! Domain discovery: Oracle asks integrations not to construct domains but to
//! read them from the account; the unauthenticated `datacenterurls` service
//! answers that. When it cannot be reached we fall back to the derived hosts.

use std::time::Duration;

use onramp_core::http::{self, Endpoints, Expect};
use serde::Deserialize;
use url::Url;

use super::Account;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainSource {
    Discovered,
    /// Derived from the account ID because discovery failed (reason kept for evidence).
    Derived,
    /// Discovery answered that it does not know the account (a 4xx): the ID is
    /// probably mistyped. Hosts are derived.
    UnknownAccount,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domains {
    /// REST web services and SuiteQL host (`webservicesDomain`).
    pub rest_host: String,
    /// RESTlets host (`restDomain`).
    pub restlets_host: String,
    /// UI host (`systemDomain`).
    pub app_host: String,
    pub source: DomainSource,
    /// Why discovery failed, when it did.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DataCenterUrls {
    rest_domain: String,
    webservices_domain: String,
    system_domain: String,
}

impl Domains {
    pub fn derived(account: &Account, note: impl Into<String>) -> Self {
        Self {
            rest_host: account.rest_host(),
            restlets_host: account.restlets_host(),
            app_host: account.app_host(),
            source: DomainSource::Derived,
            note: Some(note.into()),
        }
    }
}

/// Asks `rest.netsuite.com/rest/datacenterurls` for the account's domains.
pub async fn discover_domains(
    account: &Account,
    endpoints: &Endpoints,
    timeout: Duration,
) -> Domains {
    match try_discover(account, endpoints, timeout).await {
        Ok(d) => d,
        Err(Failure::Unknown(status)) => Domains {
            source: DomainSource::UnknownAccount,
            ..Domains::derived(account, format!("domain discovery answered HTTP {status}"))
        },
        Err(Failure::Other(reason)) => Domains::derived(account, reason),
    }
}

enum Failure {
    Unknown(u16),
    Other(String),
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Self::Other(s)
    }
}

async fn try_discover(
    account: &Account,
    endpoints: &Endpoints,
    timeout: Duration,
) -> Result<Domains, Failure> {
    let mut logical =
        Url::parse("https://rest.netsuite.com/rest/datacenterurls").map_err(|e| e.to_string())?;
    logical
        .query_pairs_mut()
        .append_pair("account", account.realm());
    let url = endpoints
        .transport_url(&logical)
        .map_err(|e| e.to_string())?;
    let client = http::client(timeout).map_err(|e| e.to_string())?;
    let resp = client
        .get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| http::classify("rest.netsuite.com", e, timeout.as_secs()).to_string())?;
    let (status, body) = http::read_body(resp, 64 * 1024, Expect::Json)
        .await
        .map_err(|e| e.to_string())?;
    // The answer for an unknown account is undocumented; any 4xx but 429 means "not this ID".
    if (400..500).contains(&status) && status != 429 {
        return Err(Failure::Unknown(status));
    }
    if status != 200 {
        return Err(format!("domain discovery answered HTTP {status}").into());
    }
    let urls: DataCenterUrls = serde_json::from_slice(&body)
        .map_err(|e| format!("domain discovery answered an unexpected body: {e}"))?;
    let host = |d: &str| host_of(d).map_err(Failure::Other);
    Ok(Domains {
        rest_host: host(&urls.webservices_domain)?,
        restlets_host: host(&urls.rest_domain)?,
        app_host: host(&urls.system_domain)?,
        source: DomainSource::Discovered,
        note: None,
    })
}

fn host_of(domain: &str) -> Result<String, String> {
    Url::parse(domain)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
        .ok_or_else(|| format!("domain discovery returned '{domain}', which is not a URL"))
}
