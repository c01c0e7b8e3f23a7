//! Practice mode: one in-process simulator per practice setup, started on
//! loopback the first time the setup needs it and stopped when the setup is
//! deleted or the app exits (dropping a `SimHandle` stops its server). What the
//! simulated account issued is kept in the data folder, so a connection made
//! before a restart still works after it, as with a real account.

use crate::data_dir::DataDir;
use crate::errors::OrIpc;
use std::collections::HashMap;
use std::path::PathBuf;

use onramp_core::profile::Erp;
use onramp_core::state::Setup;
use onramp_core::{ErrorKind, IpcError};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};
use tokio::sync::Mutex;

/// A scenario name as the setup stores it: `netsuite/happy`, or `happy` with
/// the ERP implied by the setup.
pub fn full_name(erp: Erp, scenario: &str) -> String {
    let scenario = scenario.trim();
    if scenario.contains('/') {
        return scenario.to_owned();
    }
    let prefix = match erp {
        Erp::Netsuite => "netsuite",
        Erp::Intacct => "intacct",
    };
    format!("{prefix}/{scenario}")
}

pub fn load(erp: Erp, scenario: &str) -> Result<Scenario, IpcError> {
    Scenario::builtin(&full_name(erp, scenario)).or_ipc()
}

/// A setup's scenario: built in, or a reproduction stored under `data_dir`
/// (`reproduced/<id>`, see `crate::reproduce`).
pub fn load_in(data_dir: &DataDir, erp: Erp, scenario: &str) -> Result<Scenario, IpcError> {
    match crate::reproduce::scenario_id(scenario) {
        Some(id) => crate::reproduce::load(data_dir, id),
        None => load(erp, scenario),
    }
}

/// Whether the user made the fix of the setup's own practice scenario.
pub fn fix_applied(setup: &Setup) -> bool {
    setup.practice_scenario.as_deref().is_some_and(|name| {
        setup.fields.practice_fix.as_deref() == Some(&full_name(setup.erp, name))
    })
}

/// The scenario a practice setup runs against now: as built in, or as it is
/// after the user made its fix.
pub fn scenario_for(data_dir: &DataDir, setup: &Setup) -> Result<Scenario, IpcError> {
    let Some(name) = setup.practice_scenario.as_deref() else {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            "this setup is for a real account, not a practice one",
        ));
    };
    let full = full_name(setup.erp, name);
    if fix_applied(setup) {
        return Scenario::builtin_fixed(&full).or_ipc();
    }
    load_in(data_dir, setup.erp, &full)
}

/// Running simulators by setup id.
#[derive(Default)]
pub struct PracticeSims {
    running: Mutex<HashMap<String, SimHandle>>,
    options: SimOptions,
    /// Where each setup's simulated account keeps what it issued; `None`
    /// forgets it when the simulator stops.
    memory: Option<PathBuf>,
}

impl PracticeSims {
    /// Simulators whose accounts keep what they issued in `dir`.
    pub fn kept_in(dir: PathBuf) -> Self {
        Self {
            memory: Some(dir),
            ..Self::default()
        }
    }

    /// Simulators started with `options` (e.g. a benchmark's latency).
    pub fn with_options(options: SimOptions) -> Self {
        Self {
            options,
            ..Self::default()
        }
    }

    /// The folder a setup's simulated account keeps its changes in.
    fn memory_dir(&self, setup_id: &str) -> Option<PathBuf> {
        self.memory
            .as_ref()
            .filter(|_| crate::data_dir::is_setup_id(setup_id))
            .map(|dir| dir.join(setup_id))
    }

    /// Stops the setup's simulator and deletes what its account kept (the
    /// setup is gone).
    pub async fn forget(&self, setup_id: &str) {
        self.stop(setup_id).await;
        if let Some(dir) = self.memory_dir(setup_id) {
            if let Err(e) = std::fs::remove_dir_all(&dir) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!(error = %e, path = %dir.display(), "could not remove the practice account's memory");
                }
            }
        }
    }

    /// The base URL of the setup's simulator, starting it if needed.
    pub async fn base_url(&self, setup_id: &str, scenario: Scenario) -> Result<String, IpcError> {
        let mut sims = self.running.lock().await;
        if let Some(sim) = sims.get(setup_id) {
            return Ok(sim.base_url());
        }
        let options = SimOptions {
            memory: self.memory_dir(setup_id),
            ..self.options.clone()
        };
        let sim = Simulator::start(scenario, options).await.map_err(|e| {
            IpcError::new(
                ErrorKind::Internal,
                format!("the practice simulator did not start: {e}"),
            )
        })?;
        let url = sim.base_url();
        // The URL carries the simulator's per-launch secret: log the address only.
        tracing::info!(%setup_id, addr = %sim.addr(), "practice simulator started");
        sims.insert(setup_id.to_owned(), sim);
        Ok(url)
    }

    /// The base URL of a simulator already running, if any.
    pub async fn running(&self, setup_id: &str) -> Option<String> {
        self.running
            .lock()
            .await
            .get(setup_id)
            .map(SimHandle::base_url)
    }

    pub async fn stop(&self, setup_id: &str) {
        let sim = self.running.lock().await.remove(setup_id);
        if let Some(sim) = sim {
            sim.shutdown().await;
            tracing::info!(%setup_id, "practice simulator stopped");
        }
    }
}
