//! The bodies of the app's commands, one module per area; the desktop shell's
//! Tauri commands are one-line adapters over these functions.

pub mod admin;
pub mod connector_profiles;
pub mod info;
pub mod lifecycle;
pub mod oauth;
pub mod practice;
mod practice_values;
pub mod secrets;
pub mod setups;
pub mod share;

use onramp_core::{ErrorKind, IpcError};

fn not_found(what: &str, id: &str) -> IpcError {
    IpcError::new(ErrorKind::NotFound, format!("no {what} with id {id:?}"))
}
