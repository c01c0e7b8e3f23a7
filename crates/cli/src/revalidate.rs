//! `onramp-cli revalidate`: proves the app's stored setups again from cron or
//! CI. Each setup runs through the application layer exactly as the app's
//! Validate step runs it (its keychain credentials, its practice simulator
//! for a practice setup) and its run is recorded in the data folder; a table
//! says how each went, and the exit code is the worst verdict
//! (docs/exit-codes.md).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context};
use onramp_application::ctx::AppCtx;
use onramp_application::lifecycle::revalidate::{overall, revalidate, select, Revalidation};
use onramp_application::run::RunOptions;
use onramp_core::RunVerdict;

use crate::secrets;

/// Where the app keeps its data, unless `--data-dir` or this variable says otherwise.
const DATA_DIR_ENV: &str = "ONRAMP_DATA_DIR";
/// The app's identifier: its data folder's name (tauri.conf.json).
const APP_ID: &str = "com.onramp.app";

#[derive(clap::Args)]
pub struct Args {
    /// Every stored setup.
    #[arg(long, conflicts_with = "setups")]
    all: bool,
    /// Setups by id or label.
    #[arg(value_name = "SETUP")]
    setups: Vec<String>,
    /// The app's data folder (default: $ONRAMP_DATA_DIR, else the app's own).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Most checks and requests in flight at once, per setup.
    #[arg(long, default_value_t = RunOptions::default().concurrency)]
    concurrency: u32,
    /// Time budget for each setup's run, in seconds.
    #[arg(long, default_value_t = RunOptions::default().deadline_secs)]
    deadline_secs: u32,
}

pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.all && args.setups.is_empty() {
        bail!("name the setups to re-validate (id or label), or pass --all");
    }
    let dir = data_dir(args.data_dir)?;
    if !onramp_application::data_dir::DataDir::new(&dir)
        .state_file()
        .is_file()
    {
        bail!(
            "{} holds no Onramp setups (pass --data-dir, or set {DATA_DIR_ENV})",
            dir.display()
        );
    }
    let ctx = AppCtx::open(dir.clone(), Arc::new(secrets::store()))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let setups = ctx.state.read().map_err(|e| anyhow::anyhow!("{e}"))?.setups;
    let picked = select(&setups, &args.setups).map_err(anyhow::Error::msg)?;
    if picked.is_empty() {
        eprintln!(
            "No setups are stored in {}: nothing was checked.",
            dir.display()
        );
    }
    let options = RunOptions {
        concurrency: args.concurrency,
        deadline_secs: args.deadline_secs,
    };
    // One after the other: setups of the same account share its concurrency limit.
    let mut done = Vec::new();
    for setup in picked {
        eprintln!("Re-validating {} ({})…", setup.label, setup.id);
        done.push(revalidate(&ctx, setup, options).await);
    }
    let _ = writeln!(std::io::stdout().lock(), "{}", table(&done));
    Ok(ExitCode::from(overall(&done).exit_code()))
}

fn data_dir(flag: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = flag.or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from)) {
        return Ok(dir);
    }
    // Where Tauri's app_data_dir puts it on each system.
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let base = if cfg!(target_os = "macos") {
        home.map(|h| h.join("Library/Application Support"))
    } else if cfg!(windows) {
        std::env::var_os("APPDATA").map(PathBuf::from)
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".local/share")))
    };
    Ok(base
        .context("cannot tell where the app keeps its data: pass --data-dir")?
        .join(APP_ID))
}

fn verdict(v: RunVerdict) -> &'static str {
    match v {
        RunVerdict::AllPassed => "PASSED",
        RunVerdict::SomeFailed => "FAILED",
        RunVerdict::CouldNotCheck | RunVerdict::Usage => "NOT CHECKED",
    }
}

/// One line per setup: verdict, label, counts or why nothing ran.
fn table(done: &[Revalidation]) -> String {
    let width = done.iter().map(|r| r.label.len()).max().unwrap_or(5).max(5);
    let mut out = format!(
        "{:<11}  {:<width$}  {:<36}  RESULT\n",
        "VERDICT", "SETUP", "ID"
    );
    for r in done {
        let what = match (&r.summary, &r.error) {
            (_, Some(e)) => e.clone(),
            (Some(s), None) => format!(
                "{} passed, {} warned, {} failed, {} skipped{}",
                s.passed,
                s.warned,
                s.failed,
                s.skipped,
                if s.timed_out {
                    " (deadline reached)"
                } else {
                    ""
                }
            ),
            (None, None) => String::new(),
        };
        let practice = if r.practice { " [practice]" } else { "" };
        out.push_str(&format!(
            "{:<11}  {:<width$}  {:<36}  {what}{practice}\n",
            verdict(r.verdict),
            r.label,
            r.setup_id
        ));
    }
    out
}
