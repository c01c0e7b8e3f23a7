use serde_json::json;

use super::*;
use crate::profile::{AuthMethod, Erp};
use crate::runner::RunSummary;
use crate::secret::{MemorySecretStore, Secret, SecretKey, SecretStore};

fn new_setup(erp: Erp, account: &str) -> NewSetup {
    NewSetup {
        erp,
        label: "  Acme billing \n".into(),
        client_id: Some("  ".into()),
        account_id: account.into(),
        entity_id: None,
        practice_scenario: Some("happy".into()),
    }
}

fn run(failed: u32, cancelled: bool) -> RunSummary {
    RunSummary {
        run_id: "r".into(),
        passed: 3,
        failed,
        warned: 0,
        skipped: 0,
        cancelled,
        timed_out: false,
        started_at: "2026-01-01T00:00:00Z".into(),
        finished_at: "2026-01-01T00:00:05Z".into(),
    }
}

#[test]
fn create_trims_and_keeps_what_the_erp_crate_resolved() {
    let s = Setup::create(
        new_setup(Erp::Netsuite, " 123456_SB1\n"),
        Environment::Sandbox,
    )
    .unwrap();
    assert_eq!(s.account_id, "123456_SB1");
    assert_eq!(s.environment, Environment::Sandbox);
    assert_eq!(s.label, "Acme billing");
    assert_eq!(s.client_id, None, "blank client id means none");
    assert_eq!(s.current_step, "account");
    assert!(uuid::Uuid::parse_str(&s.id).is_ok());
    assert_eq!(s.status(), SetupStatus::NotStarted);

    let intacct = Setup::create(
        new_setup(Erp::Intacct, "Acme-Corp"),
        Environment::Production,
    )
    .unwrap();
    assert_eq!(
        intacct.account_id, "Acme-Corp",
        "Intacct IDs are kept as typed"
    );
    assert_eq!(intacct.current_step, "company");
}

#[test]
fn create_refuses_empty_or_spaced_account_ids_with_a_clear_message() {
    let create = |erp, a: &str| Setup::create(new_setup(erp, a), Environment::Production);
    let err = create(Erp::Netsuite, " \t").unwrap_err();
    assert!(
        err.to_string().contains("NetSuite account ID is empty"),
        "{err}"
    );
    let err = create(Erp::Intacct, "acme corp").unwrap_err();
    assert!(err.to_string().contains("space"), "{err}");
    let ipc: crate::IpcError = err.into();
    assert_eq!(ipc.kind, crate::ErrorKind::InvalidInput);
}

#[test]
fn status_follows_steps_and_the_last_run() {
    let mut s =
        Setup::create(new_setup(Erp::Netsuite, "1234567"), Environment::Production).unwrap();
    let step = |status| StepState {
        status,
        updated_at: "2026-01-01T00:00:00Z".into(),
    };
    s.updated_at = "2000-01-01T00:00:00Z".into();
    s.set_step("account", StepStatus::Done);
    assert_eq!(s.steps["account"].status, StepStatus::Done);
    assert_eq!(s.updated_at, s.steps["account"].updated_at);
    assert!(s.updated_at.as_str() > "2000-01-01T00:00:00Z");
    assert_eq!(s.status(), SetupStatus::InProgress);
    s.last_run = Some(run(0, true));
    assert_eq!(
        s.status(),
        SetupStatus::InProgress,
        "a cancelled run proves nothing"
    );
    s.last_run = Some(run(0, false));
    assert_eq!(s.status(), SetupStatus::Validated);
    assert_eq!(s.summary().status, SetupStatus::Validated);
    s.last_run = Some(RunSummary {
        passed: 0,
        skipped: 2,
        ..run(0, false)
    });
    assert_eq!(
        s.status(),
        SetupStatus::InProgress,
        "a run whose every check skipped proves nothing"
    );
    s.last_run = Some(run(1, false));
    assert_eq!(s.status(), SetupStatus::Failing);
    s.last_run = Some(run(0, false));
    s.steps.insert("role".into(), step(StepStatus::Failed));
    assert_eq!(s.status(), SetupStatus::Failing);
}

const V1: &str = r#"{
  "schema_version": 1,
  "setups": [
    {"id": "a", "erp": "netsuite", "label": "Billing", "workspace": "Acme ",
     "environment": "sandbox", "practice_scenario": null, "account_id": "123456_SB1",
     "entity_id": null, "profile_id": "netsuite-zuora-billing", "auth_method": "tba",
     "current_step": "role", "steps": {"account": {"status": "done", "updated_at": "2025-05-01T10:00:00Z"}},
     "fields": {"role_name": "Zuora Integration"}, "last_run": null,
     "created_at": "2025-05-01T09:00:00Z", "updated_at": "2025-05-01T10:00:00Z"},
    {"id": "b", "erp": "intacct", "label": "GL", "workspace": "Acme",
     "environment": "production", "practice_scenario": null, "account_id": "acme",
     "entity_id": "US", "profile_id": null, "auth_method": null, "current_step": "company",
     "last_run": null, "created_at": "2025-06-01T09:00:00Z", "updated_at": "2025-06-01T09:00:00Z"},
    {"id": "c", "erp": "intacct", "label": "Solo", "workspace": "",
     "environment": "production", "practice_scenario": null, "account_id": "solo",
     "entity_id": null, "profile_id": null, "auth_method": null, "current_step": "company",
     "last_run": null, "created_at": "2025-07-01T09:00:00Z", "updated_at": "2025-07-01T09:00:00Z"}
  ]
}"#;

#[test]
fn v1_workspaces_become_clients() {
    let (state, applied) = load_json(V1).unwrap();
    assert_eq!(applied.len(), 2);
    assert!(applied[0].starts_with("v1 -> v2"));
    assert!(applied[1].starts_with("v2 -> v3"));
    assert_eq!(state.schema_version, SCHEMA_VERSION);
    assert_eq!(
        state.clients.len(),
        1,
        "same name (after trimming) is one client"
    );
    let acme = &state.clients[0];
    assert_eq!(acme.name, "Acme");
    assert_eq!(acme.created_at, "2025-05-01T09:00:00Z");
    assert_eq!(state.setups[0].client_id.as_deref(), Some(acme.id.as_str()));
    assert_eq!(state.setups[1].client_id.as_deref(), Some(acme.id.as_str()));
    assert_eq!(state.setups[2].client_id, None);
    assert_eq!(state.setups[0].auth_method, Some(AuthMethod::Tba));
    assert_eq!(
        state.setups[0].fields.role_name.as_deref(),
        Some("Zuora Integration")
    );
    let rewritten = String::from_utf8(to_json(&state)).unwrap();
    assert!(!rewritten.contains("workspace"));
    // The migrated document is current: loading it again applies nothing.
    let (again, applied) = load_json(&rewritten).unwrap();
    assert!(applied.is_empty());
    assert_eq!(again, state);
}

#[test]
fn unknown_future_version_is_refused_clearly() {
    let err = load_json(r#"{"schema_version": 99, "setups": []}"#).unwrap_err();
    assert!(matches!(
        err,
        StateError::UnsupportedVersion {
            found: 99,
            supported: SCHEMA_VERSION
        }
    ));
    assert!(err.to_string().contains("newer version of Onramp"));
}

#[test]
fn corrupt_documents_are_reported_as_corrupt() {
    for text in [
        "{\"schema_version\": 2, \"setups\": [",
        "[]",
        "{\"setups\": []}",
        "{\"schema_version\": 2, \"setups\": [{\"id\": 1}]}",
        "{\"schema_version\": 1, \"setups\": 5}",
    ] {
        assert!(
            matches!(load_json(text), Err(StateError::Corrupt(_))),
            "{text}"
        );
    }
}

#[test]
fn failed_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    atomic_write(&path, b"old").unwrap();
    let err = file::write_with(&path, |f| {
        use std::io::Write;
        f.write_all(b"half of the new")?;
        Err(std::io::Error::other("disk full"))
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "disk full");
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "the temp file is cleaned up");

    atomic_write(&path, b"new").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
}

#[test]
fn quarantine_moves_the_file_aside_and_load_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    std::fs::write(&path, "{ not json").unwrap();
    let loaded = load_or_recover(&path).unwrap();
    let recovered = loaded.recovered.unwrap();
    assert_eq!(loaded.state, AppState::default());
    assert!(!path.exists());
    let moved = recovered
        .moved_to
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(moved.starts_with("state.json.corrupt-"), "{moved}");
    assert_eq!(
        std::fs::read_to_string(&recovered.moved_to).unwrap(),
        "{ not json"
    );

    // A second damaged file in the same second gets its own name.
    std::fs::write(&path, "x").unwrap();
    let second = quarantine(&path).unwrap();
    assert_ne!(second, recovered.moved_to);
}

#[test]
fn load_leaves_newer_files_alone_and_starts_empty_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let empty = load_or_recover(&path).unwrap();
    assert_eq!((empty.state, empty.recovered), (AppState::default(), None));

    std::fs::write(&path, r#"{"schema_version": 7}"#).unwrap();
    assert!(matches!(
        load_or_recover(&path),
        Err(StateError::UnsupportedVersion { .. })
    ));
    assert!(path.exists(), "a newer file is never moved aside");

    let mut state = AppState::default();
    state.clients.push(Client {
        id: "c1".into(),
        name: "Acme".into(),
        notes: String::new(),
        created_at: "2026-01-01T00:00:00Z".into(),
        archived_at: Some("2026-02-01T00:00:00Z".into()),
    });
    save(&path, &state).unwrap();
    assert_eq!(load_or_recover(&path).unwrap().state, state);
}

/// Secrets are keyed by `SecretKey { setup_id, name }` in the keychain; the
/// state only ever holds the non-secret side. A setup filled in the way the
/// wizard fills it must serialise without the secret it sits next to.
#[test]
fn serialised_state_holds_no_secret_values() {
    let store = MemorySecretStore::default();
    let mut setup =
        Setup::create(new_setup(Erp::Netsuite, "1234567"), Environment::Production).unwrap();
    let planted = "PLANTED-token-secret-9f2c";
    let key = SecretKey::new(&setup.id, "netsuite.token_secret");
    store.set(&key, &Secret::from(planted)).unwrap();
    setup.fields.user_email = Some("PLANTED-visible@example.com".into());
    setup.fields.role_name = Some("Integration".into());
    let state = AppState {
        setups: vec![setup],
        ..AppState::default()
    };
    let text = String::from_utf8(to_json(&state)).unwrap();
    assert!(
        text.contains("PLANTED-visible@example.com"),
        "fields are stored"
    );
    assert!(!text.contains(planted));
    assert_eq!(
        store.get(&key).unwrap().unwrap().expose(),
        planted,
        "the secret stays retrievable by its key"
    );
    let doc: serde_json::Value = serde_json::from_slice(&to_json(&state)).unwrap();
    assert_eq!(doc["setups"][0]["erp"], json!("netsuite"));
}
