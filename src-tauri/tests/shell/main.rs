//! Shell tests: the commands on Tauri's mock runtime (one test binary, so the
//! Tauri stack is linked once).

mod commands;
mod host;
mod practice;
mod run;
mod share;
