//! "Reproduce in Practice mode": an imported setup profile becomes a simulator
//! scenario (onramp-sim builds it), stored as a TOML file under the data folder
//! and named on the practice setup as `reproduced/<id>`, so it is found again
//! after a restart while built-in scenario names keep working unchanged.

use crate::data_dir::DataDir;
use crate::errors::OrIpc;
use std::path::PathBuf;

use onramp_core::observed::SetupProfile;
use onramp_core::{ErrorKind, IpcError};
use onramp_sim::Scenario;

pub const PREFIX: &str = "reproduced/";

/// The id of a reproduced scenario name, `None` for a built-in one.
pub fn scenario_id(name: &str) -> Option<&str> {
    name.trim().strip_prefix(PREFIX)
}

fn path(data_dir: &DataDir, id: &str) -> Result<PathBuf, IpcError> {
    // Ids are uuids this module made; anything else never reaches the disk.
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            format!("{id:?} is not a reproduced scenario of this installation"),
        ));
    }
    Ok(data_dir.reproduced_scenarios().join(format!("{id}.toml")))
}

pub fn load(data_dir: &DataDir, id: &str) -> Result<Scenario, IpcError> {
    let file = path(data_dir, id)?;
    let text = std::fs::read_to_string(&file).map_err(|e| {
        IpcError::new(
            ErrorKind::NotFound,
            format!(
                "the reproduced scenario {} cannot be read ({e}); import the setup profile and reproduce it again",
                file.display()
            ),
        )
    })?;
    Scenario::from_toml_str(&file.display().to_string(), &text).or_ipc()
}

/// Builds the scenario for `profile`, stores it, and returns its setup name
/// (`reproduced/<id>`) with the scenario.
pub fn create(data_dir: &DataDir, profile: &SetupProfile) -> Result<(String, Scenario), IpcError> {
    let text = onramp_sim::reproduce::scenario_toml(profile).or_ipc()?;
    let scenario = Scenario::from_toml_str("reproduced setup profile", &text).or_ipc()?;
    let id = uuid::Uuid::new_v4().to_string();
    let file = path(data_dir, &id)?;
    let write = || -> std::io::Result<()> {
        onramp_core::files::create_private_dir(file.parent().unwrap_or(data_dir))?;
        onramp_core::state::atomic_write(&file, text.as_bytes())
    };
    write().map_err(|e| {
        IpcError::new(
            ErrorKind::Storage,
            format!("could not store the reproduced scenario: {e}"),
        )
    })?;
    Ok((format!("{PREFIX}{id}"), scenario))
}

/// Deletes a reproduced scenario's file (its setup was deleted).
pub fn remove(data_dir: &DataDir, name: &str) {
    let Some(file) = scenario_id(name).and_then(|id| path(data_dir, id).ok()) else {
        return;
    };
    if let Err(e) = std::fs::remove_file(&file) {
        tracing::warn!(file = %file.display(), error = %e, "reproduced scenario not removed");
    }
}
