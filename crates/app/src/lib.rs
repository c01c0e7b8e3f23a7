//! Onramp's application layer: everything the desktop app and the CLI do
//! with setups, runs, secrets, OAuth flows, exports, practice and
//! reproduction. Nothing here knows Tauri; the shell's commands and the CLI's
//! subcommands are thin adapters over these modules, so both behave alike and
//! plain `cargo test` covers the behaviour.

pub mod admin;
pub mod api;
pub mod connector_profiles;
pub mod ctx;
pub mod data_dir;
pub mod erp_run;
pub mod errors;
pub mod export;
pub mod host;
pub mod lifecycle;
pub mod method_rule;
pub mod oauth;
pub mod practice;
pub mod reproduce;
pub mod run;
pub mod runs;
pub mod store;
pub mod suite;
