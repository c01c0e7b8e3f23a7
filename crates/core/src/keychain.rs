//! The OS keychain behind `SecretStore`: macOS Keychain, Windows Credential
//! Manager, or the Secret Service (GNOME Keyring, KWallet) on Linux over D-Bus.
//! There is deliberately no plaintext fallback: without a keychain, every call
//! fails with `SecretError::Unavailable` and advice on how to get one.
//!
//! Each call blocks for a D-Bus round trip. It runs on a short-lived thread of
//! its own because the Secret Service client's blocking API panics when called
//! on a thread inside a tokio runtime, which is where the app and CLI call it.

use crate::secret::{Secret, SecretError, SecretKey, SecretStore};

/// The service name the app stores its entries under. Test builds pass their own.
pub const DEFAULT_SERVICE: &str = "com.onramp.app";

#[cfg(target_os = "linux")]
const INSTALL_ADVICE: &str = "install and start a Secret Service keychain such as GNOME Keyring \
(Debian/Ubuntu: sudo apt install gnome-keyring) and sign in to a desktop session";

/// Entries are stored with the service name and `SecretKey::account()` as the user.
#[derive(Debug, Clone)]
pub struct KeyringStore {
    service: String,
}

impl KeyringStore {
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    fn entry(&self, key: &SecretKey) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, &key.account()).map_err(map_error)
    }
}

impl Default for KeyringStore {
    fn default() -> Self {
        Self::new(DEFAULT_SERVICE)
    }
}

impl SecretStore for KeyringStore {
    fn set(&self, key: &SecretKey, value: &Secret<String>) -> Result<(), SecretError> {
        let entry = self.entry(key)?;
        off_runtime(|| entry.set_password(value.expose())).map_err(map_error)
    }

    fn get(&self, key: &SecretKey) -> Result<Option<Secret<String>>, SecretError> {
        let entry = self.entry(key)?;
        match off_runtime(|| entry.get_password()) {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        let entry = self.entry(key)?;
        match off_runtime(|| entry.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e)),
        }
    }
}

fn off_runtime<T: Send>(call: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| match scope.spawn(call).join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}

fn map_error(e: keyring::Error) -> SecretError {
    // keyring's message already includes the platform error it wraps.
    let detail = e.to_string();
    let kind = match &e {
        keyring::Error::PlatformFailure(inner) => classify_platform(inner.as_ref(), false),
        keyring::Error::NoStorageAccess(inner) => classify_platform(inner.as_ref(), true),
        _ => None,
    };
    match kind {
        #[cfg(target_os = "linux")]
        Some(Kind::Unavailable) => SecretError::Unavailable(format!("{INSTALL_ADVICE} ({detail})")),
        Some(Kind::Locked) => SecretError::Locked(format!(
            "unlock your login keyring, or create one if there is none, and try again ({detail})"
        )),
        None => SecretError::Other(detail),
    }
}

enum Kind {
    /// Only a Secret Service can be missing: macOS and Windows always have their store.
    #[cfg(target_os = "linux")]
    Unavailable,
    Locked,
}

/// keyring wraps the Secret Service error; its variants say what happened.
#[cfg(target_os = "linux")]
fn classify_platform(
    inner: &(dyn std::error::Error + Send + Sync + 'static),
    _no_access: bool,
) -> Option<Kind> {
    use secret_service::Error as Ss;
    match inner.downcast_ref::<Ss>()? {
        Ss::Unavailable => Some(Kind::Unavailable),
        // NoResult: the keychain has no default collection to store into,
        // which the person fixes the same way as a locked one.
        Ss::Locked | Ss::Prompt | Ss::NoResult => Some(Kind::Locked),
        // A bus without a keychain on it, or a stale bus socket. The D-Bus
        // error name is part of the D-Bus specification, so matching it is stable.
        e @ (Ss::Zbus(_) | Ss::ZbusFdo(_)) => {
            let text = e.to_string();
            (text.contains("ServiceUnknown") || text.contains("Connection refused"))
                .then_some(Kind::Unavailable)
        }
        _ => None,
    }
}

/// macOS and Windows report a locked or denied keychain as "no storage access".
#[cfg(not(target_os = "linux"))]
fn classify_platform(
    _inner: &(dyn std::error::Error + Send + Sync + 'static),
    no_access: bool,
) -> Option<Kind> {
    no_access.then_some(Kind::Locked)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn wrapped(e: secret_service::Error, no_access: bool) -> keyring::Error {
        if no_access {
            keyring::Error::NoStorageAccess(Box::new(e))
        } else {
            keyring::Error::PlatformFailure(Box::new(e))
        }
    }

    #[test]
    fn secret_service_errors_map_to_what_the_person_can_do() {
        use secret_service::Error as Ss;
        let unavailable = map_error(wrapped(Ss::Unavailable, false));
        assert!(
            matches!(&unavailable, SecretError::Unavailable(m) if m.contains("apt install gnome-keyring")),
            "{unavailable:?}"
        );
        for e in [Ss::Locked, Ss::Prompt, Ss::NoResult] {
            assert!(matches!(
                map_error(wrapped(e, true)),
                SecretError::Locked(_)
            ));
        }
        assert!(matches!(
            map_error(wrapped(Ss::Crypto("bad padding"), false)),
            SecretError::Other(m) if m.contains("bad padding")
        ));
        assert!(matches!(
            map_error(keyring::Error::TooLong("user".into(), 255)),
            SecretError::Other(_)
        ));
    }
}
