//! `onramp-cli`: the headless front end over the same crates as the app.
//! Results go to stdout (human table or JSON), progress and logs to stderr.
//! Credentials come from environment variables or the OS keychain, never from arguments.

mod intacct;
mod netsuite;
mod netsuite_m2m;
mod output;
mod profile;
mod report;
mod revalidate;
mod run;
mod secrets;
mod sim;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// Exit code for usage and runtime errors; 1 is reserved for "a check failed".
const EXIT_ERROR: u8 = onramp_core::RunVerdict::Usage.exit_code();

#[derive(Parser)]
#[command(
    name = "onramp-cli",
    version,
    about = "Set up and prove NetSuite and Sage Intacct integration users from the command line"
)]
struct Cli {
    #[command(subcommand)]
    area: Area,
}

#[derive(Subcommand)]
enum Area {
    /// Oracle NetSuite: validate a setup, OAuth 2.0 helpers.
    #[command(subcommand)]
    Netsuite(netsuite::Command),
    /// Sage Intacct: validate a setup.
    #[command(subcommand)]
    Intacct(intacct::Command),
    /// The built-in simulator of both services (Practice mode).
    Sim(sim::Args),
    /// Store, inspect or delete a setup's credentials in the OS keychain.
    #[command(subcommand)]
    Secret(secrets::Command),
    /// Show a saved run as a table, and write its setup report (HTML, JSON).
    Report(report::Args),
    /// Setup profiles: export one from a saved run, show one, compare two.
    #[command(subcommand)]
    Profile(profile::Command),
    /// Run stored setups' checks again (cron, CI); exits non-zero unless all passed.
    Revalidate(revalidate::Args),
}

#[tokio::main]
async fn main() -> ExitCode {
    restore_sigpipe();
    init_tracing();
    let cli = Cli::parse();
    let outcome = match cli.area {
        Area::Netsuite(cmd) => netsuite::run(cmd).await,
        Area::Intacct(cmd) => intacct::run(cmd).await,
        Area::Sim(cmd) => sim::run(cmd).await,
        Area::Secret(cmd) => secrets::run(cmd),
        Area::Report(args) => report::run(args),
        Area::Profile(cmd) => profile::run(cmd),
        Area::Revalidate(args) => revalidate::run(args).await,
    };
    match outcome {
        Ok(code) => code,
        Err(e) => {
            // `{:#}` prints the whole context chain on one line.
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`onramp-cli … | head`)
/// panics. Restoring the default makes the CLI end quietly like other Unix
/// tools. Sockets are unaffected: on Linux std and tokio send with
/// MSG_NOSIGNAL, so a peer closing a connection is still an error, not a signal.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists;
    // SIG_DFL is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Logs go to stderr so stdout stays clean for results; `RUST_LOG` selects the level.
fn init_tracing() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
