//! `onramp-cli netsuite …`: prove a NetSuite setup (`check`), show how a TBA
//! request is signed (`tba explain`), and the OAuth 2.0 M2M helpers (`m2m`).

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{anyhow, Context};
use onramp_application::suite::{self, SignIn, Target};
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_netsuite::{profiles, tba, Account, Credentials, TbaCredentials, Url};

use crate::netsuite_m2m;
use crate::run::{EnvOrKeychain, RunArgs};

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
    #[command(flatten)]
    run: RunArgs,
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
            let creds = tba_credentials(setup_id).await?;
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
    let setup_id = args.run.setup_id.as_deref();
    let method = args.auth.map(auth::AuthArg::method);
    let sign_in = match method {
        None => bearer(setup_id)?,
        Some(AuthMethod::Tba) => None,
        Some(m) => Some(
            auth::sign_in(
                m,
                &args.oauth,
                &account,
                &endpoints,
                setup_id,
                args.audit_detail.as_deref(),
            )
            .await?,
        ),
    };
    let target = Target {
        erp: Erp::Netsuite,
        account_id: args.account,
        entity_id: None,
        auth_method: method,
        profile,
        role_name: args.role_name,
        role_id: args.role_id,
        audit_detail: args.audit_detail,
        token_owner: None,
        practice_scenario: args.run.practice_scenario.clone(),
        admin_token: match args.admin_reader {
            true => Some(crate::secrets::from_env_or_keychain(ADMIN_TOKEN, None)?),
            false => None,
        },
        endpoints,
    };
    crate::run::check(target, sign_in, &args.run).await
}

/// An administrator's access token for reading the role (environment only).
const ADMIN_TOKEN: &str = "netsuite.admin_access_token";

/// Without `--auth`, an access token in the environment or keychain is used as it is.
fn bearer(setup_id: Option<&str>) -> anyhow::Result<Option<SignIn>> {
    let token = crate::secrets::optional_from_env_or_keychain("netsuite.access_token", setup_id)?;
    Ok(token.map(|t| SignIn {
        outcome: Ok(Credentials::Bearer(t)),
        extra: Vec::new(),
    }))
}

async fn tba_credentials(setup_id: Option<String>) -> anyhow::Result<TbaCredentials> {
    let source = Arc::new(EnvOrKeychain { setup_id });
    suite::tba_credentials(source)
        .await
        .map_err(|e| anyhow!("{e}"))
}
