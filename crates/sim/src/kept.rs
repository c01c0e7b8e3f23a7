//! The file a simulated service keeps its API changes in across a restart
//! (`SimOptions::memory`): read once at start, rewritten atomically after a
//! change (only when the bytes differ). What goes in is the service's to
//! choose and must hold no usable secret: secrets it must recognise again
//! (tokens, codes, passwords) are filed by `key`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// How a secret the service must recognise later is filed: its SHA-256, so
/// what the simulator keeps (in memory and in the file) holds no usable
/// token or password, as a real service stores them.
pub fn key(secret: &str) -> String {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
    use sha2::{Digest, Sha256};
    URL_SAFE_NO_PAD.encode(Sha256::digest(secret.as_bytes()))
}

/// Far above what one practice account keeps (a few grants a run).
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<T> {
    version: u32,
    kept: T,
}

#[derive(Debug)]
pub struct KeptFile {
    path: PathBuf,
    version: u32,
    /// What the file holds now.
    written: Mutex<Vec<u8>>,
}

impl KeptFile {
    /// Reads what an earlier run kept. A missing file is an empty start; one
    /// that cannot be read (another version, cut short, too large) is moved
    /// aside, nothing lost, and the service starts as its scenario has it.
    pub fn open<T: DeserializeOwned + Default>(path: PathBuf, version: u32) -> (Self, T) {
        let kept = read(&path, version).unwrap_or_else(|why| {
            let moved = onramp_core::state::quarantine(&path);
            tracing::warn!(path = %path.display(), %why, moved = ?moved.ok(), "practice memory unreadable; starting afresh");
            T::default()
        });
        let file = Self {
            path,
            version,
            written: Mutex::default(),
        };
        (file, kept)
    }

    /// Writes `kept` if it changed; a failed write is logged and the service
    /// keeps serving (only a restart would notice).
    pub fn save<T: Serialize>(&self, kept: &T) {
        let envelope = Envelope {
            version: self.version,
            kept,
        };
        let Ok(bytes) = serde_json::to_vec(&envelope) else {
            return;
        };
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        if *written == bytes {
            return;
        }
        let result = self
            .path
            .parent()
            .map_or(Ok(()), onramp_core::files::create_private_dir)
            .and_then(|()| onramp_core::state::atomic_write(&self.path, &bytes));
        match result {
            Ok(()) => *written = bytes,
            Err(e) => {
                tracing::warn!(path = %self.path.display(), error = %e, "could not keep the practice account's changes")
            }
        }
    }
}

fn read<T: DeserializeOwned + Default>(path: &Path, version: u32) -> Result<T, String> {
    let bytes = match onramp_core::files::read_capped(
        path,
        MAX_FILE_BYTES,
        "a practice account's memory",
    ) {
        Ok(bytes) => bytes,
        Err(onramp_core::files::ReadError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            return Ok(T::default())
        }
        Err(e) => return Err(e.to_string()),
    };
    let envelope: Envelope<T> = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if envelope.version != version {
        return Err(format!("version {} is not {version}", envelope.version));
    }
    Ok(envelope.kept)
}
