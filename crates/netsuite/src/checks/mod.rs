//! The NetSuite check suite. Checks share one client (and so one concurrency
//! governor) and one `Facts` cache, so each fact (login, role permissions, a
//! record probe) costs one request however many checks use it.

mod account;
mod audit_detail;
mod auth;
pub mod certificate;
mod concurrency;
pub mod connect;
mod facts;
mod features;
mod installed_role;
mod integration;
mod lifecycle;
pub mod mcp;
pub mod paths;
mod permissions;
mod probe;
mod records;
pub mod restlet;
mod restlet_call;
mod subsidiary;

pub use audit_detail::audit_detail_diagnosis;
pub use facts::{probed_by_suiteql, Facts, ProbeOutcome, RolePermissions, RoleReader};

use std::future::Future;
use std::sync::Arc;

use onramp_core::profile::{AuthMethod, ConnectorProfile, NetSuiteRequirements};
use onramp_core::runner::{CheckSpec, RunCtx};
use onramp_core::CheckResult;

use crate::client::{Credentials, NetSuiteClient};

/// What a run of the NetSuite checks knows besides the client.
#[derive(Clone)]
pub struct NetSuiteCheckContext {
    pub client: Arc<NetSuiteClient>,
    /// The account ID exactly as the user entered it (for spelling advice).
    pub account_input: String,
    /// Internal ID of the integration role, when the user gave it.
    pub role_id: Option<u64>,
    /// Name of the integration role (used to find its ID when not given).
    pub role_name: Option<String>,
    /// The Detail column of the Login Audit Trail for the failed login, when
    /// the user has read it: it names the real reason behind INVALID_LOGIN.
    pub audit_detail: Option<String>,
    /// Ask `datacenterurls` for the account's domains.
    pub discover_domains: bool,
    /// An administrator's sign-in (e.g. a one-time OAuth 2.0 code + PKCE
    /// sign-in): reads the role's permission list, which the integration role
    /// itself usually may not (roles are behind Setup > Manage Roles).
    pub admin_reader: Option<Arc<NetSuiteClient>>,
    /// How the bearer token was obtained; the credentials alone cannot tell
    /// an authorization-code token from an M2M one.
    auth_method: Option<AuthMethod>,
    /// The Practice scenario playing the account (said instead of its environment).
    pub simulation: Option<String>,
}

impl NetSuiteCheckContext {
    pub fn new(client: Arc<NetSuiteClient>, account_input: impl Into<String>) -> Self {
        Self {
            client,
            account_input: account_input.into(),
            role_id: None,
            role_name: None,
            audit_detail: None,
            discover_domains: true,
            admin_reader: None,
            simulation: None,
            auth_method: None,
        }
    }

    /// Reads the role's permissions with an administrator's client. Give it
    /// the integration client's governor (`ClientOptions::governor`): both
    /// draw on the same account-wide concurrency pool.
    pub fn with_simulation(mut self, scenario: String) -> Self {
        self.simulation = Some(scenario);
        self
    }

    pub fn with_admin_reader(mut self, admin: Arc<NetSuiteClient>) -> Self {
        self.admin_reader = Some(admin);
        self
    }

    /// Names the method explicitly (e.g. `Oauth2M2m` for a client-credentials token).
    pub fn with_auth_method(mut self, method: AuthMethod) -> Self {
        self.auth_method = Some(method);
        self
    }

    /// The explicit method, else what the credentials imply (a bearer token
    /// is taken to come from the authorization code grant).
    pub fn auth_method(&self) -> AuthMethod {
        self.auth_method
            .unwrap_or_else(|| match self.client.credentials() {
                Credentials::Tba(_) => AuthMethod::Tba,
                Credentials::Bearer(_) => AuthMethod::Oauth2Code,
            })
    }
}

pub(crate) struct Shared {
    pub ctx: NetSuiteCheckContext,
    pub facts: Arc<Facts>,
    pub req: NetSuiteRequirements,
}

pub(crate) type Ctx = Arc<Shared>;

pub const ACCOUNT: &str = "netsuite.account";
pub const AUTH: &str = "netsuite.auth";
pub const CLOCK: &str = "netsuite.clock";
pub const FEATURES: &str = "netsuite.features";
pub const PERMISSIONS: &str = "netsuite.permissions";
pub const RECORDS: &str = "netsuite.records";
pub const SUBSIDIARY: &str = "netsuite.subsidiary";
pub const INTEGRATION: &str = "netsuite.integration";
pub const CONCURRENCY: &str = "netsuite.concurrency";
pub const LIFECYCLE: &str = "netsuite.lifecycle";
pub const MCP: &str = "netsuite.mcp";
pub const CONNECT: &str = "netsuite.connect";
pub const INSTALLED_ROLE: &str = "netsuite.installed_role";
pub const RESTLET: &str = "netsuite.restlet";

/// Builds the suite for one account and connector profile.
pub fn suite(ctx: NetSuiteCheckContext, profile: &ConnectorProfile) -> Vec<CheckSpec> {
    suite_with_facts(ctx, profile).0
}

/// The suite plus its shared `Facts`, which keep what the checks learnt
/// (login, role permissions, probes) for a setup profile after the run.
pub fn suite_with_facts(
    ctx: NetSuiteCheckContext,
    profile: &ConnectorProfile,
) -> (Vec<CheckSpec>, Arc<Facts>) {
    let req = profile.netsuite.clone().unwrap_or(NetSuiteRequirements {
        auth_methods: vec![AuthMethod::Tba],
        scopes: Vec::new(),
        features: Vec::new(),
        permissions: Vec::new(),
        restlet: None,
        installed_role: None,
    });
    let facts = Arc::new(
        Facts::new(ctx.client.clone(), ctx.role_id, ctx.role_name.clone())
            .with_admin(ctx.admin_reader.clone()),
    );
    let shared: Ctx = Arc::new(Shared {
        ctx,
        facts: facts.clone(),
        req,
    });
    let mcp = shared.req.scopes.iter().any(|s| s == "mcp");
    let mut specs = vec![
        spec(
            &shared,
            ACCOUNT,
            "Account ID and domains",
            &[],
            account::run,
        ),
        spec(
            &shared,
            AUTH,
            "Sign-in with the integration's credentials",
            &[],
            auth::run,
        ),
        spec(
            &shared,
            CLOCK,
            "Computer clock against NetSuite's",
            &[],
            auth::clock,
        ),
        spec(
            &shared,
            INTEGRATION,
            "Integration record state",
            &[],
            integration::run,
        ),
        spec(
            &shared,
            FEATURES,
            "Features enabled on the account",
            &[AUTH],
            features::run,
        ),
        spec(
            &shared,
            PERMISSIONS,
            "Role permissions against the profile",
            &[AUTH],
            permissions::run,
        ),
        spec(
            &shared,
            RECORDS,
            "Access to the records the connector uses",
            &[AUTH],
            records::run,
        ),
        spec(
            &shared,
            SUBSIDIARY,
            "Subsidiary restrictions on the role",
            &[AUTH],
            subsidiary::run,
        ),
        spec(
            &shared,
            CONCURRENCY,
            "Concurrency limit and headroom",
            &[AUTH],
            concurrency::run,
        ),
        spec(
            &shared,
            LIFECYCLE,
            "Token and environment lifecycle",
            &[],
            lifecycle::run,
        ),
    ];
    if mcp {
        specs.push(spec(
            &shared,
            MCP,
            "AI Connector Service sign-in and role",
            &[AUTH],
            mcp::run,
        ));
    }
    if shared.req.scopes.iter().any(|s| s == "suite_analytics") {
        specs.push(spec(
            &shared,
            CONNECT,
            "SuiteAnalytics Connect (NetSuite2.com) accepts this role and sign-in",
            &[AUTH],
            connect::run,
        ));
    }
    if shared.req.installed_role.is_some() {
        specs.push(spec(
            &shared,
            INSTALLED_ROLE,
            "The role the connector's bundle installs",
            &[AUTH],
            installed_role::run,
        ));
    }
    if shared.req.restlet.is_some() {
        specs.push(spec(
            &shared,
            RESTLET,
            "The connector's RESTlet answers this sign-in",
            &[AUTH],
            restlet_call::run,
        ));
    }
    (specs, facts)
}

fn spec<F, Fut>(
    shared: &Ctx,
    id: &'static str,
    title: &'static str,
    needs: &[&str],
    f: F,
) -> CheckSpec
where
    F: FnOnce(Ctx, RunCtx) -> Fut + Send + 'static,
    Fut: Future<Output = CheckResult> + Send + 'static,
{
    let shared = shared.clone();
    CheckSpec::new(id, title, move |run: RunCtx| async move {
        let begun = std::time::Instant::now();
        let mut result = f(shared, run).await;
        result.id = id.to_string();
        result.title = title.to_string();
        result.duration_ms = begun.elapsed().as_millis() as u64;
        result
    })
    .needs(needs.iter().copied())
}

/// A result with this check's id and title filled in by `spec`.
pub(crate) fn pass(summary: impl Into<String>) -> CheckResult {
    CheckResult::pass("", "", summary)
}

pub(crate) fn fail(summary: impl Into<String>, d: onramp_core::Diagnosis) -> CheckResult {
    CheckResult::fail("", "", summary, d)
}

pub(crate) fn warn(summary: impl Into<String>, d: onramp_core::Diagnosis) -> CheckResult {
    CheckResult::warn("", "", summary, d)
}

pub(crate) fn skip(summary: impl Into<String>) -> CheckResult {
    CheckResult::skip("", "", summary)
}
