//! The IPC commands: each one takes what Tauri hands it (state, channels,
//! windows) and calls `onramp_application::api`, where the work is done.

pub mod admin;
pub mod choose;
pub mod connector_profiles;
pub mod info;
pub mod lifecycle;
pub mod oauth;
pub mod practice;
pub mod run;
pub mod secrets;
pub mod setups;
pub mod share;
