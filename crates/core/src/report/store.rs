//! Run records kept on disk, per setup, so a setup's last results, its report
//! and its comparisons survive a restart. One JSON file per run under
//! `<dir>/<setup id>/`, each written atomically; the oldest are pruned. Run
//! records hold no secret (see the module above), so neither do these files.

use std::io;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{parse_run_record, RunRecord};
use crate::state::{atomic_write, StateError};

/// Runs kept per setup: enough to compare "the customer's attempt" with now.
pub const KEEP_PER_SETUP: usize = 20;

/// One stored run, as listed (the record itself is read on demand).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RunRef {
    pub run_id: String,
    pub generated_at: String,
    pub passed: u32,
    pub failed: u32,
    pub warned: u32,
    pub skipped: u32,
}

pub struct RunStore {
    dir: PathBuf,
}

impl RunStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Stores `record` for `setup_id` and prunes the oldest beyond `KEEP_PER_SETUP`.
    pub fn save(&self, setup_id: &str, record: &RunRecord) -> Result<RunRef, StateError> {
        let dir = self.setup_dir(setup_id)?;
        std::fs::create_dir_all(&dir)?;
        let r = run_ref(record);
        check_id("run", &r.run_id)?;
        // Timestamp first so names sort oldest → newest.
        let name = format!("{}-{}.json", stamp(&record.generated_at), r.run_id);
        atomic_write(&dir.join(name), record.to_json().as_bytes())?;
        let files = self.files(setup_id)?;
        for old in files
            .iter()
            .take(files.len().saturating_sub(KEEP_PER_SETUP))
        {
            std::fs::remove_file(old)?;
        }
        Ok(r)
    }

    /// The setup's runs, newest first. Unreadable files are left out.
    pub fn list(&self, setup_id: &str) -> Result<Vec<RunRef>, StateError> {
        let mut out: Vec<RunRef> = self
            .files(setup_id)?
            .iter()
            .filter_map(|f| read(f).ok())
            .map(|r| run_ref(&r))
            .collect();
        out.reverse();
        Ok(out)
    }

    /// The newest readable run of the setup, if any.
    pub fn latest(&self, setup_id: &str) -> Result<Option<RunRecord>, StateError> {
        Ok(self
            .files(setup_id)?
            .iter()
            .rev()
            .find_map(|f| read(f).ok()))
    }

    pub fn get(&self, setup_id: &str, run_id: &str) -> Result<Option<RunRecord>, StateError> {
        check_id("run", run_id)?;
        let suffix = format!("-{run_id}.json");
        let found = self
            .files(setup_id)?
            .into_iter()
            .find(|f| f.to_string_lossy().ends_with(&suffix));
        found.map(|f| read(&f)).transpose()
    }

    /// Forgets every run of a deleted setup.
    pub fn remove_setup(&self, setup_id: &str) -> Result<(), StateError> {
        match std::fs::remove_dir_all(self.setup_dir(setup_id)?) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    fn setup_dir(&self, setup_id: &str) -> Result<PathBuf, StateError> {
        check_id("setup", setup_id)?;
        Ok(self.dir.join(setup_id))
    }

    /// The setup's run files, oldest first.
    fn files(&self, setup_id: &str) -> Result<Vec<PathBuf>, StateError> {
        let entries = match std::fs::read_dir(self.setup_dir(setup_id)?) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        Ok(files)
    }
}

fn read(path: &std::path::Path) -> Result<RunRecord, StateError> {
    use crate::files::{read_text_capped, ReadError, MAX_PROFILE_BYTES};
    let text = read_text_capped(path, MAX_PROFILE_BYTES, "a saved run").map_err(|e| match e {
        ReadError::Io { source, .. } => StateError::from(source),
        other => StateError::Corrupt(other.to_string()),
    })?;
    parse_run_record(&text).map_err(|e| StateError::Corrupt(e.to_string()))
}

fn run_ref(r: &RunRecord) -> RunRef {
    let s = r.summary.as_ref();
    RunRef {
        run_id: s.map_or_else(|| stamp(&r.generated_at), |s| s.run_id.clone()),
        generated_at: r.generated_at.clone(),
        passed: s.map_or(0, |s| s.passed),
        failed: s.map_or(0, |s| s.failed),
        warned: s.map_or(0, |s| s.warned),
        skipped: s.map_or(0, |s| s.skipped),
    }
}

/// Ids become path segments: only letters, digits, `-` and `_` are accepted.
fn check_id(what: &str, id: &str) -> Result<(), StateError> {
    let ok = !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(StateError::Invalid(format!(
            "{id:?} is not a valid {what} id"
        )))
    }
}

/// `2026-11-22T13:29:25.12Z` → `20261122T132925120000000Z`: fixed width, so
/// names sort in time order, and file-name safe.
fn stamp(rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(rfc3339, &Rfc3339)
        .ok()
        .and_then(|t| {
            t.to_offset(time::UtcOffset::UTC)
                .format(time::macros::format_description!(
                    "[year][month][day]T[hour][minute][second][subsecond digits:9]Z"
                ))
                .ok()
        })
        .unwrap_or_else(|| {
            rfc3339
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect()
        })
}
