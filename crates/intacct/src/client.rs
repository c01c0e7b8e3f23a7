//! The XML gateway client: login, API sessions on the returned endpoint, and
//! retries with backoff on 429/502/503 (never 524: the request may still run).

use std::sync::{Arc, Mutex as StdMutex, MutexGuard};
use std::time::Duration;

use onramp_core::http::{self, Endpoints, Traffic};
use onramp_core::{Redactor, Secret};
use time::OffsetDateTime;
use tokio::sync::{Mutex, Semaphore};
use url::Url;

use crate::errors::IntacctError;
use crate::session::{parse_time, Session};
use crate::transport::{self, backoff, check_layers, Fatal, Transient};
use crate::xml::request::{self, Auth, Control, Function, SessionLocation};
use crate::xml::response::{FnResult, Response};

pub const GATEWAY_URL: &str = "https://api.intacct.com/ia/xml/xmlgw.phtml";

#[derive(Debug, Clone)]
pub struct IntacctCredentials {
    pub sender_id: String,
    pub sender_password: Secret<String>,
    pub user_id: String,
    pub user_password: Secret<String>,
    pub company_id: String,
    /// Entity (`locationid`) to work in; `None` for top level.
    pub entity_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub endpoints: Endpoints,
    pub timeout: Duration,
    /// Extra attempts after a 429, 502 or 503.
    pub max_retries: u32,
    /// Requests in flight at once, shared by the clients given clones of
    /// these options (one company, one allowance).
    pub slots: Arc<Semaphore>,
    /// Counts the requests of every client given clones of these options.
    pub traffic: Traffic,
}

/// Requests in flight at once by default. Sage's performance tiers set each
/// company's concurrent API requests but publish no figure for the XML
/// gateway; integrators report 2 for most companies, and the customer's own
/// connector uses the same allowance, so Onramp takes no more than that.
pub const DEFAULT_IN_FLIGHT: usize = 2;

/// Longest wait for one gateway answer.
pub const MAX_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            endpoints: Endpoints::default(),
            timeout: MAX_REQUEST_TIMEOUT,
            max_retries: 4,
            slots: Arc::new(Semaphore::new(DEFAULT_IN_FLIGHT)),
            traffic: Traffic::default(),
        }
    }
}

impl ClientOptions {
    /// Options for a run with this deadline: one request may take at most half
    /// of it (and at most a minute), so a gateway that never answers is
    /// reported as a timeout of that request, with time left to report it,
    /// rather than every check ending "deadline reached".
    pub fn for_deadline(deadline: Duration) -> Self {
        Self {
            timeout: request_timeout(deadline),
            ..Self::default()
        }
    }
}

pub fn request_timeout(deadline: Duration) -> Duration {
    (deadline / 2).clamp(Duration::from_secs(1), MAX_REQUEST_TIMEOUT)
}

/// A transient HTTP answer the client retried, kept so the rate check can report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryEvent {
    pub status: u16,
    pub errorno: Option<String>,
    pub waited_ms: u64,
    /// The last attempt, after which the client stopped retrying.
    pub gave_up: bool,
}

pub struct IntacctClient {
    http: reqwest::Client,
    creds: IntacctCredentials,
    opts: ClientOptions,
    gateway: Url,
    /// The kept session; locked only to read or replace it, never across a request.
    session: StdMutex<Option<Session>>,
    /// Held while signing in, so callers that find no session sign in once.
    signing_in: Mutex<()>,
    retries: StdMutex<Vec<RetryEvent>>,
}

impl IntacctClient {
    pub fn new(creds: IntacctCredentials, opts: ClientOptions) -> Result<Self, IntacctError> {
        let creds = IntacctCredentials {
            sender_id: creds.sender_id.trim().to_string(),
            user_id: creds.user_id.trim().to_string(),
            company_id: creds.company_id.trim().to_string(),
            entity_id: creds
                .entity_id
                .map(|e| e.trim().to_string())
                .filter(|e| !e.is_empty()),
            ..creds
        };
        for (what, v) in [
            ("sender ID", &creds.sender_id),
            ("user ID", &creds.user_id),
            ("company ID", &creds.company_id),
        ] {
            if v.is_empty() {
                return Err(IntacctError::InvalidInput(format!("the {what} is empty")));
            }
            if v.chars().any(char::is_whitespace) {
                return Err(IntacctError::InvalidInput(format!(
                    "the {what} {v:?} contains spaces; paste it without them"
                )));
            }
        }
        Ok(Self {
            http: http::client(opts.timeout)?,
            creds,
            gateway: Url::parse(GATEWAY_URL).expect("constant URL"),
            opts,
            session: StdMutex::new(None),
            signing_in: Mutex::new(()),
            retries: StdMutex::new(Vec::new()),
        })
    }

    pub fn credentials(&self) -> &IntacctCredentials {
        &self.creds
    }

    /// Requests sent so far by the clients sharing these options, and the most at once.
    pub fn traffic(&self) -> onramp_core::http::TrafficStats {
        self.opts.traffic.stats()
    }

    /// Every 429/502/503 retried so far.
    pub fn retry_log(&self) -> Vec<RetryEvent> {
        self.retries.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn log(&self, event: RetryEvent) {
        if let Ok(mut log) = self.retries.lock() {
            log.push(event);
        }
    }

    /// Signs in with the user's credentials and runs `functions` in the same
    /// request; the control and authentication layers are checked.
    pub async fn login_request(
        &self,
        location: Option<&str>,
        functions: &[Function],
    ) -> Result<Response, IntacctError> {
        let c = &self.creds;
        let auth = Auth::Login {
            user_id: &c.user_id,
            company_id: &c.company_id,
            password: c.user_password.expose(),
            location_id: location,
        };
        self.exchange(&self.gateway.clone(), &auth, functions).await
    }

    /// Opens an API session (in the configured entity) and keeps it for later calls.
    pub async fn get_api_session(&self) -> Result<Session, IntacctError> {
        Ok(self.sign_in_with(&[]).await?.0)
    }

    /// Opens a session without keeping it, e.g. to compare top level with an entity.
    pub async fn open_session(&self, location: Option<&str>) -> Result<Session, IntacctError> {
        Ok(self.open_session_with(location, &[]).await?.0)
    }

    /// Signs in (in the configured entity), keeps the session, and runs
    /// `functions` in the same request: what the first calls need costs no
    /// round trip of its own. Their results come back in their order.
    pub async fn sign_in_with(
        &self,
        functions: &[Function],
    ) -> Result<(Session, Vec<FnResult>), IntacctError> {
        let location = self.creds.entity_id.clone();
        let (session, results) = self
            .open_session_with(location.as_deref(), functions)
            .await?;
        *self.kept() = Some(session.clone());
        Ok((session, results))
    }

    async fn open_session_with(
        &self,
        location: Option<&str>,
        functions: &[Function],
    ) -> Result<(Session, Vec<FnResult>), IntacctError> {
        let mut all = vec![Function::GetApiSession(SessionLocation::Default)];
        all.extend_from_slice(functions);
        let resp = self.login_request(location, &all).await?;
        let result = first_ok(resp.results.first(), "getAPISession")?;
        let data = result
            .data
            .as_ref()
            .ok_or_else(|| IntacctError::Protocol("getAPISession returned no data".into()))?;
        let timeout = resp
            .authentication
            .as_ref()
            .and_then(|a| a.session_timeout.as_deref());
        let session = Session::from_data(&data.node, timeout)?;
        Ok((session, resp.results.into_iter().skip(1).collect()))
    }

    /// Runs functions in the kept session (opened or refreshed as needed), in
    /// one request; results come back in the order of `functions`. Function
    /// failures are returned in the results, not as errors. No lock is held
    /// while the request is out, so independent calls run side by side.
    pub async fn execute(&self, functions: &[Function]) -> Result<Vec<FnResult>, IntacctError> {
        let (mut session, mut fresh) = self.session_for(None).await?;
        loop {
            let endpoint = session.endpoint.clone();
            match self
                .exchange(&endpoint, &Auth::Session(session.id.expose()), functions)
                .await
            {
                Ok(resp) => {
                    let timeout = resp
                        .authentication
                        .as_ref()
                        .and_then(|a| a.session_timeout.as_deref())
                        .and_then(parse_time);
                    if let Some(t) = timeout {
                        if let Some(kept) = self.kept().as_mut().filter(|k| same(k, &session)) {
                            kept.expires_at = Some(t);
                        }
                    }
                    return Ok(resp.results);
                }
                // A kept session the gateway no longer knows: sign in again, once.
                Err(IntacctError::Authentication { .. }) if !fresh => {
                    (session, fresh) = self.session_for(Some(&session)).await?;
                }
                Err(e) => {
                    if matches!(e, IntacctError::Authentication { .. }) {
                        self.kept().take_if(|k| same(k, &session));
                    }
                    return Err(e);
                }
            }
        }
    }

    fn kept(&self) -> MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A kept session that is not about to expire and is not `refused`.
    fn usable(&self, refused: Option<&Session>) -> Option<Session> {
        let kept = self.kept();
        let s = kept.as_ref()?;
        let stale =
            s.needs_refresh(OffsetDateTime::now_utc()) || refused.is_some_and(|r| same(r, s));
        (!stale).then(|| s.clone())
    }

    /// The session to use and whether this call opened it. One caller signs
    /// in at a time; the others then find its session.
    async fn session_for(
        &self,
        refused: Option<&Session>,
    ) -> Result<(Session, bool), IntacctError> {
        if let Some(s) = self.usable(refused) {
            return Ok((s, false));
        }
        let _one = self.signing_in.lock().await;
        if let Some(s) = self.usable(refused) {
            return Ok((s, false));
        }
        let s = self.open_session(self.creds.entity_id.as_deref()).await?;
        *self.kept() = Some(s.clone());
        Ok((s, true))
    }

    /// Runs one function in the session and returns its result, failed or not.
    pub async fn execute_one(&self, function: Function) -> Result<FnResult, IntacctError> {
        let name = function.name();
        self.execute(&[function])
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| IntacctError::Protocol(format!("no result for {name}")))
    }

    /// One request; the gateway's error texts can echo what was sent, so the
    /// passwords and the session ID are taken out of every error.
    async fn exchange(
        &self,
        logical: &Url,
        auth: &Auth<'_>,
        functions: &[Function],
    ) -> Result<Response, IntacctError> {
        let mut redactor = Redactor::new()
            .with(self.creds.sender_password.expose())
            .with(self.creds.user_password.expose());
        if let Auth::Session(id) = auth {
            redactor.add(id);
        }
        self.exchange_unredacted(logical, auth, functions)
            .await
            .map_err(|e| e.redacted(&redactor))
    }

    async fn exchange_unredacted(
        &self,
        logical: &Url,
        auth: &Auth<'_>,
        functions: &[Function],
    ) -> Result<Response, IntacctError> {
        let transport = self.opts.endpoints.transport_url(logical)?;
        let host = logical.host_str().unwrap_or_default().to_string();
        let mut attempt = 0u32;
        loop {
            // Fresh control ids on every attempt; uniqueid=false keeps retries legal.
            let control_id = uuid::Uuid::new_v4().to_string();
            let named: Vec<(String, Function)> = functions
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("f{}-{}", i + 1, &control_id[..8]), f.clone()))
                .collect();
            let body = request::build(
                &Control {
                    sender_id: &self.creds.sender_id,
                    sender_password: self.creds.sender_password.expose(),
                    control_id: &control_id,
                    unique_id: false,
                },
                auth,
                &named,
            )?;
            let outcome = {
                // The semaphore is never closed.
                let _slot = self.opts.slots.acquire().await.expect("slots stay open");
                let _in_flight = self.opts.traffic.begin();
                transport::post_once(
                    &self.http,
                    &transport,
                    &host,
                    body,
                    self.opts.timeout.as_secs(),
                )
                .await
            };
            match outcome {
                Ok(resp) => {
                    let mut resp = check_layers(resp)?;
                    resp.results = in_request_order(&named, resp.results)?;
                    return Ok(resp);
                }
                Err(Fatal(e)) => return Err(e),
                Err(Transient {
                    status,
                    errorno,
                    errors,
                    retry_after,
                }) => {
                    if attempt >= self.opts.max_retries {
                        self.log(RetryEvent {
                            status,
                            errorno,
                            waited_ms: 0,
                            gave_up: true,
                        });
                        return Err(if status == 429 {
                            IntacctError::RateLimited {
                                attempts: attempt + 1,
                                errors,
                            }
                        } else {
                            IntacctError::Server {
                                status,
                                retried: true,
                            }
                        });
                    }
                    let wait = backoff(attempt, retry_after);
                    tracing::warn!(
                        status,
                        attempt,
                        wait_ms = wait.as_millis() as u64,
                        "Intacct gateway asked to slow down; retrying"
                    );
                    self.log(RetryEvent {
                        status,
                        errorno,
                        waited_ms: wait.as_millis() as u64,
                        gave_up: false,
                    });
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }
}

fn same(a: &Session, b: &Session) -> bool {
    a.id.expose() == b.id.expose()
}

/// Each function's `<result>`, found by the control id it was sent with (the
/// gateway echoes it); by position only when the gateway echoed none.
fn in_request_order(
    named: &[(String, Function)],
    mut results: Vec<FnResult>,
) -> Result<Vec<FnResult>, IntacctError> {
    if results.iter().all(|r| r.control_id.is_empty()) && results.len() == named.len() {
        return Ok(results);
    }
    named
        .iter()
        .map(|(id, f)| {
            let at = results.iter().position(|r| r.control_id == *id);
            at.map(|i| results.swap_remove(i)).ok_or_else(|| {
                IntacctError::Protocol(format!("the gateway returned no result for {}", f.name()))
            })
        })
        .collect()
}

fn first_ok<'a>(r: Option<&'a FnResult>, function: &str) -> Result<&'a FnResult, IntacctError> {
    match r {
        Some(r) if r.is_success() => Ok(r),
        Some(r) => Err(IntacctError::Function {
            function: function.into(),
            status: r.status.clone(),
            errors: r.errors.clone(),
        }),
        None => Err(IntacctError::Protocol(format!("no result for {function}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds(user: &str) -> IntacctCredentials {
        IntacctCredentials {
            sender_id: "s".into(),
            sender_password: Secret::from("p"),
            user_id: user.into(),
            user_password: Secret::from("p"),
            company_id: " acme ".into(),
            entity_id: Some("  ".into()),
        }
    }

    fn result(function: &str, control_id: &str) -> FnResult {
        FnResult {
            status: "success".into(),
            function: function.into(),
            control_id: control_id.into(),
            ..FnResult::default()
        }
    }

    #[test]
    fn results_are_matched_to_functions_by_control_id() {
        let named = vec![
            ("f1-a".to_string(), Function::GetApplications),
            (
                "f2-a".to_string(),
                Function::GetUserPermissions {
                    user_id: "u".into(),
                },
            ),
        ];
        let swapped = vec![
            result("getUserPermissions", "f2-a"),
            result("get_applications", "f1-a"),
        ];
        let got = in_request_order(&named, swapped).unwrap();
        assert_eq!(got[0].function, "get_applications");
        assert_eq!(got[1].function, "getUserPermissions");
        // Without echoed control ids the order is the gateway's.
        let bare = vec![
            result("get_applications", ""),
            result("getUserPermissions", ""),
        ];
        assert_eq!(
            in_request_order(&named, bare).unwrap()[1].function,
            "getUserPermissions"
        );
        // A function the gateway did not answer is an error, not a silent gap.
        let short = vec![result("get_applications", "f1-a")];
        let e = in_request_order(&named, short).unwrap_err();
        assert!(e.to_string().contains("getUserPermissions"), "{e}");
    }

    #[test]
    fn inputs_are_trimmed_and_inner_spaces_refused() {
        let c = IntacctClient::new(creds("ws_user"), ClientOptions::default()).unwrap();
        assert_eq!(c.credentials().company_id, "acme");
        assert_eq!(c.credentials().entity_id, None);
        assert!(matches!(
            IntacctClient::new(creds("ws user"), ClientOptions::default()),
            Err(IntacctError::InvalidInput(_))
        ));
        assert!(matches!(
            IntacctClient::new(creds(""), ClientOptions::default()),
            Err(IntacctError::InvalidInput(_))
        ));
    }
}
