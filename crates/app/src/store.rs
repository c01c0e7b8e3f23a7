//! The app state on disk: core's typed, versioned `AppState` in one JSON file,
//! with the current state kept in memory.
//!
//! Core validates and migrates the file when it is opened (a corrupt one is
//! quarantined and reported), and every write goes through core's
//! `state::atomic_write` (temp file + fsync + rename): a crash mid-write never
//! leaves a truncated file. The in-memory copy only changes once the file has.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use onramp_core::state::{self, AppState, Setup};
use onramp_core::{ErrorKind, IpcError};
use serde::Serialize;
use specta::Type;

/// Set when the state file on disk could not be used and was moved aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct StoreRecovery {
    pub moved_to: String,
    pub reason: String,
}

pub struct StateRepo {
    path: PathBuf,
    /// The state as last written; the lock also serialises read-modify-write
    /// cycles, so concurrent commands never lose an update.
    current: Mutex<AppState>,
}

impl StateRepo {
    /// Validates (and migrates) the file at `path` and keeps its state in memory.
    pub fn open(path: PathBuf) -> Result<(Self, Option<StoreRecovery>), IpcError> {
        let (app_state, recovery) = prepare_file(&path)?;
        Ok((
            Self {
                path,
                current: Mutex::new(app_state),
            },
            recovery,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn read(&self) -> Result<AppState, IpcError> {
        Ok(self.lock()?.clone())
    }

    /// Applies `change` to the current state and persists the result atomically;
    /// the state in memory only changes once the file on disk has.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut AppState) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mut current = self.lock()?;
        let mut app_state = current.clone();
        let out = change(&mut app_state)?;
        state::save(&self.path, &app_state)?;
        *current = app_state;
        Ok(out)
    }

    fn lock(&self) -> Result<MutexGuard<'_, AppState>, IpcError> {
        self.current
            .lock()
            .map_err(|_| storage("the settings store is unusable after an earlier failure"))
    }

    /// The setup with `id`.
    pub fn setup(&self, id: &str) -> Result<Setup, IpcError> {
        self.read()?
            .setups
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| setup_not_found(id))
    }

    /// Applies `change` to the setup with `id` and persists it, like `update`.
    pub fn update_setup<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Setup) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        self.update(|s| {
            let setup = s
                .setups
                .iter_mut()
                .find(|s| s.id == id)
                .ok_or_else(|| setup_not_found(id))?;
            change(setup)
        })
    }
}

fn setup_not_found(id: &str) -> IpcError {
    IpcError::new(ErrorKind::NotFound, format!("no setup with id {id:?}"))
}

/// Core opens the file: a damaged one is quarantined and reported, a migrated
/// one is rewritten at once so memory and the file agree.
fn prepare_file(path: &Path) -> Result<(AppState, Option<StoreRecovery>), IpcError> {
    let loaded = state::load_or_recover(path)?;
    if let Some(r) = &loaded.recovered {
        tracing::warn!(reason = %r.reason, moved_to = %r.moved_to.display(), "settings file quarantined");
    }
    if !loaded.applied.is_empty() {
        tracing::info!(applied = ?loaded.applied, "settings migrated to the current schema");
        state::save(path, &loaded.state)?;
    }
    let recovery = loaded.recovered.map(|r| StoreRecovery {
        moved_to: r.moved_to.display().to_string(),
        reason: r.reason,
    });
    Ok((loaded.state, recovery))
}

fn storage(message: impl Into<String>) -> IpcError {
    IpcError::new(ErrorKind::Storage, message)
}
