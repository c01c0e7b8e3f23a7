//! The IPC commands. Each one validates nothing itself and holds no business
//! logic: it reaches the state, the keychain or the runner in the crates.

pub mod choose;
pub mod connector_profiles;
pub mod info;
pub mod oauth;
pub mod practice;
pub mod run;
pub mod secrets;
pub mod setups;
pub mod share;

use onramp_core::{ErrorKind, IpcError};

fn not_found(what: &str, id: &str) -> IpcError {
    IpcError::new(ErrorKind::NotFound, format!("no {what} with id {id:?}"))
}
