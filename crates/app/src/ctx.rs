//! What every command reaches (the shell keeps it as Tauri state): the secret store, the
//! state repository, the runs in flight, and facts gathered at start-up.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use onramp_core::{IpcError, SecretKey, SecretStore};
use serde::Serialize;
use specta::Type;
use tokio_util::sync::CancellationToken;

use crate::data_dir::DataDir;
use crate::practice::PracticeSims;
use crate::store::{StateRepo, StoreRecovery};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct KeychainStatus {
    pub available: bool,
    /// Why not, and how to get one, when it is not available.
    pub message: Option<String>,
}

impl KeychainStatus {
    /// Asks the keychain for an entry that never exists: reaching it proves it
    /// is there and unlocked without writing anything.
    pub fn probe(secrets: &dyn SecretStore) -> Self {
        match secrets.exists(&SecretKey::new("onramp", "keychain-probe")) {
            Ok(_) => Self {
                available: true,
                message: None,
            },
            Err(e) => {
                let err = IpcError::from(e);
                let message = match &err.diagnosis {
                    Some(d) => format!("{} {} {}", err.message, d.cause, d.fix),
                    None => err.message.clone(),
                };
                tracing::warn!(%message, "keychain unavailable");
                Self {
                    available: false,
                    message: Some(message),
                }
            }
        }
    }
}

pub struct AppCtx {
    pub secrets: Arc<dyn SecretStore>,
    pub state: Arc<StateRepo>,
    pub data_dir: DataDir,
    pub keychain: KeychainStatus,
    pub recovery: Option<StoreRecovery>,
    pub runs: Arc<RunRegistry>,
    /// Practice simulators by setup id.
    pub sims: Arc<PracticeSims>,
    /// Signed-in administrators by setup id (memory only).
    pub admin: Arc<crate::admin::session::AdminSessions>,
}

/// Cancellation handles of the runs in flight, by run id.
#[derive(Default)]
pub struct RunRegistry(Mutex<HashMap<String, CancellationToken>>);

impl RunRegistry {
    pub fn insert(&self, run_id: String, token: CancellationToken) {
        self.lock().insert(run_id, token);
    }

    pub fn remove(&self, run_id: &str) {
        self.lock().remove(run_id);
    }

    /// False when no such run is in flight (finished, or never started).
    pub fn cancel(&self, run_id: &str) -> bool {
        match self.lock().get(run_id) {
            Some(token) => {
                token.cancel();
                true
            }
            None => false,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, CancellationToken>> {
        // A panic while holding this lock cannot leave the map inconsistent.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl AppCtx {
    /// Opens the state store in `data_dir` (recovering from a corrupt file) and
    /// probes the keychain once, so `app_info` can tell the UI what works.
    pub fn open(data_dir: PathBuf, secrets: Arc<dyn SecretStore>) -> Result<Self, IpcError> {
        let data_dir = DataDir::new(data_dir);
        onramp_core::files::create_private_dir(&data_dir).map_err(|e| {
            IpcError::new(
                onramp_core::ErrorKind::Storage,
                format!("could not create {}: {e}", data_dir.display()),
            )
        })?;
        let (state, recovery) = StateRepo::open(data_dir.state_file())?;
        let keychain = KeychainStatus::probe(secrets.as_ref());
        let sims = Arc::new(PracticeSims::kept_in(data_dir.practice()));
        Ok(Self {
            secrets,
            state: Arc::new(state),
            data_dir,
            keychain,
            recovery,
            runs: Arc::default(),
            sims,
            admin: Arc::default(),
        })
    }
}
