//! The built-in simulator of Oracle NetSuite and Sage Intacct (Practice mode, tests,
//! support reproductions). It behaves like the real services as documented: it
//! verifies signatures with its own code, enforces realms, nonces, clocks,
//! permissions and concurrency, and answers with the real error bodies.

// Handlers return an axum `Response` (or a login failure) as their error: it is
// built at most once per refused request, so its size is irrelevant and boxing
// it everywhere would only add noise.
#![allow(clippy::result_large_err)]

mod gate;
pub mod intacct;
mod kept;
mod merge;
pub mod netsuite;
pub mod options;
pub mod reproduce;
pub mod scenario;
mod serve;
pub mod server;
pub mod standin;

pub use options::{Access, Limits, SimClock, SimOptions};
pub use scenario::{BuiltinInfo, Scenario, ScenarioError};
pub use server::{SimError, SimHandle, Simulator};
