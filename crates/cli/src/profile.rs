//! `onramp-cli profile`: export the setup profile of a saved run, show an
//! imported one, and compare two profiles or reports.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use onramp_core::check::CheckStatus;
use onramp_core::observed::{diff, parse_any, Change, SetupProfile};
use onramp_core::profile::{ConnectorProfile, Erp};
use onramp_core::report::parse_run_record;

use crate::report::{read_input, write};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Write the setup profile (configuration as observed, no secrets) of a saved run.
    Export {
        /// A run record written by `check --save`.
        #[arg(long)]
        from: PathBuf,
        /// Where to write it; standard output when left out.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check a setup profile (or run record) file and show what it describes.
    Show { file: PathBuf },
    /// What changed from A to B (setup profiles or run records, in any mix).
    Diff {
        a: PathBuf,
        b: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: Command) -> anyhow::Result<ExitCode> {
    match cmd {
        Command::Export { from, out } => {
            let (source, text) = read_input(&from)?;
            let record = parse_run_record(&text).with_context(|| format!("reading {source}"))?;
            let json = record.setup_profile().to_json();
            match out {
                Some(path) => write(&path, &json)?,
                None => println!("{json}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { file } => {
            let p = load(&file)?;
            println!("{}", describe(&p));
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { a, b, json } => {
            let changes = diff(&load(&a)?, &load(&b)?);
            if json {
                let doc = serde_json::json!({ "changes": changes });
                println!("{}", serde_json::to_string_pretty(&doc)?);
            } else if changes.is_empty() {
                println!("No differences.");
            } else {
                println!("{}", table(&changes));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load(path: &std::path::Path) -> anyhow::Result<SetupProfile> {
    let (source, text) = read_input(path)?;
    parse_any(&text).with_context(|| format!("reading {source}"))
}

fn describe(p: &SetupProfile) -> String {
    let s = &p.setup;
    let mut out = format!(
        "{} {} ({}), profile {}, sign-in {}\nobserved {} by Onramp {}\n",
        match s.erp {
            Erp::Netsuite => "NetSuite account",
            Erp::Intacct => "Sage Intacct company",
        },
        s.account_id,
        s.environment.map_or_else(
            || s.entity_id
                .as_deref()
                .map_or("company".into(), |e| format!("entity {e}")),
            |e| format!("{e:?}").to_lowercase()
        ),
        s.connector_profile_id.as_deref().unwrap_or("-"),
        s.auth_method.as_deref().unwrap_or("-"),
        p.generated_at,
        p.app_version
    );
    for c in &p.checks {
        let mark = match c.status {
            CheckStatus::Pass => "PASS",
            CheckStatus::Fail => "FAIL",
            CheckStatus::Warn => "WARN",
            CheckStatus::Skip => "SKIP",
        };
        out.push_str(&format!("{mark}  {}  {}\n", c.id, c.summary));
    }
    out.push_str(&format!(
        "failing: {}",
        if p.failing_checks().is_empty() {
            "none".into()
        } else {
            p.failing_checks().join(", ")
        }
    ));
    out
}

fn table(changes: &[Change]) -> String {
    let width = changes.iter().map(|c| c.key.len()).max().unwrap_or(0);
    changes
        .iter()
        .map(|c| {
            format!(
                "{:<12} {:<width$}  {} -> {}",
                format!("{:?}", c.area).to_lowercase(),
                c.key,
                c.before.as_deref().unwrap_or("(none)"),
                c.after.as_deref().unwrap_or("(none)")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A connector profile named on the command line: a file when one exists at
/// that path, else a built-in id. `builtin`/`parse` are the ERP crate's own,
/// so each ERP refuses the other's profiles.
pub(crate) fn load_connector_profile<E>(
    name_or_file: &str,
    builtin: fn(&str) -> Result<ConnectorProfile, E>,
    parse: fn(&str) -> Result<ConnectorProfile, E>,
) -> anyhow::Result<ConnectorProfile>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let path = std::path::Path::new(name_or_file);
    if path.is_file() {
        let text = onramp_core::files::read_text_capped(
            path,
            onramp_core::files::MAX_PROFILE_BYTES,
            "a connector profile",
        )?;
        return Ok(parse(&text)?);
    }
    Ok(builtin(name_or_file)?)
}
