//! Shell tests: the commands on Tauri's mock runtime (one test binary, so the
//! Tauri stack is linked once).

mod admin;
mod choose;
mod commands;
mod host;
mod method_rule;
mod oauth;
mod oauth_m2m;
mod practice;
mod practice_fix;
mod report_pdf;
mod share;
