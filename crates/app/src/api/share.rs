//! Reports, setup profiles and reproductions: a setup's stored runs, the
//! report (HTML + JSON) and setup profile exported to a folder the user
//! typed, a profile or report imported from a file, reproduced in Practice
//! mode, and two of them compared. Nothing here reads the keychain.

use crate::data_dir::DataDir;

use onramp_core::observed::{diff, parse_any, Change, SetupProfile};
use onramp_core::report::{render_pdf, PdfOptions, RunRecord, RunRef};
use onramp_core::state::{NewSetup, Setup};
use onramp_core::{ErrorKind, IpcError};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ctx::AppCtx;
use crate::{export, reproduce, runs};

/// A setup's newest run, with every check's result, or none before its first run.
pub async fn get_last_run(ctx: &AppCtx, setup_id: String) -> Result<Option<RunRecord>, IpcError> {
    Ok(runs::store(&ctx.data_dir).latest(&setup_id)?)
}

/// A setup's stored runs, newest first.
pub async fn list_runs(ctx: &AppCtx, setup_id: String) -> Result<Vec<RunRef>, IpcError> {
    Ok(runs::store(&ctx.data_dir).list(&setup_id)?)
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct SetupExpiries {
    pub setup_id: String,
    pub expiries: Vec<onramp_core::report::Expiry>,
}

/// Every setup's certificate and token expiry dates, for the workspace overview.
pub fn setup_expiries(ctx: &AppCtx) -> Result<Vec<SetupExpiries>, IpcError> {
    Ok(ctx
        .state
        .read()?
        .setups
        .iter()
        .map(|s| SetupExpiries {
            setup_id: s.id.clone(),
            expiries: runs::expiries(s),
        })
        .filter(|e| !e.expiries.is_empty())
        .collect())
}

/// Where exports go unless the user types another folder: `~/Documents/Onramp`.
pub fn default_export_dir() -> Result<String, IpcError> {
    Ok(export::default_dir()?.display().to_string())
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Exported {
    /// Full paths of the files written.
    pub files: Vec<String>,
}

/// The report of the setup's run (`run_id`, or its newest) as a self-contained
/// HTML file and the same content as JSON, written into `folder`.
pub async fn export_report(
    ctx: &AppCtx,
    setup_id: String,
    run_id: Option<String>,
    folder: String,
) -> Result<Exported, IpcError> {
    let (setup, record) = report_of(ctx, &setup_id, run_id.as_deref())?;
    let folder = export::typed_path(&folder)?;
    let name = export_name(&setup, "report");
    let html = export::write(&folder, &format!("{name}.html"), record.to_html())?;
    let json = export::write(&folder, &format!("{name}.json"), record.to_json())?;
    Ok(Exported {
        files: vec![html, json],
    })
}

/// The reader's time zone as the window knows it: the PDF report gives local times.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct LocalZone {
    /// As the system names it (`Europe/Berlin`); may be empty.
    pub name: String,
    /// Offset from UTC in minutes, east positive.
    pub utc_offset_minutes: i32,
}

/// The name the save dialog offers for the PDF report,
/// `onramp-practice-report-acme-….pdf` for a practice setup. Refused when
/// there is no run to report on, before any dialog opens.
pub fn report_pdf_name(
    ctx: &AppCtx,
    setup_id: &str,
    run_id: Option<&str>,
) -> Result<String, IpcError> {
    let (setup, _) = report_of(ctx, setup_id, run_id)?;
    Ok(format!("{}.pdf", export_name(&setup, "report")))
}

/// Writes the report of the run as a PDF at `path`, the file the user chose
/// in the save dialog (which asked before replacing one). Returns the path
/// written: `.pdf` is added when missing, and a practice report's name is
/// made to say so when the user's did not.
pub async fn write_report_pdf(
    ctx: &AppCtx,
    setup_id: String,
    run_id: Option<String>,
    path: String,
    zone: LocalZone,
) -> Result<String, IpcError> {
    let (setup, record) = report_of(ctx, &setup_id, run_id.as_deref())?;
    let path = export::typed_path(&path)?;
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            format!("{} is not a file to save into", path.display()),
        ));
    };
    let mut name = name.to_string_lossy().into_owned();
    if !name.to_ascii_lowercase().ends_with(".pdf") {
        name.push_str(".pdf");
    }
    if setup.practice_scenario.is_some() && !name.to_ascii_lowercase().contains("practice") {
        name = format!("practice-{name}");
    }
    let target = folder.join(&name);
    if target != path && target.exists() {
        // The dialog asked about the name the user typed, not this one.
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            format!("{} already exists; choose another name", target.display()),
        ));
    }
    let profile_name = record
        .setup
        .connector_profile_id
        .as_deref()
        .and_then(|id| crate::connector_profiles::resolve(&ctx.data_dir, setup.erp, id).ok())
        .map(|p| p.name);
    let pdf = render_pdf(
        &record,
        &PdfOptions {
            zone_name: zone.name,
            utc_offset_minutes: zone.utc_offset_minutes,
            profile_name,
        },
    );
    export::write(folder, &name, &pdf)
}

/// The setup profile (configuration as observed in the run, never a secret), as JSON in `folder`.
pub async fn export_setup_profile(
    ctx: &AppCtx,
    setup_id: String,
    run_id: Option<String>,
    folder: String,
) -> Result<Exported, IpcError> {
    let (setup, record) = report_of(ctx, &setup_id, run_id.as_deref())?;
    let folder = export::typed_path(&folder)?;
    let name = format!("{}.json", export_name(&setup, "setup-profile"));
    let file = export::write(&folder, &name, record.setup_profile().to_json())?;
    Ok(Exported { files: vec![file] })
}

/// `onramp-report-acme-…`, or `onramp-practice-report-…` for a practice setup,
/// so a file from a simulation says so before anyone opens it.
fn export_name(setup: &Setup, what: &str) -> String {
    let practice = if setup.practice_scenario.is_some() {
        "practice-"
    } else {
        ""
    };
    format!(
        "onramp-{practice}{what}-{}-{}",
        export::slug(&setup.label),
        export::file_stamp()
    )
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportedProfile {
    pub profile: SetupProfile,
    /// Check ids that failed when it was exported: what a reproduction must fail.
    pub failing: Vec<String>,
}

/// Reads a setup profile (or a report's JSON) file, strictly: a wrong,
/// damaged or too-new file is refused with what is wrong with it.
pub async fn import_setup_profile(path: String) -> Result<ImportedProfile, IpcError> {
    let path = export::typed_path(&path)?;
    let profile = parse_any(&export::read(&path)?)?;
    Ok(ImportedProfile {
        failing: profile.failing_checks(),
        profile,
    })
}

/// A practice setup whose simulator behaves like the profile's account, ready
/// for a run where its values can be pasted for the user (see `ready_to_run`).
pub async fn reproduce_setup_profile(
    ctx: &AppCtx,
    profile: SetupProfile,
    label: Option<String>,
) -> Result<Setup, IpcError> {
    // Re-read through the strict parser: the window sends back what it was
    // given, but this is where a file's content turns into a scenario.
    let profile = parse_any(&profile.to_json())?;
    let data_dir = ctx.data_dir.clone();
    let setup = reproduced_setup(&data_dir, &profile, label)?;
    let setup = ctx.state.update(|s| {
        s.setups.push(setup.clone());
        Ok(setup)
    })?;
    super::practice::ready_to_run(ctx, setup).await
}

pub fn reproduced_setup(
    data_dir: &DataDir,
    profile: &SetupProfile,
    label: Option<String>,
) -> Result<Setup, IpcError> {
    let (name, scenario) = reproduce::create(data_dir, profile)?;
    let label = label
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| format!("Reproduced {}", profile.setup.account_id));
    let input = NewSetup {
        erp: profile.setup.erp,
        label,
        client_id: None,
        account_id: String::new(),
        entity_id: None,
        practice_scenario: Some(name.clone()),
    };
    super::setups::practice_setup(input, &scenario).inspect_err(|_| {
        reproduce::remove(data_dir, &name);
    })
}

/// One side of a comparison: an exported file, or a setup's stored run.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProfileSource {
    File {
        path: String,
    },
    Run {
        setup_id: String,
        run_id: Option<String>,
    },
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct Comparison {
    pub before: SetupProfile,
    pub after: SetupProfile,
    pub changes: Vec<Change>,
}

/// What changed from `before` (e.g. the customer's attempt) to `after` (now).
pub async fn compare_setup_profiles(
    ctx: &AppCtx,
    before: ProfileSource,
    after: ProfileSource,
) -> Result<Comparison, IpcError> {
    let load = |source: ProfileSource| -> Result<SetupProfile, IpcError> {
        match source {
            ProfileSource::File { path } => {
                let path = export::typed_path(&path)?;
                Ok(parse_any(&export::read(&path)?)?)
            }
            ProfileSource::Run { setup_id, run_id } => {
                Ok(report_of(ctx, &setup_id, run_id.as_deref())?
                    .1
                    .setup_profile())
            }
        }
    };
    let (before, after) = (load(before)?, load(after)?);
    Ok(Comparison {
        changes: diff(&before, &after),
        before,
        after,
    })
}

/// The setup and its run record, with the steps and expiry dates as they are
/// now (a name typed on the Report step after the run still signs it).
fn report_of(
    ctx: &AppCtx,
    setup_id: &str,
    run_id: Option<&str>,
) -> Result<(Setup, RunRecord), IpcError> {
    let setup = ctx.state.setup(setup_id)?;
    let store = runs::store(&ctx.data_dir);
    let record = match run_id {
        Some(id) => store.get(setup_id, id)?,
        None => store.latest(setup_id)?,
    }
    .ok_or_else(|| {
        IpcError::new(
            ErrorKind::NotFound,
            "this setup has no run to report on yet; run the checks on the Validate step first",
        )
    })?;
    let record = runs::refresh(record, &setup);
    Ok((setup, record))
}

/// Forgets what a deleted setup left in the data folder (runs, reproduced scenario).
pub fn forget_setup(data_dir: &DataDir, setup: Option<&Setup>) {
    let Some(setup) = setup else { return };
    if let Err(e) = runs::store(data_dir).remove_setup(&setup.id) {
        tracing::warn!(error = %e, "runs of a deleted setup not removed");
    }
    if let Some(name) = &setup.practice_scenario {
        reproduce::remove(data_dir, name);
    }
}
