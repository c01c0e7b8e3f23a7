//! `onramp-cli intacct check`: prove a Sage Intacct Web Services setup.
//! Credentials come from ONRAMP_INTACCT_SENDER_ID/_SENDER_PASSWORD/_USER_ID/
//! _USER_PASSWORD (and, for REST profiles, _CLIENT_ID/_CLIENT_SECRET) or the
//! keychain of --setup, never from arguments.

use std::process::ExitCode;

use onramp_application::suite::Target;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::profile::Erp;
use onramp_intacct::profiles;

use crate::run::RunArgs;

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
    #[command(flatten)]
    run: RunArgs,
}

pub async fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Check(args) => check(args).await,
    }
}

async fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let profile =
        crate::profile::load_connector_profile(&args.profile, profiles::builtin, profiles::parse)?;
    let target = Target {
        erp: Erp::Intacct,
        account_id: args.company_id,
        entity_id: args.entity,
        auth_method: None,
        profile,
        role_name: None,
        role_id: None,
        audit_detail: None,
        token_owner: None,
        practice_scenario: args.run.practice_scenario.clone(),
        admin_token: None,
        endpoints: Endpoints {
            override_base: args
                .base_url
                .as_deref()
                .map(EndpointOverride::new)
                .transpose()?,
        },
    };
    crate::run::check(target, None, &args.run).await
}
