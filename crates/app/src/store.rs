//! The app state on disk: one tauri-plugin-store file holding core's typed,
//! versioned `AppState` (its top-level fields are the store's keys).
//!
//! Why not the plugin alone: in tauri-plugin-store 2.x (read in 2.5) `StoreBuilder::build`
//! ignores load errors (a corrupt file silently becomes an empty store that the
//! next save overwrites), and `Store::save` is a plain `fs::write` (a crash
//! mid-write leaves a truncated file), also run for every open store on exit.
//! So: core validates and migrates the file before the plugin sees it (a corrupt
//! one is quarantined and reported), the plugin's deserializer runs the same
//! core loader, and every write goes through core's `state::atomic_write`
//! (temp file + fsync + rename). The store resource is closed right after it is
//! built so the plugin's exit hook never rewrites the file non-atomically; the
//! `Arc<Store>` kept here stays the in-memory cache.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use onramp_core::state::{self, AppState, Setup};
use onramp_core::{ErrorKind, IpcError};
use serde::Serialize;
use serde_json::Value;
use specta::Type;
use tauri::{Manager, Runtime};
use tauri_plugin_store::{Store, StoreBuilder};

pub const STATE_FILE: &str = "onramp-state.json";

/// Set when the state file on disk could not be used and was moved aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct StoreRecovery {
    pub moved_to: String,
    pub reason: String,
}

/// The two plugin-store operations the repository needs, so it does not carry
/// the Tauri runtime type parameter.
trait Cache: Send + Sync {
    fn entries(&self) -> Vec<(String, Value)>;
    fn set(&self, key: String, value: Value);
}

impl<R: Runtime> Cache for Store<R> {
    fn entries(&self) -> Vec<(String, Value)> {
        Store::entries(self)
    }
    fn set(&self, key: String, value: Value) {
        Store::set(self, key, value)
    }
}

pub struct StateRepo {
    path: PathBuf,
    cache: Arc<dyn Cache>,
    /// Serialises read-modify-write cycles so concurrent commands never lose an update.
    write: Mutex<()>,
}

impl StateRepo {
    /// Validates (and migrates) the file at `path`, then opens it through the plugin.
    pub fn open<R: Runtime, M: Manager<R>>(
        manager: &M,
        path: PathBuf,
    ) -> Result<(Self, Option<StoreRecovery>), IpcError> {
        let recovery = prepare_file(&path)?;
        let store = StoreBuilder::new(manager, &path)
            .deserialize(deserialize_validated)
            .disable_auto_save()
            .build()
            .map_err(|e| storage(format!("could not open the settings store: {e}")))?;
        store.close_resource();
        // `build` swallows load errors; an empty cache over a file core just
        // accepted means the file changed under us: refuse rather than let the
        // next save overwrite it with an empty state.
        if store.is_empty() && path.exists() {
            return Err(storage(format!(
                "{} changed while Onramp was opening it; restart Onramp",
                path.display()
            )));
        }
        Ok((
            Self {
                path,
                cache: store,
                write: Mutex::new(()),
            },
            recovery,
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn read(&self) -> Result<AppState, IpcError> {
        let entries = self.cache.entries();
        if entries.is_empty() {
            return Ok(AppState::default());
        }
        serde_json::from_value(Value::Object(entries.into_iter().collect()))
            .map_err(|e| storage(format!("the settings in memory are unreadable: {e}")))
    }

    /// Applies `change` to the current state and persists the result atomically;
    /// the in-memory cache only changes once the file on disk has.
    pub fn update<T>(
        &self,
        change: impl FnOnce(&mut AppState) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let _guard = self
            .write
            .lock()
            .map_err(|_| storage("the settings store is unusable after an earlier failure"))?;
        let mut app_state = self.read()?;
        let out = change(&mut app_state)?;
        state::save(&self.path, &app_state)?;
        let value = serde_json::to_value(&app_state)
            .map_err(|e| storage(format!("could not encode the settings: {e}")))?;
        if let Value::Object(map) = value {
            for (k, v) in map {
                self.cache.set(k, v);
            }
        }
        Ok(out)
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
/// one is rewritten at once so the plugin and the file agree.
fn prepare_file(path: &Path) -> Result<Option<StoreRecovery>, IpcError> {
    let loaded = state::load_or_recover(path)?;
    if let Some(r) = &loaded.recovered {
        tracing::warn!(reason = %r.reason, moved_to = %r.moved_to.display(), "settings file quarantined");
    }
    if !loaded.applied.is_empty() {
        tracing::info!(applied = ?loaded.applied, "settings migrated to the current schema");
        state::save(path, &loaded.state)?;
    }
    Ok(loaded.recovered.map(|r| StoreRecovery {
        moved_to: r.moved_to.display().to_string(),
        reason: r.reason,
    }))
}

/// The plugin's loader: only ever yields a validated, migrated `AppState`.
fn deserialize_validated(
    bytes: &[u8],
) -> Result<HashMap<String, Value>, Box<dyn std::error::Error + Send + Sync>> {
    let (app_state, _) = state::load_json(std::str::from_utf8(bytes)?)?;
    match serde_json::to_value(app_state)? {
        Value::Object(map) => Ok(map.into_iter().collect()),
        _ => Err("the settings are not a JSON object".into()),
    }
}

fn storage(message: impl Into<String>) -> IpcError {
    IpcError::new(ErrorKind::Storage, message)
}
