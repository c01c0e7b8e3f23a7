//! Connector profiles a consultant made (copied from a built-in one, edited or
//! imported): one TOML file each under the data folder, the same format as the
//! built-in data files, validated by core before it is stored or used.
//! Built-in profiles are read-only: a user profile can never take their id.

use crate::data_dir::DataDir;
use std::path::{Path, PathBuf};

use onramp_core::profile::{self, builtin_by_id, parse_toml, validate, ConnectorProfile, Erp};
use onramp_core::state::Setup;
use onramp_core::{ErrorKind, IpcError};

/// A connector profile is a short list; anything bigger is not one.
const MAX_FILE_BYTES: u64 = 1 << 20;

fn dir(data_dir: &DataDir) -> PathBuf {
    data_dir.connector_profiles()
}

fn invalid(message: impl Into<String>) -> IpcError {
    IpcError::new(ErrorKind::InvalidInput, message)
}

fn storage(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(
        ErrorKind::Storage,
        format!("could not read or write connector profiles: {e}"),
    )
}

/// The consultant's own profiles, by name. A damaged file is skipped (and
/// logged) rather than hiding every other profile.
pub fn list_user(data_dir: &DataDir) -> Vec<ConnectorProfile> {
    let Ok(entries) = std::fs::read_dir(dir(data_dir)) else {
        return Vec::new();
    };
    let mut out: Vec<ConnectorProfile> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| match read_file(&p) {
            Ok(profile) => Some(profile),
            Err(e) => {
                tracing::warn!(file = %p.display(), error = %e.message, "connector profile skipped");
                None
            }
        })
        .collect();
    out.sort_by_key(|p| p.name.to_lowercase());
    out
}

/// Built-in profiles first, then the consultant's.
pub fn all(data_dir: &DataDir) -> Vec<ConnectorProfile> {
    let mut out = profile::builtin();
    out.extend(list_user(data_dir));
    out
}

/// The setup's connector profile: the one it names, or its ERP's default.
pub fn of_setup(data_dir: &DataDir, setup: &Setup) -> Result<ConnectorProfile, IpcError> {
    let id = setup.profile_id.as_deref().unwrap_or(default_id(setup.erp));
    resolve(data_dir, setup.erp, id)
}

/// The profile a setup uses until the user picks one.
pub fn default_id(erp: Erp) -> &'static str {
    match erp {
        Erp::Netsuite => "netsuite-zuora-billing",
        Erp::Intacct => "intacct-accounting-sync",
    }
}

/// The profile a setup names, built-in or the consultant's, for its ERP.
pub fn resolve(data_dir: &DataDir, erp: Erp, id: &str) -> Result<ConnectorProfile, IpcError> {
    let found =
        builtin_by_id(id).or_else(|| list_user(data_dir).into_iter().find(|p| p.id == id.trim()));
    let p = found.ok_or_else(|| {
        invalid(format!(
            "no connector profile is called {id:?}; pick one on the Connector profile step"
        ))
    })?;
    if p.erp != erp {
        return Err(invalid(format!(
            "the connector profile {id:?} is for {:?}, not this setup's ERP",
            p.erp
        )));
    }
    Ok(p)
}

/// Checks a profile with core's rules; every issue is named at once.
pub fn check(p: &ConnectorProfile) -> Result<(), IpcError> {
    validate(p).map_err(|issues| IpcError::from(profile::ProfileError::Invalid(issues)))?;
    if builtin_by_id(&p.id).is_some() {
        return Err(invalid(format!(
            "{:?} is the id of a built-in profile, which is read-only; give your copy its own id",
            p.id
        )));
    }
    Ok(())
}

/// Stores (adds or replaces) a consultant's profile.
pub fn save(data_dir: &DataDir, mut p: ConnectorProfile) -> Result<ConnectorProfile, IpcError> {
    p.builtin = false;
    check(&p)?;
    let text = to_toml(&p)?;
    onramp_core::files::create_private_dir(&dir(data_dir)).map_err(storage)?;
    onramp_core::state::atomic_write(&file(data_dir, &p.id), text.as_bytes()).map_err(storage)?;
    Ok(p)
}

pub fn delete(data_dir: &DataDir, id: &str) -> Result<(), IpcError> {
    if builtin_by_id(id).is_some() {
        return Err(invalid(
            "built-in profiles are read-only and cannot be deleted",
        ));
    }
    // Ids are validated slugs, so this stays inside the profiles folder.
    let path = file(data_dir, id);
    if !validate_id(id) || !path.exists() {
        return Err(IpcError::new(
            ErrorKind::NotFound,
            format!("no connector profile of yours is called {id:?}"),
        ));
    }
    std::fs::remove_file(path).map_err(storage)
}

/// The profile as the TOML file format (what export writes and import reads).
pub fn to_toml(p: &ConnectorProfile) -> Result<String, IpcError> {
    toml::to_string_pretty(p).map_err(|e| {
        IpcError::new(
            ErrorKind::Internal,
            format!("could not write the profile as TOML: {e}"),
        )
    })
}

/// Reads and validates a profile file (TOML, as exported).
pub fn read_file(path: &Path) -> Result<ConnectorProfile, IpcError> {
    let size = std::fs::metadata(path)
        .map_err(|e| invalid(format!("cannot read {}: {e}", path.display())))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(invalid(format!(
            "{} is {size} bytes; a connector profile is a small TOML file",
            path.display()
        )));
    }
    let text = onramp_core::files::read_text_capped(
        path,
        onramp_core::files::MAX_PROFILE_BYTES,
        "a connector profile",
    )
    .map_err(|e| invalid(e.to_string()))?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('{') {
        return Err(invalid(
            "this is a JSON file; a connector profile is TOML (a setup profile or report is imported on the Import screen)",
        ));
    }
    let p = parse_toml(text)?;
    validate(&p).map_err(|issues| IpcError::from(profile::ProfileError::Invalid(issues)))?;
    Ok(p)
}

fn validate_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn file(data_dir: &DataDir, id: &str) -> PathBuf {
    dir(data_dir).join(format!("{id}.toml"))
}
