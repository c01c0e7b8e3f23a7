//! `onramp-cli sim`: serve a scenario of the built-in simulator (Practice mode,
//! support reproductions, integration tests of other tools), or list scenarios.

use std::{path::Path, process::ExitCode, time::Duration};

use anyhow::Context;
use onramp_sim::{Scenario, SimOptions, Simulator};

/// `onramp-cli sim --scenario X` serves directly; `sim serve …` is the same and
/// `sim list` lists the built-in scenarios.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: Serve,
}

#[derive(clap::Subcommand)]
pub enum Command {
    /// Serve a scenario on 127.0.0.1 until Ctrl-C; prints the base URL on stdout.
    Serve(Serve),
    /// List the built-in scenarios.
    List,
}

#[derive(clap::Args)]
pub struct Serve {
    /// A scenario file, or a built-in name such as `netsuite/happy`.
    #[arg(
        long,
        required_unless_present = "from_profile",
        conflicts_with = "from_profile"
    )]
    scenario: Option<String>,
    /// Reproduce a customer's setup profile (or run record) in Practice mode.
    #[arg(long, value_name = "PROFILE.json")]
    from_profile: Option<std::path::PathBuf>,
    /// With --from-profile: also write the generated scenario (with its practice credentials) here.
    #[arg(long, value_name = "SCENARIO.toml", requires = "from_profile")]
    write_scenario: Option<std::path::PathBuf>,
    /// Port to listen on (default: any free port).
    #[arg(long)]
    port: Option<u16>,
    /// Delay added to every NetSuite/Intacct request, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// NetSuite account concurrency limit (default: from the scenario).
    #[arg(long)]
    concurrency_limit: Option<u32>,
}

pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Some(Command::List) => {
            for s in Scenario::list_builtin() {
                println!("{:<42} {}", s.name, s.title);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Serve(serve_args)) => serve(serve_args).await,
        None => serve(args.serve).await,
    }
}

async fn serve(args: Serve) -> anyhow::Result<ExitCode> {
    let Serve {
        scenario,
        from_profile,
        write_scenario,
        port,
        latency_ms,
        concurrency_limit,
    } = args;
    let loaded = match (&scenario, &from_profile) {
        (_, Some(path)) => from_profile_file(path, write_scenario.as_deref())?,
        (Some(name), None) => load(name)?,
        (None, None) => anyhow::bail!("give --scenario or --from-profile"),
    };
    eprintln!("{}", loaded.title);
    if !loaded.expect_failing.is_empty() {
        eprintln!("expected to fail: {}", loaded.expect_failing.join(", "));
    }
    let options = SimOptions {
        port,
        latency: Duration::from_millis(latency_ms),
        concurrency_limit,
        ..SimOptions::default()
    };
    let handle = Simulator::start(loaded, options).await?;
    println!("{}", handle.base_url());
    eprintln!(
        "Login Audit Trail: {}/__sim/netsuite/login-audit-trail — Ctrl-C to stop",
        handle.base_url()
    );
    tokio::signal::ctrl_c()
        .await
        .context("could not wait for Ctrl-C")?;
    handle.shutdown().await;
    Ok(ExitCode::SUCCESS)
}

/// A path to a scenario file wins over a built-in name.
fn load(scenario: &str) -> anyhow::Result<Scenario> {
    let path = Path::new(scenario.trim());
    if path.is_file() {
        let text = onramp_core::files::read_text_capped(
            path,
            onramp_core::files::MAX_PROFILE_BYTES,
            "a scenario",
        )?;
        return Ok(Scenario::from_toml_str(&path.display().to_string(), &text)?);
    }
    Ok(Scenario::builtin(scenario)?)
}

/// A scenario reproducing an exported setup profile (or a saved run).
fn from_profile_file(path: &Path, write_to: Option<&Path>) -> anyhow::Result<Scenario> {
    let text = onramp_core::files::read_text_capped(
        path,
        onramp_core::files::MAX_PROFILE_BYTES,
        "a setup profile or saved run",
    )?;
    let profile = onramp_core::observed::parse_any(&text)
        .with_context(|| format!("reading {}", path.display()))?;
    let toml = onramp_sim::reproduce::scenario_toml(&profile)?;
    if let Some(out) = write_to {
        crate::report::write(out, &toml)?;
    }
    Ok(Scenario::from_toml_str(&path.display().to_string(), &toml)?)
}
