//! One way to build a validation suite, whichever front end asks: the app
//! describes the target from a stored setup, the CLI from its flags, and both
//! get the same checks, the same client options and the same observer. An
//! OAuth 2.0 sign-in NetSuite refused is the suite's only result (plus the
//! checks that need no sign-in), so it is run and recorded like any other.

use crate::errors::OrIpc;
use std::sync::Arc;
use std::time::Instant;

use onramp_core::http::{Endpoints, TrafficStats};
use onramp_core::observed::{NsObserved, Observed};
use onramp_core::profile::{AuthMethod, ConnectorProfile, Erp};
use onramp_core::runner::CheckSpec;
use onramp_core::state::{optional_secret_names, secret_names, SecretName, SecretSpec};
use onramp_core::{CheckResult, ErrorKind, IpcError, Secret, Suite};
use onramp_intacct::rest::{RestApp, RestClient};
use onramp_netsuite::Credentials;
use tokio_util::sync::CancellationToken;

use crate::run::RunOptions;
use crate::runs::Observer;

/// What a run checks, however the front end described it.
#[derive(Debug, Clone)]
pub struct Target {
    pub erp: Erp,
    /// As typed; NetSuite accepts any spelling `Account::parse` does.
    pub account_id: String,
    pub entity_id: Option<String>,
    /// NetSuite: how the connector signs in (`None` reads TBA credentials).
    pub auth_method: Option<AuthMethod>,
    pub profile: ConnectorProfile,
    /// NetSuite: the integration role, to read its permissions.
    pub role_name: Option<String>,
    pub role_id: Option<u64>,
    /// NetSuite: the Login Audit Trail's Detail for a refused login.
    pub audit_detail: Option<String>,
    /// NetSuite: an administrator's access token that reads the integration
    /// role's permission list (the role itself usually may not: Manage Roles).
    pub admin_token: Option<Secret<String>>,
    /// The real hosts, or the simulator (Practice mode, `--base-url`).
    pub endpoints: Endpoints,
    /// NetSuite OAuth 2.0: who the connection acts as, by name (from Connect).
    pub token_owner: Option<crate::oauth::owner::Owner>,
    /// The Practice scenario playing the account: checks never call it a
    /// production (or sandbox) account.
    pub practice_scenario: Option<String>,
}

/// Where a run's credentials come from: the setup's keychain entries (app),
/// or environment variables before the keychain (CLI). Reads block.
pub trait SecretSource: Send + Sync {
    fn get(&self, name: &str) -> Result<Option<Secret<String>>, IpcError>;

    /// The error for credentials that are not stored: the front end says where to put them.
    fn missing(&self, missing: &[&SecretSpec]) -> IpcError;
}

/// The outcome of an OAuth 2.0 sign-in, before any check runs.
pub struct SignIn {
    /// The credentials for the suite, or the failing `netsuite.auth` result.
    pub outcome: Result<Credentials, Box<CheckResult>>,
    /// Checks that need no sign-in (the M2M certificate).
    pub extra: Vec<CheckResult>,
}

/// A target's checks, ready to run, and what reads the run's observations
/// once its results are in.
pub struct Prepared {
    pub suite: Suite,
    pub observe: Observer,
    /// The OAuth 2.0 sign-in was refused before the run: the suite is that
    /// refusal only, whichever checks were asked for.
    pub refused: bool,
}

/// Reads `specs` (all required) and `optional` from `secrets` off the async
/// workers; names every missing required one at once, before any request.
async fn read(
    secrets: Arc<dyn SecretSource>,
    specs: &'static [SecretSpec],
    optional: &'static [SecretSpec],
) -> Result<Vec<(SecretName, Option<Secret<String>>)>, IpcError> {
    tokio::task::spawn_blocking(move || {
        let found = specs
            .iter()
            .chain(optional)
            .map(|s| Ok((s.name, secrets.get(s.name.as_str())?)))
            .collect::<Result<Vec<_>, IpcError>>()?;
        let missing: Vec<&SecretSpec> = specs
            .iter()
            .filter(|s| found.iter().any(|(n, v)| *n == s.name && v.is_none()))
            .collect();
        if !missing.is_empty() {
            return Err(secrets.missing(&missing));
        }
        Ok(found)
    })
    .await
    .map_err(|e| IpcError::new(ErrorKind::Internal, format!("keychain task failed: {e}")))?
}

/// The secrets a target needs when no OAuth 2.0 sign-in gave credentials.
struct Found(Vec<(SecretName, Option<Secret<String>>)>);

impl Found {
    fn take(&mut self, name: SecretName) -> Option<Secret<String>> {
        self.0.iter_mut().find(|(n, _)| *n == name)?.1.take()
    }

    fn required(&mut self, name: SecretName) -> Secret<String> {
        self.take(name).expect("read checked every required name")
    }
}

/// The suite for `target`. `sign_in` is the OAuth 2.0 outcome (or a bearer
/// token); without it NetSuite reads TBA credentials from `secrets`.
pub async fn prepare(
    target: &Target,
    sign_in: Option<SignIn>,
    secrets: Arc<dyn SecretSource>,
    options: &RunOptions,
    cancel: CancellationToken,
) -> Result<Prepared, IpcError> {
    match target.erp {
        Erp::Netsuite => netsuite(target, sign_in, secrets, options, cancel).await,
        Erp::Intacct => intacct(target, secrets, options).await,
    }
}

/// NetSuite TBA credentials from `secrets`, or which of them are missing.
pub async fn tba_credentials(
    secrets: Arc<dyn SecretSource>,
) -> Result<onramp_netsuite::TbaCredentials, IpcError> {
    let specs = secret_names(Erp::Netsuite, Some(AuthMethod::Tba));
    let mut found = Found(read(secrets, specs, &[]).await?);
    Ok(onramp_netsuite::TbaCredentials {
        consumer_key: found.required(SecretName::NetsuiteConsumerKey),
        consumer_secret: found.required(SecretName::NetsuiteConsumerSecret),
        token_id: found.required(SecretName::NetsuiteTokenId),
        token_secret: found.required(SecretName::NetsuiteTokenSecret),
    })
}

async fn netsuite(
    target: &Target,
    sign_in: Option<SignIn>,
    secrets: Arc<dyn SecretSource>,
    options: &RunOptions,
    cancel: CancellationToken,
) -> Result<Prepared, IpcError> {
    use onramp_netsuite::checks::{suite_with_facts, NetSuiteCheckContext};
    use onramp_netsuite::{Account, ClientOptions, NetSuiteClient};
    let account = Account::parse(&target.account_id).or_ipc()?;
    let profile = target.profile.clone();
    let (credentials, extra) = match sign_in {
        Some(signed) => match signed.outcome {
            Ok(c) => (c, signed.extra),
            // No token, so no check can run: the refusal is the result.
            Err(refused) => {
                let method = target.auth_method.unwrap_or(AuthMethod::Oauth2Code);
                return Ok(Prepared {
                    suite: fixed_results(*refused, signed.extra),
                    observe: refused_observer(&account, &profile, method),
                    refused: true,
                });
            }
        },
        None => (
            Credentials::Tba(tba_credentials(secrets).await?),
            Vec::new(),
        ),
    };
    let client_options = ClientOptions {
        endpoints: target.endpoints.clone(),
        concurrency_limit: options.concurrency(),
        deadline: Some(Instant::now() + options.deadline()),
        cancel,
        ..ClientOptions::default()
    };
    let client = Arc::new(
        NetSuiteClient::new(account.clone(), credentials, client_options.clone()).or_ipc()?,
    );
    let mut check_ctx = NetSuiteCheckContext::new(client.clone(), target.account_id.clone());
    if let Some(token) = &target.admin_token {
        // One account, one concurrency pool: the administrator's requests
        // share the integration's governor.
        let options = ClientOptions {
            governor: Some(client.governor().clone()),
            ..client_options
        };
        let admin = NetSuiteClient::new(account, Credentials::Bearer(token.clone()), options);
        check_ctx = check_ctx.with_admin_reader(Arc::new(admin.or_ipc()?));
    }
    if let Some(scenario) = &target.practice_scenario {
        check_ctx = check_ctx.with_simulation(scenario.clone());
    }
    if let Some(method) = target.auth_method {
        check_ctx = check_ctx.with_auth_method(method);
    }
    check_ctx.role_name = target.role_name.clone();
    check_ctx.role_id = target.role_id;
    check_ctx.audit_detail = target.audit_detail.clone();
    let (mut specs, facts) = suite_with_facts(check_ctx.clone(), &profile);
    // Known before the run (the M2M certificate, whether the connector
    // supports the sign-in method), counted in its summary.
    specs.extend(extra.into_iter().map(CheckSpec::known));
    if let Some(method) = target.auth_method {
        specs.push(CheckSpec::known(crate::method_rule::check(
            &profile, method,
        )));
    }
    if let Some(owner) = target
        .token_owner
        .as_ref()
        .and_then(crate::oauth::owner::check)
    {
        // Connected as someone else: the role inspected is theirs, so its
        // permissions say nothing about the integration role's.
        if owner.status == onramp_core::CheckStatus::Fail {
            for spec in specs
                .iter_mut()
                .filter(|s| s.id == onramp_netsuite::checks::PERMISSIONS)
            {
                spec.needs.push(owner.id.clone());
            }
        }
        specs.push(CheckSpec::known(owner));
    }
    let observe: Observer = Box::new(move |results| {
        use onramp_netsuite::observe::{observe, setup_facts};
        let seen = observe(&facts, &check_ctx, &profile, results);
        let g = check_ctx.client.governor().stats();
        let traffic = TrafficStats {
            requests: u32::try_from(g.requests).unwrap_or(u32::MAX),
            peak_concurrency: g.peak_concurrency,
        };
        (setup_facts(&check_ctx, &profile), seen, Some(traffic))
    });
    Ok(Prepared {
        suite: specs,
        observe,
        refused: false,
    })
}

async fn intacct(
    target: &Target,
    secrets: Arc<dyn SecretSource>,
    options: &RunOptions,
) -> Result<Prepared, IpcError> {
    use onramp_intacct::checks::{suite, IntacctCtx};
    use onramp_intacct::{ClientOptions, IntacctCredentials};
    let specs = secret_names(Erp::Intacct, None);
    let mut found = Found(read(secrets, specs, optional_secret_names(Erp::Intacct)).await?);
    let creds = IntacctCredentials {
        sender_id: found.required(SecretName::IntacctSenderId).expose().clone(),
        sender_password: found.required(SecretName::IntacctSenderPassword),
        user_id: found.required(SecretName::IntacctUserId).expose().clone(),
        user_password: found.required(SecretName::IntacctUserPassword),
        company_id: target.account_id.trim().to_owned(),
        entity_id: target.entity_id.clone(),
    };
    // One request gets part of the run's deadline, so a hang is reported as
    // that request's timeout, not as checks skipped at the deadline.
    let client_options = ClientOptions {
        endpoints: target.endpoints.clone(),
        slots: Arc::new(tokio::sync::Semaphore::new(
            options
                .concurrency()
                .min(onramp_intacct::client::DEFAULT_IN_FLIGHT),
        )),
        ..ClientOptions::for_deadline(options.deadline())
    };
    let mut check_ctx = IntacctCtx::new(creds.clone(), client_options.clone()).or_ipc()?;
    // The REST check runs when both halves of the REST application are stored.
    if let (Some(client_id), Some(client_secret)) = (
        found.take(SecretName::IntacctClientId),
        found.take(SecretName::IntacctClientSecret),
    ) {
        let app = RestApp {
            client_id: client_id.expose().clone(),
            client_secret,
        };
        let rest =
            RestClient::new(app, client_options.endpoints, client_options.timeout).or_ipc()?;
        check_ctx = check_ctx.with_rest(rest);
    }
    let check_ctx = Arc::new(check_ctx);
    let profile = target.profile.clone();
    let specs = suite(check_ctx.clone(), &profile);
    let observe: Observer = Box::new(move |results| {
        use onramp_intacct::observe::{observe, setup_facts};
        let seen = observe(&check_ctx, &creds, results);
        let traffic = check_ctx.traffic();
        (setup_facts(&creds, &profile), seen, Some(traffic))
    });
    Ok(Prepared {
        suite: specs,
        observe,
        refused: false,
    })
}

/// What a run refused at the OAuth 2.0 sign-in observed: the account, and
/// that the login was not accepted; nothing else was reached.
fn refused_observer(
    account: &onramp_netsuite::Account,
    profile: &ConnectorProfile,
    method: AuthMethod,
) -> Observer {
    let facts = onramp_netsuite::observe::account_facts(account, profile, method);
    Box::new(move |_| {
        let observed = NsObserved {
            login_accepted: Some(false),
            ..NsObserved::default()
        };
        (facts, Observed::Netsuite(observed), None)
    })
}

fn fixed_results(first: CheckResult, rest: Vec<CheckResult>) -> Suite {
    std::iter::once(first)
        .chain(rest)
        .map(CheckSpec::known)
        .collect()
}
