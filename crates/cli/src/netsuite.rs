//! `onramp-cli netsuite …`: prove a NetSuite setup (`check`), show how a TBA
//! request is signed (`tba explain`), and the OAuth 2.0 M2M helpers (`m2m`).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context};
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::report::RunRecord;
use onramp_core::runner::{run_suite, CheckSpec, RunOptions};
use onramp_netsuite::checks::{suite_with_facts, NetSuiteCheckContext};
use onramp_netsuite::observe;
use onramp_netsuite::{
    profiles, tba, Account, ClientOptions, Credentials, NetSuiteClient, TbaCredentials, Url,
};

use crate::{netsuite_m2m, output, report, secrets};

mod auth;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Run every NetSuite check against an account. Secrets come from the
    /// environment or the keychain of --setup, never from arguments:
    /// tba: ONRAMP_NETSUITE_CONSUMER_KEY/_CONSUMER_SECRET/_TOKEN_ID/_TOKEN_SECRET;
    /// oauth2-m2m: the key file (--key) or ONRAMP_NETSUITE_M2M_PRIVATE_KEY;
    /// oauth2-code: ONRAMP_NETSUITE_OAUTH2_REFRESH_TOKEN, plus
    /// ONRAMP_NETSUITE_OAUTH2_CLIENT_SECRET for confidential clients.
    Check(CheckArgs),
    /// Token-Based Authentication helpers.
    #[command(subcommand)]
    Tba(TbaCommand),
    /// OAuth 2.0 client credentials (machine to machine) helpers.
    #[command(subcommand)]
    M2m(netsuite_m2m::Command),
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Account ID or any NetSuite URL of the account (e.g. 1234567_SB1).
    #[arg(long)]
    account: String,
    /// How the connector signs in. The default is tba: this command proves an
    /// existing integration, and existing ones mostly use TBA (without --auth,
    /// ONRAMP_NETSUITE_ACCESS_TOKEN is still used as a bearer token when set).
    /// New integrations should use OAuth 2.0 (oauth2-code or oauth2-m2m).
    #[arg(long, value_enum)]
    auth: Option<auth::AuthArg>,
    #[command(flatten)]
    oauth: auth::OAuthArgs,
    /// Built-in profile name or a profile file.
    #[arg(long, default_value = "netsuite-zuora-billing")]
    profile: String,
    /// Send requests to this endpoint instead of NetSuite (the simulator).
    #[arg(long)]
    base_url: Option<String>,
    /// Print results as JSON.
    #[arg(long)]
    json: bool,
    /// Internal ID of the integration role, to read its permissions.
    #[arg(long)]
    role_id: Option<u64>,
    /// Name of the integration role, to find its internal ID.
    #[arg(long)]
    role_name: Option<String>,
    /// The Detail column of the Login Audit Trail for the failed login.
    #[arg(long)]
    audit_detail: Option<String>,
    /// Read the role's permission list with an administrator's OAuth 2.0
    /// access token, taken from ONRAMP_NETSUITE_ADMIN_ACCESS_TOKEN (never an
    /// argument): the integration role itself usually may not read roles.
    #[arg(long)]
    admin_reader: bool,
    /// Keychain setup to read credentials from when not in the environment.
    #[arg(long = "setup")]
    setup_id: Option<String>,
    /// Most requests in flight at once (the account's limit is shared).
    #[arg(long, default_value_t = 5)]
    concurrency: usize,
    /// Time budget for the whole run, in seconds.
    #[arg(long, default_value_t = 120)]
    deadline_secs: u64,
    /// Save the run (checks and what was observed, no secrets) for `report` and `profile export`.
    #[arg(long, value_name = "RESULT.json")]
    save: Option<std::path::PathBuf>,
}

#[derive(clap::Subcommand)]
pub enum TbaCommand {
    /// Print the base string, signature and Authorization header for one request.
    Explain {
        #[arg(long, default_value = "GET")]
        method: String,
        /// The real NetSuite URL, query included.
        #[arg(long)]
        url: String,
        #[arg(long)]
        account: String,
        #[arg(long)]
        nonce: Option<String>,
        #[arg(long)]
        timestamp: Option<u64>,
        #[arg(long = "setup")]
        setup_id: Option<String>,
    },
}

pub async fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Check(args) => check(args).await,
        Command::Tba(TbaCommand::Explain {
            method,
            url,
            account,
            nonce,
            timestamp,
            setup_id,
        }) => {
            let account = Account::parse(&account)?;
            let url = Url::parse(url.trim()).with_context(|| format!("'{url}' is not a URL"))?;
            let creds = tba_credentials(setup_id.as_deref())?;
            let s = tba::explain(
                &creds,
                &method,
                &url,
                account.realm(),
                nonce.as_deref(),
                timestamp,
            );
            println!("Base string:\n{}\n", s.base_string);
            println!("Signature (HMAC-SHA256, Base64):\n{}\n", s.signature);
            println!("Authorization header:\n{}", s.header);
            Ok(ExitCode::SUCCESS)
        }
        Command::M2m(cmd) => netsuite_m2m::run(cmd).await,
    }
}

async fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let account = Account::parse(&args.account)?;
    let profile =
        crate::profile::load_connector_profile(&args.profile, profiles::builtin, profiles::parse)?;
    let endpoints = Endpoints {
        override_base: args
            .base_url
            .as_deref()
            .map(EndpointOverride::new)
            .transpose()?,
    };
    let setup_id = args.setup_id.as_deref();
    let (credentials, method, extra) = match args.auth {
        None => {
            let c = credentials(setup_id)?;
            (c, None, Vec::new())
        }
        Some(a) => {
            let s = auth::sign_in(
                a,
                &args.oauth,
                &account,
                &endpoints,
                setup_id,
                args.audit_detail.as_deref(),
            )
            .await?;
            match s.outcome {
                Ok(c) => (c, Some(s.method), s.extra),
                // No token, so no check can run: report the refusal as netsuite.auth.
                Err(refused) => {
                    let mut results = vec![*refused];
                    results.extend(s.extra);
                    return Ok(output::print_checks(&results, args.json));
                }
            }
        }
    };
    let budget = Duration::from_secs(args.deadline_secs);
    let options = ClientOptions {
        endpoints,
        concurrency_limit: args.concurrency,
        deadline: Some(Instant::now() + budget),
        ..ClientOptions::default()
    };
    let client = Arc::new(NetSuiteClient::new(
        account.clone(),
        credentials,
        options.clone(),
    )?);
    let mut ctx = NetSuiteCheckContext::new(client.clone(), args.account.clone());
    if args.admin_reader {
        let token = secrets::from_env_or_keychain(ADMIN_TOKEN, None)?;
        // One account, one concurrency pool: share the integration's governor.
        let options = ClientOptions {
            governor: Some(client.governor().clone()),
            ..options
        };
        let admin = NetSuiteClient::new(account, Credentials::Bearer(token), options)?;
        ctx = ctx.with_admin_reader(Arc::new(admin));
    }
    if let Some(m) = method {
        ctx = ctx.with_auth_method(m);
    }
    ctx.role_id = args.role_id;
    ctx.role_name = args.role_name;
    ctx.audit_detail = args.audit_detail;
    let (mut specs, facts) = suite_with_facts(ctx.clone(), &profile);
    // Known before the run (the M2M certificate), counted in its summary.
    specs.extend(extra.into_iter().map(CheckSpec::known));
    // Every check may start at once: the client's governor bounds the requests.
    let run_options = RunOptions {
        concurrency: specs.len(),
        deadline: Some(budget),
        ..RunOptions::default()
    };
    let (summary, results) = run_suite(specs, run_options, output::progress_printer()).await;
    if let Some(path) = &args.save {
        let record = RunRecord::new(
            observe::setup_facts(&ctx, &profile),
            observe::observe(&facts, &ctx, &profile, &results),
            results.clone(),
            Some(summary),
        );
        report::save(path, &record)?;
    }
    Ok(output::print_checks(&results, args.json))
}

/// An administrator's access token for reading the role (environment only).
const ADMIN_TOKEN: &str = "netsuite.admin_access_token";

fn credentials(setup_id: Option<&str>) -> anyhow::Result<Credentials> {
    if let Some(token) = secrets::optional_from_env_or_keychain("netsuite.access_token", setup_id)?
    {
        return Ok(Credentials::Bearer(token));
    }
    Ok(Credentials::Tba(tba_credentials(setup_id)?))
}

fn tba_credentials(setup_id: Option<&str>) -> anyhow::Result<TbaCredentials> {
    let get = |name: &str| {
        secrets::from_env_or_keychain(&format!("netsuite.{name}"), setup_id)
            .map_err(|e| anyhow!("{e:#}"))
    };
    Ok(TbaCredentials {
        consumer_key: get("consumer_key")?,
        consumer_secret: get("consumer_secret")?,
        token_id: get("token_id")?,
        token_secret: get("token_secret")?,
    })
}
