//! Runs a suite of checks with bounded concurrency, a deadline, cancellation
//! and progress events. The ERP crates build the check futures; the front ends
//! (app, CLI) only see `Progress` events and the final results.
//!
//! SKETCH — to be completed by the core work.
