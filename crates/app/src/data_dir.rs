//! The data folder's layout, in one place:
//!
//! ```text
//! <data folder>/
//!   onramp-state.json          setups and clients (store.rs)
//!   runs/<setup id>/*.json     run records, the newest 20 per setup (runs.rs)
//!   connector-profiles/*.toml  the user's own connector profiles
//!   scenarios/reproduced/*.toml  reproduced customer setups (reproduce.rs)
//!   certificates/<setup id>.pem  M2M certificates (public; keys stay in the keychain),
//!     <setup id>.pending.pem       a new one waiting to be proven (rotation),
//!     <setup id>.vendor.pem        a connector vendor's (the vendor keeps the key)
//!   practice/<setup id>/       what changed in a practice setup's simulated
//!                              account through the APIs (grants by hash; no token)
//! ```

use std::ops::Deref;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir(PathBuf);

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self(root.into())
    }

    pub fn state_file(&self) -> PathBuf {
        self.0.join("onramp-state.json")
    }

    pub fn runs(&self) -> PathBuf {
        self.0.join("runs")
    }

    pub fn connector_profiles(&self) -> PathBuf {
        self.0.join("connector-profiles")
    }

    pub fn reproduced_scenarios(&self) -> PathBuf {
        self.0.join("scenarios").join("reproduced")
    }

    pub fn certificates(&self) -> PathBuf {
        self.0.join("certificates")
    }

    pub fn practice(&self) -> PathBuf {
        self.0.join("practice")
    }
}

/// Whether `id` may name a setup's own file or folder: letters, digits and
/// `-` only (setup ids are UUIDs), so no id reaches outside its folder.
pub fn is_setup_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The folder itself, for messages and for creating it.
impl Deref for DataDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for DataDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}
