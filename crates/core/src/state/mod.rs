//! Setups, clients and their progress, stored as one versioned JSON file.
//! Secrets are never part of it: they are keyed by `SecretKey` in the keychain.

mod fields;
mod file;
mod migrate;
mod migrate_fields;
#[cfg(test)]
mod migrate_fields_tests;
mod model;
mod secrets;
#[cfg(test)]
mod tests;

use std::io;
use std::path::{Path, PathBuf};

pub use fields::{
    FieldChange, IntacctFields, KeptAdminSession, KeyExported, NetSuiteFields, OwnerChange,
    PermissionMode, SetupFields, TokenFields, VendorKey,
};
pub use file::{atomic_write, quarantine};
pub use migrate::migrate;
pub use model::{
    first_step, AdminChange, AppState, Client, Environment, NewSetup, Setup, SetupStatus,
    SetupSummary, StepState, StepStatus, SCHEMA_VERSION,
};
pub use secrets::{
    all_secret_names, netsuite_oauth2, optional_secret_names, secret_names, SecretName, SecretSpec,
};

use crate::error::{ErrorKind, IpcError};

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("the saved data is damaged: {0}")]
    Corrupt(String),
    #[error("the saved data was written by a newer version of Onramp (format {found}; this version reads up to {supported}); update Onramp to open it")]
    UnsupportedVersion { found: u32, supported: u32 },
    #[error("{0}")]
    Invalid(String),
    #[error("could not read or write the saved data: {0}")]
    Io(#[from] io::Error),
}

impl From<StateError> for IpcError {
    fn from(e: StateError) -> Self {
        let kind = match e {
            StateError::Invalid(_) => ErrorKind::InvalidInput,
            _ => ErrorKind::Storage,
        };
        IpcError::new(kind, e.to_string())
    }
}

/// Parses and migrates a state document; returns it with the migrations applied.
pub fn load_json(text: &str) -> Result<(AppState, Vec<String>), StateError> {
    let mut doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| StateError::Corrupt(e.to_string()))?;
    let applied = migrate(&mut doc)?;
    let state = serde_json::from_value(doc).map_err(|e| StateError::Corrupt(e.to_string()))?;
    Ok((state, applied))
}

pub fn to_json(state: &AppState) -> Vec<u8> {
    serde_json::to_vec_pretty(state).expect("the state always serialises")
}

/// Writes `state` to `path` atomically.
pub fn save(path: &Path, state: &AppState) -> Result<(), StateError> {
    Ok(atomic_write(path, &to_json(state))?)
}

/// The outcome of opening the state file at start-up.
#[derive(Debug)]
pub struct Loaded {
    pub state: AppState,
    /// Migrations applied (the file is rewritten on the next save).
    pub applied: Vec<String>,
    /// Set when a damaged file was moved aside and an empty state started.
    pub recovered: Option<Recovered>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub moved_to: PathBuf,
    pub reason: String,
}

/// Opens `path`: a missing file is an empty state; a damaged one is moved aside
/// (see `quarantine`). A file from a newer version is an error and is left
/// untouched, since starting afresh would hide that data.
pub fn load_or_recover(path: &Path) -> Result<Loaded, StateError> {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(Loaded {
                state: AppState::default(),
                applied: Vec::new(),
                recovered: None,
            })
        }
        Err(e) => return Err(e.into()),
    };
    let parsed = std::str::from_utf8(&text)
        .map_err(|e| StateError::Corrupt(e.to_string()))
        .and_then(load_json);
    match parsed {
        Ok((state, applied)) => Ok(Loaded {
            state,
            applied,
            recovered: None,
        }),
        Err(StateError::Corrupt(reason)) => Ok(Loaded {
            state: AppState::default(),
            applied: Vec::new(),
            recovered: Some(Recovered {
                moved_to: quarantine(path)?,
                reason,
            }),
        }),
        Err(e) => Err(e),
    }
}
