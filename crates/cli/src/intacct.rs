//! `onramp-cli intacct check`: prove a Sage Intacct Web Services setup.
//! Credentials come from ONRAMP_INTACCT_SENDER_ID/_SENDER_PASSWORD/_USER_ID/
//! _USER_PASSWORD (and, for REST profiles, _CLIENT_ID/_CLIENT_SECRET) or the
//! keychain of --setup, never from arguments.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::anyhow;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::report::RunRecord;
use onramp_core::runner::{run_suite, RunOptions};
use onramp_intacct::checks::{suite, IntacctCtx};
use onramp_intacct::observe;
use onramp_intacct::rest::{RestApp, RestClient};
use onramp_intacct::{profiles, ClientOptions, IntacctCredentials};

use crate::{output, report, secrets};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Run every Sage Intacct check against a company.
    Check(CheckArgs),
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Company ID as typed at sign-in.
    #[arg(long)]
    company_id: String,
    /// Entity ID (location) to work in; top level when left out.
    #[arg(long)]
    entity: Option<String>,
    /// Built-in profile name or a profile file.
    #[arg(long, default_value = "intacct-accounting-sync")]
    profile: String,
    /// Send requests to this endpoint instead of Sage Intacct (the simulator).
    #[arg(long)]
    base_url: Option<String>,
    /// Print results as JSON.
    #[arg(long)]
    json: bool,
    /// Keychain setup to read credentials from when not in the environment.
    #[arg(long = "setup")]
    setup_id: Option<String>,
    /// Time budget for the whole run, in seconds.
    #[arg(long, default_value_t = 120)]
    deadline_secs: u64,
    /// Save the run (checks and what was observed, no secrets) for `report` and `profile export`.
    #[arg(long, value_name = "RESULT.json")]
    save: Option<std::path::PathBuf>,
}

pub async fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Check(args) => check(args).await,
    }
}

async fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let profile =
        crate::profile::load_connector_profile(&args.profile, profiles::builtin, profiles::parse)?;
    let get = |name: &str| {
        secrets::from_env_or_keychain(&format!("intacct.{name}"), args.setup_id.as_deref())
            .map_err(|e| anyhow!("{e:#}"))
    };
    let creds = IntacctCredentials {
        sender_id: get("sender_id")?.expose().clone(),
        sender_password: get("sender_password")?,
        user_id: get("user_id")?.expose().clone(),
        user_password: get("user_password")?,
        company_id: args.company_id.clone(),
        entity_id: args.entity.clone(),
    };
    let budget = Duration::from_secs(args.deadline_secs);
    let options = ClientOptions {
        endpoints: Endpoints {
            override_base: args
                .base_url
                .as_deref()
                .map(EndpointOverride::new)
                .transpose()?,
        },
        ..ClientOptions::default()
    };
    let mut ctx = IntacctCtx::new(creds.clone(), options.clone())?;
    let optional = |name: &str| {
        secrets::optional_from_env_or_keychain(&format!("intacct.{name}"), args.setup_id.as_deref())
    };
    if let (Some(client_id), Some(client_secret)) =
        (optional("client_id")?, optional("client_secret")?)
    {
        let app = RestApp {
            client_id: client_id.expose().clone(),
            client_secret,
        };
        ctx = ctx.with_rest(RestClient::new(app, options.endpoints, options.timeout)?);
    }
    let ctx = Arc::new(ctx);
    let run_options = RunOptions {
        deadline: Some(budget),
        ..RunOptions::default()
    };
    let (summary, results) = run_suite(
        suite(ctx.clone(), &profile),
        run_options,
        output::progress_printer(),
    )
    .await;
    if let Some(path) = &args.save {
        let record = RunRecord::new(
            observe::setup_facts(&creds, &profile),
            observe::observe(&ctx, &creds, &results),
            results.clone(),
            Some(summary),
        );
        report::save(path, &record)?;
    }
    Ok(output::print_checks(&results, args.json))
}
