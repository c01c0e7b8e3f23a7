//! The Sage Intacct checks. One sign-in is shared by the sender, login, entity
//! and company checks; each tells apart its own causes by layer and text
//! through the pattern table.

mod company;
mod objects;
mod permissions;
mod rate;
mod rest;
mod signin;
mod user;

use std::sync::Arc;

use onramp_core::profile::{ConnectorProfile, IntacctRequirements};
use onramp_core::runner::CheckSpec;
use onramp_core::{CheckResult, Diagnosis};
use tokio::sync::OnceCell;

use crate::client::{ClientOptions, IntacctClient, IntacctCredentials, RetryEvent};
use crate::errors::IntacctError;
use crate::patterns::{Pattern, Patterns};
use crate::rest::RestClient;
use crate::session::Session;
use crate::xml::request::Function;
use crate::xml::response::FnResult;

/// What the checks share: the clients, the pattern table and the one sign-in.
pub struct IntacctCtx {
    /// Works in the configured entity.
    client: IntacctClient,
    /// Same credentials at the top level, to tell an entity refusal from a bad sign-in.
    top: IntacctClient,
    patterns: Patterns,
    signin: OnceCell<Result<Session, IntacctError>>,
    top_signin: OnceCell<Result<Session, IntacctError>>,
    /// REST API app, for profiles that use the REST API.
    rest: Option<RestClient>,
    /// Facts the checks read (user record, subscriptions, permissions), for setup profiles.
    seen: std::sync::Mutex<crate::observe::Seen>,
    /// What the checks after sign-in read, asked in one request (see `read`).
    reads: OnceCell<Result<Vec<FnResult>, IntacctError>>,
    /// Those reads' functions, known once the suite is built: the sign-in carries them.
    plan: std::sync::OnceLock<Vec<Function>>,
}

/// A read the checks after sign-in share one request for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Read {
    Applications,
    User,
    Permissions,
    /// The profile's n-th object, probed with a one-row query.
    Object(usize),
}

impl IntacctCtx {
    pub fn new(creds: IntacctCredentials, opts: ClientOptions) -> Result<Self, IntacctError> {
        let top = IntacctClient::new(
            IntacctCredentials {
                entity_id: None,
                ..creds.clone()
            },
            opts.clone(),
        )?;
        Ok(Self {
            client: IntacctClient::new(creds, opts)?,
            top,
            patterns: Patterns::builtin().clone(),
            signin: OnceCell::new(),
            top_signin: OnceCell::new(),
            rest: None,
            seen: std::sync::Mutex::default(),
            reads: OnceCell::new(),
            plan: std::sync::OnceLock::new(),
        })
    }

    /// Adds the REST API app the connector uses (checked when the profile says `rest`).
    pub fn with_rest(mut self, rest: RestClient) -> Self {
        self.rest = Some(rest);
        self
    }

    /// Replaces the built-in pattern table (e.g. with texts a customer really saw).
    pub fn with_patterns(mut self, patterns: Patterns) -> Self {
        self.patterns = patterns;
        self
    }

    fn creds(&self) -> &IntacctCredentials {
        self.client.credentials()
    }

    /// The configured sign-in (with the entity, if any), done once. The reads
    /// of the checks after sign-in travel in the same request.
    async fn signin(&self) -> &Result<Session, IntacctError> {
        self.signin
            .get_or_init(|| async {
                let plan = self.plan.get().map(Vec::as_slice).unwrap_or_default();
                let (session, results) = self.client.sign_in_with(plan).await?;
                if results.len() == plan.len() && !plan.is_empty() {
                    let _ = self.reads.set(Ok(results));
                }
                Ok(session)
            })
            .await
    }

    async fn top_signin(&self) -> &Result<Session, IntacctError> {
        self.top_signin
            .get_or_init(|| self.top.get_api_session())
            .await
    }

    /// The client whose session works: the entity's, else the top level's.
    async fn working(&self) -> Option<&IntacctClient> {
        if self.signin().await.is_ok() {
            return Some(&self.client);
        }
        if self.creds().entity_id.is_some() && self.top_signin().await.is_ok() {
            return Some(&self.top);
        }
        None
    }

    fn record(&self, f: impl FnOnce(&mut crate::observe::Seen)) {
        f(&mut self.seen.lock().unwrap_or_else(|p| p.into_inner()));
    }

    /// What the checks have read so far, plus the sign-in outcomes.
    pub fn seen(&self) -> crate::observe::Seen {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone();
        seen.signin_ok = self.signin.get().map(Result::is_ok);
        seen.top_signin_ok = self.top_signin.get().map(Result::is_ok);
        seen
    }

    fn pattern(&self, e: &IntacctError) -> Option<&Pattern> {
        self.patterns.for_error(e)
    }

    /// One read of the checks after sign-in. Every read is sent in one request
    /// (`<content>` with one `<function>` each; with `transaction="false"` each
    /// succeeds or fails on its own): the sign-in's own, or, when only the
    /// top level signs in, the first request of the check that asks first.
    async fn read(
        &self,
        client: &IntacctClient,
        req: &IntacctRequirements,
        which: Read,
    ) -> Result<&FnResult, &IntacctError> {
        let all = self
            .reads
            .get_or_init(|| async {
                let functions = reads(&self.creds().user_id, req);
                client.execute(&functions).await
            })
            .await
            .as_ref()?;
        let at = match which {
            Read::Applications => 0,
            Read::User => 1,
            Read::Permissions => 2,
            Read::Object(n) => 3 + n,
        };
        // `execute` answers every function or fails as a whole.
        Ok(&all[at])
    }

    /// The XML gateway requests of this run so far (both clients share one count).
    pub fn traffic(&self) -> onramp_core::http::TrafficStats {
        self.client.traffic()
    }

    /// Every 429/502/503 the clients absorbed so far in this run, for reports.
    pub fn retry_log(&self) -> Vec<RetryEvent> {
        let mut log = self.client.retry_log();
        log.extend(self.top.retry_log());
        log
    }
}

/// The functions behind `Read`, in its order.
fn reads(user_id: &str, req: &IntacctRequirements) -> Vec<Function> {
    let mut functions = vec![
        Function::GetApplications,
        user::query(user_id),
        Function::GetUserPermissions {
            user_id: user_id.to_string(),
        },
    ];
    functions.extend(req.objects.iter().map(|o| objects::probe(&o.object)));
    functions
}

/// The checks for `profile`, in the order they are shown.
pub fn suite(ctx: Arc<IntacctCtx>, profile: &ConnectorProfile) -> Vec<CheckSpec> {
    if let Some(req) = &profile.intacct {
        let _ = ctx.plan.set(reads(&ctx.creds().user_id, req));
    }
    let req = Arc::new(profile.intacct.clone());
    let spec = |id: &'static str, title: &'static str, needs: &[&'static str], f: CheckFnPtr| {
        let (ctx, req) = (ctx.clone(), req.clone());
        CheckSpec::new(id, title, move |_run| async move {
            match req.as_ref() {
                Some(req) => f(ctx, req.clone(), id, title).await,
                None => CheckResult::skip(
                    id,
                    title,
                    "The connector profile lists no Sage Intacct requirements.",
                ),
            }
        })
        .needs(needs.iter().copied())
    };
    let mut specs = vec![
        spec(
            signin::SENDER,
            "Sender ID and Web Services authorization",
            &[],
            |c, _, id, t| Box::pin(signin::sender(c, id, t)),
        ),
        spec(
            signin::LOGIN,
            "Web Services user sign-in",
            &[signin::SENDER],
            |c, _, id, t| Box::pin(signin::login(c, id, t)),
        ),
        spec(
            signin::ENTITY,
            "Entity access",
            &[signin::LOGIN],
            |c, _, id, t| Box::pin(signin::entity(c, id, t)),
        ),
        spec(
            company::ID,
            "Company and subscriptions",
            &[],
            |c, r, id, t| Box::pin(company::check(c, r, id, t)),
        ),
        spec(
            user::ID,
            "User type, admin privileges and status",
            &[signin::LOGIN],
            |c, r, id, t| Box::pin(user::check(c, r, id, t)),
        ),
        spec(
            permissions::ID,
            "Effective permissions against the profile",
            &[signin::LOGIN],
            |c, r, id, t| Box::pin(permissions::check(c, r, id, t)),
        ),
        spec(
            objects::ID,
            "Read access to every required object",
            &[signin::LOGIN, signin::ENTITY],
            |c, r, id, t| Box::pin(objects::check(c, r, id, t)),
        ),
        spec(
            rate::ID,
            "API rate limits",
            &[signin::LOGIN],
            |c, _, id, t| Box::pin(rate::check(c, id, t)),
        ),
    ];
    if profile.intacct.as_ref().is_some_and(|r| r.rest) {
        specs.push(spec(
            rest::ID,
            "REST API token and object access",
            &[signin::LOGIN],
            |c, r, id, t| Box::pin(rest::check(c, r, id, t)),
        ));
    }
    specs
}

type CheckFnPtr = fn(
    Arc<IntacctCtx>,
    IntacctRequirements,
    &'static str,
    &'static str,
) -> futures::future::BoxFuture<'static, CheckResult>;

/// A failure no pattern explains: say what happened and where to look.
/// What every check after sign-in reports when sign-in did not work.
fn needs_signin(id: &str, title: &str) -> CheckResult {
    CheckResult::skip(
        id,
        title,
        format!(
            "Not run: it needs a working sign-in (see {}).",
            signin::LOGIN
        ),
    )
}

fn generic(e: &IntacctError) -> Diagnosis {
    match e {
        IntacctError::Http(_) => Diagnosis::new(
            e.to_string(),
            "Check the network connection, proxy and firewall (HTTPS to api.intacct.com must be allowed), then run the checks again.",
            "This computer's network settings",
        ),
        IntacctError::Malformed(_) | IntacctError::Protocol(_) => Diagnosis::new(
            e.to_string(),
            "Run the checks again; if it persists, send the report to support.",
            "Onramp report",
        ),
        _ => Diagnosis::new(e.to_string(), "Read the error text above and correct the setting it names.", "Sage Intacct"),
    }
}

/// The diagnosis for `e`: from the pattern table, else a generic one.
fn diagnose(ctx: &IntacctCtx, e: &IntacctError) -> Diagnosis {
    ctx.pattern(e)
        .map(Pattern::diagnosis)
        .unwrap_or_else(|| generic(e))
}

/// A check that could not run because the gateway throttled or failed: not a
/// setup problem of its own, so a warning that points at the rate check.
fn not_checked(ctx: &IntacctCtx, e: &IntacctError, id: &str, title: &str) -> Option<CheckResult> {
    matches!(
        e,
        IntacctError::RateLimited { .. } | IntacctError::Server { .. }
    )
    .then(|| {
        let r = CheckResult::warn(
            id,
            title,
            format!("Not checked: {e}. See the rate limit check."),
            diagnose(ctx, e),
        );
        with_errors(r, e)
    })
}

/// A failed call: `not_checked` for throttling, else a failure explained by the pattern table.
fn call_failed(
    ctx: &IntacctCtx,
    e: &IntacctError,
    id: &str,
    title: &str,
    what: &str,
) -> CheckResult {
    not_checked(ctx, e, id, title).unwrap_or_else(|| {
        with_errors(
            CheckResult::fail(id, title, format!("{what}: {e}"), diagnose(ctx, e)),
            e,
        )
    })
}

/// Adds the errors behind a failure as evidence (never a secret: gateway texts only).
fn with_errors(mut r: CheckResult, e: &IntacctError) -> CheckResult {
    if let Some((layer, status, errors)) = e.layer_errors() {
        r = r.with_evidence("Layer", format!("{layer:?} (HTTP {status})"));
        for err in errors {
            r = r.with_evidence("Gateway error", err.to_string());
        }
    }
    r
}

/// Rows of a result's `<data>`: one map per record element.
fn records(result: &FnResult) -> Vec<std::collections::BTreeMap<String, String>> {
    result
        .data
        .as_ref()
        .map(|d| {
            d.node
                .children
                .iter()
                .map(|rec| {
                    rec.children
                        .iter()
                        .map(|f| (f.name.clone(), f.text.trim().to_string()))
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
}
