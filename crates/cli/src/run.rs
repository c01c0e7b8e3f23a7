//! What `netsuite check` and `intacct check` share: the run options (the
//! application layer's, with its defaults), credentials from the environment
//! or the keychain, and one way to run, print and save a run, the same way
//! the app runs and records it.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::anyhow;
use onramp_application::run::{run_to_end, RunOptions};
use onramp_application::runs;
use onramp_application::suite::{prepare, SecretSource, SignIn, Target};
use onramp_core::observed::Simulation;
use onramp_core::state::SecretSpec;
use onramp_core::{ErrorKind, IpcError, RunVerdict, Secret};
use tokio_util::sync::CancellationToken;

use crate::{output, report, secrets};

#[derive(clap::Args)]
pub struct RunArgs {
    /// Most requests in flight at once to the ERP account (its pool is shared with the connector).
    #[arg(long, default_value_t = RunOptions::default().concurrency)]
    concurrency: u32,
    /// Time budget for the whole run, in seconds.
    #[arg(long, default_value_t = RunOptions::default().deadline_secs)]
    deadline_secs: u32,
    /// Print results as JSON.
    #[arg(long)]
    json: bool,
    /// Save the run (checks and what was observed, no secrets) for `report` and `profile export`.
    #[arg(long, value_name = "RESULT.json")]
    save: Option<PathBuf>,
    /// Keychain setup to read credentials from when not in the environment.
    #[arg(long = "setup")]
    pub setup_id: Option<String>,
    /// The run is against the simulator (`onramp-cli sim`) playing this scenario:
    /// the saved run, and the report and setup profile made from it, say so.
    #[arg(long, value_name = "SCENARIO")]
    pub practice_scenario: Option<String>,
}

impl RunArgs {
    pub fn options(&self) -> RunOptions {
        RunOptions {
            concurrency: self.concurrency,
            deadline_secs: self.deadline_secs,
        }
    }
}

/// Credentials from `ONRAMP_<NAME>` environment variables, else the keychain of `--setup`.
pub struct EnvOrKeychain {
    pub setup_id: Option<String>,
}

impl SecretSource for EnvOrKeychain {
    fn get(&self, name: &str) -> Result<Option<Secret<String>>, IpcError> {
        secrets::optional_from_env_or_keychain(name, self.setup_id.as_deref())
            .map_err(|e| IpcError::new(ErrorKind::Storage, format!("{e:#}")))
    }

    fn missing(&self, missing: &[&SecretSpec]) -> IpcError {
        let vars: Vec<String> = missing
            .iter()
            .map(|s| secrets::env_var_name(s.name.as_str()))
            .collect();
        let names: Vec<&str> = missing.iter().map(|s| s.name.as_str()).collect();
        let message = match &self.setup_id {
            Some(id) => format!(
                "no {} found: set {}, or store them for setup {id} with `onramp-cli secret set --setup {id} NAME`",
                names.join(", "),
                vars.join(", ")
            ),
            None => format!(
                "no {} found: set {}, or pass --setup <id> to read them from the keychain",
                names.join(", "),
                vars.join(", ")
            ),
        };
        IpcError::new(ErrorKind::InvalidInput, message)
    }
}

/// Runs `target`'s suite, prints it, and saves its run record with `--save`
/// (a refused OAuth 2.0 sign-in included: it is a run like any other).
pub async fn check(
    target: Target,
    sign_in: Option<SignIn>,
    args: &RunArgs,
) -> anyhow::Result<ExitCode> {
    let options = args.options();
    let cancel = CancellationToken::new();
    let source = Arc::new(EnvOrKeychain {
        setup_id: args.setup_id.clone(),
    });
    let prepared = prepare(&target, sign_in, source, &options, cancel.clone())
        .await
        .map_err(|e| anyhow!("{e}"))?;
    let (summary, results) =
        run_to_end(prepared.suite, &options, cancel, output::progress_printer()).await;
    let verdict = RunVerdict::of_summary(&summary);
    if let Some(path) = &args.save {
        let mut record = runs::of_run(summary, results.clone(), prepared.observe);
        record.setup.simulation = args.practice_scenario.as_ref().map(|scenario| Simulation {
            scenario: scenario.trim().to_owned(),
        });
        report::save(path, &record)?;
    }
    Ok(output::print_checks(&results, args.json, verdict))
}
