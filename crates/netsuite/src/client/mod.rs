//! REST web services and SuiteQL client: signs every attempt afresh, respects
//! the shared concurrency governor, retries 429s with jittered backoff, and
//! keeps the server's `Date` to measure clock skew even on a refused login.

mod clock;
mod options;
pub mod sql;
mod types;
mod validate;

pub use clock::ClockObservation;
pub use options::{ClientOptions, Credentials};
pub use sql::Literal;
pub use types::{Collection, GovernanceLimits, LimitType, ServerTime};
pub use validate::{MAX_PAGE, MAX_SUITEQL_ROWS};

use validate::{check_limit, check_segment};

use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use onramp_core::http::{self, Expect};
use reqwest::header::{HeaderMap, AUTHORIZATION, DATE, LOCATION, WWW_AUTHENTICATE};
use reqwest::Method;
use serde_json::Value;
use url::Url;

use crate::accounts::Account;
use crate::errors::{self, NetSuiteError};
use crate::governance::{self, Governor};
use crate::tba;

pub struct NetSuiteClient {
    account: Account,
    credentials: Credentials,
    http: reqwest::Client,
    options: ClientOptions,
    governor: Governor,
    clock: Mutex<Option<ClockObservation>>,
}

impl NetSuiteClient {
    pub fn new(
        account: Account,
        credentials: Credentials,
        options: ClientOptions,
    ) -> Result<Self, NetSuiteError> {
        let http = http::client(options.timeout)?;
        let governor = options
            .governor
            .clone()
            .unwrap_or_else(|| Governor::new(options.concurrency_limit));
        Ok(Self {
            account,
            credentials,
            http,
            options,
            governor,
            clock: Mutex::new(None),
        })
    }

    pub fn account(&self) -> &Account {
        &self.account
    }

    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    pub fn governor(&self) -> &Governor {
        &self.governor
    }

    /// The latest server `Date` seen, with the skew against this computer.
    pub fn clock(&self) -> Option<ClockObservation> {
        *self.clock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `GET /system/v1/serverTime`: needs no permission, so it tests login alone.
    pub async fn server_time(&self) -> Result<ServerTime, NetSuiteError> {
        let sent = SystemTime::now();
        let body = self
            .json(Method::GET, "/services/rest/system/v1/serverTime", None)
            .await?;
        ServerTime::from_json(&body, sent, SystemTime::now())
    }

    pub async fn get_record(&self, record_type: &str, id: &str) -> Result<Value, NetSuiteError> {
        check_segment("record type", record_type)?;
        check_segment("record ID", id)?;
        self.json(
            Method::GET,
            &format!("/services/rest/record/v1/{record_type}/{id}"),
            None,
        )
        .await
    }

    pub async fn list_records(
        &self,
        record_type: &str,
        limit: u32,
    ) -> Result<Collection, NetSuiteError> {
        check_segment("record type", record_type)?;
        check_limit(limit)?;
        let body = self
            .json(
                Method::GET,
                &format!("/services/rest/record/v1/{record_type}?limit={limit}"),
                None,
            )
            .await?;
        Collection::from_json(body)
    }

    /// SuiteQL with each `?` replaced by a safely quoted literal from `params`
    /// (numbers must be IDs, strings are text): REST takes only `q`.
    pub async fn suiteql_with_params(
        &self,
        query: &str,
        params: &[Value],
        limit: u32,
        offset: u64,
    ) -> Result<Collection, NetSuiteError> {
        let literals = params
            .iter()
            .map(Literal::from_json)
            .collect::<Result<Vec<_>, _>>()?;
        self.suiteql(&sql::inline(query, &literals)?, limit, offset)
            .await
    }

    /// `POST /query/v1/suiteql` with `Prefer: transient` and only `q` in the
    /// body. Paging rules are checked here: NetSuite rejects an offset that is
    /// not a multiple of the limit.
    pub async fn suiteql(
        &self,
        query: &str,
        limit: u32,
        offset: u64,
    ) -> Result<Collection, NetSuiteError> {
        check_limit(limit)?;
        if !offset.is_multiple_of(u64::from(limit)) {
            return Err(NetSuiteError::Refused(format!(
                "offset {offset} is not a multiple of limit {limit}; NetSuite rejects such pages"
            )));
        }
        if offset >= MAX_SUITEQL_ROWS {
            return Err(NetSuiteError::Refused(format!(
                "SuiteQL returns at most {MAX_SUITEQL_ROWS} rows; page with WHERE id > last instead of offset {offset}"
            )));
        }
        if query.trim().is_empty() {
            return Err(NetSuiteError::Refused("the SuiteQL query is empty".into()));
        }
        let body = serde_json::json!({ "q": query });
        let resp = self
            .json(
                Method::POST,
                &format!("/services/rest/query/v1/suiteql?limit={limit}&offset={offset}"),
                Some(&body),
            )
            .await?;
        Collection::from_json(resp)
    }

    /// `GET /system/v1/governanceLimits` (administrators only).
    pub async fn governance_limits(&self) -> Result<GovernanceLimits, NetSuiteError> {
        let body = self
            .json(
                Method::GET,
                "/services/rest/system/v1/governanceLimits",
                None,
            )
            .await?;
        Ok(GovernanceLimits::from_json(body))
    }

    /// `GET /app/site/hosting/restlet.nl?script=…&deploy=…` on the account's
    /// RESTlet domain: the deployment's answer, parsed as JSON.
    pub async fn restlet_get(&self, script: &str, deploy: &str) -> Result<Value, NetSuiteError> {
        check_segment("script ID", script)?;
        check_segment("deployment ID", deploy)?;
        let url = Url::parse_with_params(
            &format!(
                "https://{}/app/site/hosting/restlet.nl",
                self.account.restlets_host()
            ),
            [("script", script), ("deploy", deploy)],
        )
        .map_err(|e| NetSuiteError::Refused(format!("bad URL: {e}")))?;
        self.send(Method::GET, url, None).await
    }

    fn logical_url(&self, path_and_query: &str) -> Result<Url, NetSuiteError> {
        Url::parse(&format!(
            "https://{}{path_and_query}",
            self.account.rest_host()
        ))
        .map_err(|e| NetSuiteError::Refused(format!("bad URL: {e}")))
    }

    fn authorization(&self, method: &Method, logical: &Url) -> String {
        match &self.credentials {
            // A fresh nonce and timestamp per attempt: NetSuite rejects reuse.
            Credentials::Tba(c) => {
                tba::sign(
                    c,
                    method.as_str(),
                    logical,
                    self.account.realm(),
                    &tba::fresh_nonce(),
                    tba::now_timestamp(),
                )
                .header
            }
            Credentials::Bearer(token) => format!("Bearer {}", token.expose()),
        }
    }

    async fn json(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<&Value>,
    ) -> Result<Value, NetSuiteError> {
        self.send(method, self.logical_url(path_and_query)?, body)
            .await
    }

    /// `POST /record/v1/{type}`: NetSuite answers 204 with the new record's
    /// URL in `Location` (help section_1545141395); its last segment is the ID.
    pub async fn create_record(
        &self,
        record_type: &str,
        body: &Value,
    ) -> Result<String, NetSuiteError> {
        check_segment("record type", record_type)?;
        let logical = self.logical_url(&format!("/services/rest/record/v1/{record_type}"))?;
        let answer = self.send_for(Method::POST, logical, Some(body)).await?;
        let location = answer.location.ok_or_else(|| {
            NetSuiteError::Refused(
                "NetSuite created the record but sent no Location header to name it".into(),
            )
        })?;
        created_id(&location, record_type)
    }

    /// `PATCH /record/v1/{type}/{id}`: only the fields sent change (204).
    pub async fn patch_record(
        &self,
        record_type: &str,
        id: &str,
        body: &Value,
    ) -> Result<(), NetSuiteError> {
        check_segment("record type", record_type)?;
        check_segment("record ID", id)?;
        self.json(
            Method::PATCH,
            &format!("/services/rest/record/v1/{record_type}/{id}"),
            Some(body),
        )
        .await
        .map(|_| ())
    }

    /// A request to the account's RESTlets domain, where NetSuite serves the
    /// OAuth 2.0 certificate endpoints (help article_92130837826).
    pub async fn restlets_json(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, NetSuiteError> {
        let url = Url::parse(&format!("https://{}{path}", self.account.restlets_host()))
            .map_err(|e| NetSuiteError::Refused(format!("bad URL: {e}")))?;
        self.send(method, url, body).await
    }

    async fn send(
        &self,
        method: Method,
        logical: Url,
        body: Option<&Value>,
    ) -> Result<Value, NetSuiteError> {
        self.send_for(method, logical, body).await.map(|a| a.body)
    }

    async fn send_for(
        &self,
        method: Method,
        logical: Url,
        body: Option<&Value>,
    ) -> Result<Answer, NetSuiteError> {
        let mut attempt = 0;
        loop {
            match self.attempt(&method, &logical, body).await {
                Err(NetSuiteError::ConcurrencyLimitExceeded) => {
                    self.governor.record_throttled().await;
                    if attempt >= self.options.max_retries {
                        return Err(NetSuiteError::ConcurrencyLimitExceeded);
                    }
                    self.wait(governance::backoff(attempt)).await?;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// Sleeps unless cancelled or past the deadline first.
    async fn wait(&self, d: Duration) -> Result<(), NetSuiteError> {
        self.guard(async {
            tokio::time::sleep(d).await;
            Ok(())
        })
        .await
    }

    /// Runs `fut` unless the run is cancelled or its deadline passes first.
    async fn guard<T>(
        &self,
        fut: impl std::future::Future<Output = Result<T, NetSuiteError>>,
    ) -> Result<T, NetSuiteError> {
        let deadline = self.options.deadline.map(tokio::time::Instant::from_std);
        let until_deadline = async {
            match deadline {
                Some(d) => tokio::time::sleep_until(d).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            r = fut => r,
            _ = self.options.cancel.cancelled() => Err(NetSuiteError::Cancelled),
            _ = until_deadline => Err(NetSuiteError::DeadlineReached),
        }
    }

    async fn attempt(
        &self,
        method: &Method,
        logical: &Url,
        body: Option<&Value>,
    ) -> Result<Answer, NetSuiteError> {
        if self.options.cancel.is_cancelled() {
            return Err(NetSuiteError::Cancelled);
        }
        if self.options.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(NetSuiteError::DeadlineReached);
        }
        let host = logical.host_str().unwrap_or_default().to_string();
        let transport = self.options.endpoints.transport_url(logical)?;
        self.guard(async {
            let _permit = self.governor.acquire().await;
            let mut req = self
                .http
                .request(method.clone(), transport)
                .header(AUTHORIZATION, self.authorization(method, logical))
                .header("Accept", "application/json");
            if let Some(b) = body {
                // SuiteQL needs `Prefer: transient`; record writes do not take it.
                if logical.path().ends_with("/suiteql") {
                    req = req.header("Prefer", "transient");
                }
                req = req.json(b);
            }
            tracing::debug!(method = %method, host = %host, path = logical.path(), "NetSuite request");
            let sent = SystemTime::now();
            let resp = req
                .send()
                .await
                .map_err(|e| http::classify(&host, e, self.options.timeout.as_secs()))?;
            self.observe_clock(resp.headers(), sent);
            let www = header_str(resp.headers(), WWW_AUTHENTICATE);
            let location = header_str(resp.headers(), LOCATION);
            let (status, bytes) = http::read_body(resp, self.options.max_body, Expect::Json)
                .await
                .map_err(|e| match e {
                    http::HttpError::Timeout { host, .. } => http::HttpError::Timeout {
                        host,
                        secs: self.options.timeout.as_secs(),
                    },
                    other => other,
                })?;
            if (200..300).contains(&status) {
                let body = if bytes.is_empty() {
                    Value::Null
                } else {
                    serde_json::from_slice(&bytes).map_err(|_| NetSuiteError::NotJson {
                        status,
                        snippet: self.credentials.redactor().snippet(&bytes, 120),
                    })?
                };
                return Ok(Answer { body, location });
            }
            let redactor = self.credentials.redactor();
            Err(errors::from_response(status, www.as_deref(), &bytes, &redactor))
        })
        .await
    }

    fn observe_clock(&self, headers: &HeaderMap, sent: SystemTime) {
        let Some(date) = header_str(headers, DATE) else {
            return;
        };
        if let Some(obs) = ClockObservation::from_date_header(&date, sent, SystemTime::now()) {
            *self.clock.lock().unwrap_or_else(|p| p.into_inner()) = Some(obs);
        }
    }
}

/// A successful answer: its JSON body (null when empty) and `Location`.
struct Answer {
    body: Value,
    location: Option<String>,
}

/// The ID at the end of a created record's URL (`…/record/v1/employee/456`).
fn created_id(location: &str, record_type: &str) -> Result<String, NetSuiteError> {
    let path = location.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.trim_end_matches('/').rsplit('/');
    match (segments.next(), segments.next()) {
        (Some(id), Some(t))
            if t.eq_ignore_ascii_case(record_type)
                && !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Ok(id.to_owned())
        }
        _ => Err(NetSuiteError::Refused(format!(
            "NetSuite's Location header does not name a new {record_type} record"
        ))),
    }
}

fn header_str(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod location_tests {
    use super::created_id;

    #[test]
    fn the_new_id_is_the_last_segment_of_location() {
        // Oracle's example (help section_1545141395) and the guide's relative form (seeds/002).
        assert_eq!(
            created_id(
                "https://demo123.suitetalk.api.netsuite.com/services/rest/record/v1/customer/647",
                "customer"
            )
            .unwrap(),
            "647"
        );
        assert_eq!(
            created_id("/services/rest/record/v1/employee/456", "employee").unwrap(),
            "456"
        );
        assert!(created_id("/services/rest/record/v1/customer/647", "employee").is_err());
        assert!(created_id("https://x/services/rest/record/v1/employee/", "employee").is_err());
        assert!(created_id("https://x/services/rest/record/v1/employee/4 5", "employee").is_err());
    }
}
