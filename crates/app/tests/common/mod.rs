//! What the lifecycle tests share: a practice setup in a throwaway data
//! folder, with an in-memory keychain the test can read back.

use std::sync::Arc;

use onramp_application::api::setups::create_setup;
use onramp_application::ctx::AppCtx;
use onramp_core::profile::Erp;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::{NewSetup, Setup};
use tempfile::TempDir;

/// A practice setup of `scenario`; keep the folder alive as long as the context.
pub async fn practice_setup(
    erp: Erp,
    label: &str,
    scenario: &str,
) -> (TempDir, Arc<MemorySecretStore>, AppCtx, Setup) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemorySecretStore::default());
    let ctx = AppCtx::open(dir.path().to_path_buf(), store.clone()).unwrap();
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp,
            label: label.into(),
            client_id: None,
            account_id: String::new(),
            entity_id: None,
            practice_scenario: Some(scenario.into()),
        },
    )
    .await
    .unwrap();
    (dir, store, ctx, setup)
}
