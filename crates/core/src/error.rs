//! The one error shape that crosses IPC and the CLI's JSON: `{kind, message, cause?, fix?, where?}`.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::check::Diagnosis;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    InvalidInput,
    NotFound,
    Keychain,
    Storage,
    Network,
    Protocol,
    Auth,
    Cancelled,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosis: Option<Diagnosis>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            diagnosis: None,
        }
    }

    pub fn with_diagnosis(mut self, diagnosis: Diagnosis) -> Self {
        self.diagnosis = Some(diagnosis);
        self
    }
}

impl From<crate::secret::SecretError> for IpcError {
    fn from(e: crate::secret::SecretError) -> Self {
        use crate::secret::SecretError::*;
        let diagnosis = match &e {
            Unavailable(_) => Diagnosis::new(
                "Onramp keeps credentials only in the system keychain, and none is running.",
                "Install and start a Secret Service keychain (GNOME Keyring or KWallet), then try again. On Debian/Ubuntu: sudo apt install gnome-keyring.",
                "Your desktop's Passwords and Keys settings",
            ),
            Locked(_) => Diagnosis::new(
                "The system keychain is locked.",
                "Unlock the 'Login' keyring (it usually unlocks when you sign in), then try again.",
                "Your desktop's Passwords and Keys settings",
            ),
            Other(_) => Diagnosis::new(
                "The system keychain refused the request.",
                "Check that the keychain is running and unlocked, then try again.",
                "Your desktop's Passwords and Keys settings",
            ),
        };
        IpcError::new(ErrorKind::Keychain, e.to_string()).with_diagnosis(diagnosis)
    }
}
