//! `onramp-cli report`: turn a saved run (`check --save`) into the setup
//! report (self-contained HTML and/or JSON), or re-print any saved result.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Read;

use anyhow::{bail, Context};
use onramp_core::check::CheckResult;
use onramp_core::report::{parse_run_record, RunRecord, RUN_RECORD_KIND};
use onramp_core::RunVerdict;

use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// A run record (`check --save`) or a `--json` result; `-` reads standard input.
    #[arg(value_name = "FILE", conflicts_with = "from")]
    file: Option<PathBuf>,
    /// Same as FILE.
    #[arg(long)]
    from: Option<PathBuf>,
    /// Write the report as one self-contained HTML file (printable to PDF).
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Write the report's JSON (the run record, re-validated).
    #[arg(long = "out-json", value_name = "OUT.json")]
    out_json: Option<PathBuf>,
    /// Print the checks as JSON instead of the table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Some(path) = args.file.or(args.from) else {
        bail!("name the saved run: `onramp-cli report --from result.json --html report.html`");
    };
    let (source, text) = read_input(&path)?;
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .with_context(|| format!("{source} is not JSON"))?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(RUN_RECORD_KIND) {
        // A plain `--json` result: checks only, no setup facts to report on.
        if args.html.is_some() || args.out_json.is_some() {
            bail!("{source} holds check results only; run the check again with `--save <file>` to make a report");
        }
        let saved: Saved = serde_json::from_value(value).with_context(|| {
            format!("{source} is neither a run record nor a saved check result (expected {{\"checks\": [...]}})")
        })?;
        let verdict = RunVerdict::of_results(&saved.checks, false);
        return Ok(output::print_checks(&saved.checks, args.json, verdict));
    }
    let record = parse_run_record(&text).with_context(|| format!("reading {source}"))?;
    if let Some(out) = &args.html {
        write(out, &record.to_html())?;
    }
    if let Some(out) = &args.out_json {
        write(out, &record.to_json())?;
    }
    let verdict = match &record.summary {
        Some(summary) => RunVerdict::of_summary(summary),
        None => RunVerdict::of_results(&record.checks, false),
    };
    Ok(output::print_checks(&record.checks, args.json, verdict))
}

#[derive(serde::Deserialize)]
struct Saved {
    checks: Vec<CheckResult>,
}

pub fn read_input(path: &Path) -> anyhow::Result<(String, String)> {
    if path.as_os_str() == "-" {
        // As capped as a file: a saved run is never near this size.
        let limit = onramp_core::files::MAX_PROFILE_BYTES;
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        if bytes.len() as u64 > limit {
            bail!("standard input is larger than {limit} bytes, too large for a saved run");
        }
        let text = String::from_utf8(bytes).context("standard input is not text (UTF-8)")?;
        return Ok(("standard input".into(), text));
    }
    let text = onramp_core::files::read_text_capped(
        path,
        onramp_core::files::MAX_PROFILE_BYTES,
        "a saved run",
    )?;
    Ok((path.display().to_string(), text))
}

/// Writes a file next to its final name first, so a crash never leaves half a report.
pub fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    onramp_core::state::atomic_write(path, text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// `--save`: the run record for `report --from` and `profile export --from`.
pub fn save(path: &Path, record: &RunRecord) -> anyhow::Result<()> {
    write(path, &record.to_json())
}
