//! Tracing to a log file in the app's log dir. Secrets are redacted by type:
//! every credential travels as `onramp_core::Secret`, whose Debug/Display print
//! `***`, and no command logs the raw arguments it receives.

use std::fs::File;
use std::path::Path;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

pub const LOG_FILE: &str = "onramp.log";

/// Installs the global subscriber once; later calls (tests) are no-ops.
pub fn init(log_dir: &Path) -> std::io::Result<()> {
    // Owner-only, like the state and run files: the log names clients and accounts.
    onramp_core::files::create_private_dir(log_dir)?;
    let file: File = onramp_core::files::open_private_append(&log_dir.join(LOG_FILE))?;
    let filter = EnvFilter::try_from_env("ONRAMP_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init();
    Ok(())
}
