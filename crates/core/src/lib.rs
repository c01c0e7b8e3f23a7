//! Onramp's domain, shared by both ERPs and by every front end (app, CLI).
//! Nothing here knows about Tauri, HTTP or a particular ERP's wire format.

pub mod check;
mod clock;
pub mod error;
pub mod files;
pub mod http;
#[cfg(feature = "keychain")]
pub mod keychain;
pub mod oauth;
pub mod observed;
pub mod profile;
pub mod redact;
pub mod report;
pub mod runner;
pub mod secret;
pub mod state;
pub mod steps;
pub mod verdict;

pub use check::{
    CheckResult, CheckStatus, Diagnosis, DiffStatus, Evidence, PermissionDiff, PermissionDiffRow,
    Proof, ProofMethod,
};
pub use error::{ErrorKind, IpcError};
pub use redact::Redactor;
pub use runner::{run_suite, CheckSpec, RunCtx, RunEvent, RunOptions, RunSummary, Suite};
pub use secret::{Secret, SecretError, SecretKey, SecretStore};
pub use verdict::RunVerdict;
