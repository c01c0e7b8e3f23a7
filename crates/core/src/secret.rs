//! Secrets live only in the OS keychain behind `SecretStore`. `Secret<T>` makes
//! accidental disclosure hard: it prints as `***` and is not `Serialize`.

use std::fmt;

use serde::{Deserialize, Serialize};
use specta::Type;

/// A value that must never be printed, logged or serialised.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The only way to reach the value; call it at the point of use (signing, sending).
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl From<String> for Secret<String> {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl<T> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Which secret of which setup. Serialisable: it names a secret, it is not one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
pub struct SecretKey {
    pub setup_id: String,
    /// e.g. `netsuite.token_secret`, `intacct.sender_password`.
    pub name: String,
}

impl SecretKey {
    pub fn new(setup_id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            setup_id: setup_id.into(),
            name: name.into(),
        }
    }

    /// The keychain "account" attribute under the app's service name.
    pub fn account(&self) -> String {
        format!("{}/{}", self.setup_id, self.name)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// No usable keychain: never fall back to plaintext, say how to get one.
    #[error("no keychain is available: {0}")]
    Unavailable(String),
    #[error("the keychain is locked: {0}")]
    Locked(String),
    #[error("keychain error: {0}")]
    Other(String),
}

/// The OS keychain (in the app) or a stand-in below it (tests, headless CLI).
pub trait SecretStore: Send + Sync {
    fn set(&self, key: &SecretKey, value: &Secret<String>) -> Result<(), SecretError>;
    fn get(&self, key: &SecretKey) -> Result<Option<Secret<String>>, SecretError>;
    fn delete(&self, key: &SecretKey) -> Result<(), SecretError>;
    fn exists(&self, key: &SecretKey) -> Result<bool, SecretError> {
        Ok(self.get(key)?.is_some())
    }
}

/// In-memory store for unit tests and for secrets the CLI reads from the environment.
#[derive(Default)]
pub struct MemorySecretStore {
    inner: std::sync::Mutex<std::collections::HashMap<SecretKey, String>>,
}

impl SecretStore for MemorySecretStore {
    fn set(&self, key: &SecretKey, value: &Secret<String>) -> Result<(), SecretError> {
        self.lock()?.insert(key.clone(), value.expose().clone());
        Ok(())
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Secret<String>>, SecretError> {
        Ok(self.lock()?.get(key).cloned().map(Secret::new))
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        self.lock()?.remove(key);
        Ok(())
    }
}

impl MemorySecretStore {
    fn lock(
        &self,
    ) -> Result<std::sync::MutexGuard<'_, std::collections::HashMap<SecretKey, String>>, SecretError>
    {
        self.inner
            .lock()
            .map_err(|_| SecretError::Other("secret store poisoned".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_prints_its_value() {
        let s = Secret::new("hunter2".to_string());
        assert_eq!(format!("{s:?} {s}"), "*** ***");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn memory_store_round_trip() {
        let store = MemorySecretStore::default();
        let key = SecretKey::new("s1", "netsuite.token_secret");
        assert!(!store.exists(&key).unwrap());
        store.set(&key, &Secret::from("v")).unwrap();
        assert_eq!(store.get(&key).unwrap().unwrap().expose(), "v");
        store.delete(&key).unwrap();
        assert!(!store.exists(&key).unwrap());
    }
}
