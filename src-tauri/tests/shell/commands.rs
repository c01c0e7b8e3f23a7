//! The commands through Tauri's IPC layer on the mock runtime, with the real
//! state store in a temporary folder and an in-memory secret store.

use std::sync::Arc;

use super::host::Host;
use onramp_core::secret::MemorySecretStore;
use onramp_core::{ErrorKind, Secret, SecretError, SecretKey};
use serde_json::{json, Value};

fn new_setup(label: &str) -> Value {
    json!({ "input": {
        "erp": "netsuite", "label": label, "client_id": null,
        "account_id": "1234567_SB1", "entity_id": null, "practice_scenario": "happy"
    }})
}

#[test]
fn app_info_reports_version_keychain_and_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let info: Value = host.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        info["keychain"],
        json!({ "available": true, "message": null })
    );
    assert_eq!(info["store_recovery"], Value::Null);
    assert_eq!(info["data_dir"], dir.path().display().to_string());
    let mut keys: Vec<_> = info.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["data_dir", "keychain", "store_recovery", "version"]);
}

#[test]
fn created_setup_is_listed_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let created: Value = {
        let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
        let created: Value = host
            .invoke("create_setup", new_setup("Acme sandbox"))
            .unwrap();
        let listed: Vec<Value> = host.invoke("list_setups", json!({})).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0]["id"], created["id"]);
        assert_eq!(listed[0]["label"], "Acme sandbox");
        assert_eq!(listed[0]["status"], "not_started");
        created
    };
    // A second host on the same folder reads what the first one saved.
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let got: Value = host
        .invoke("get_setup", json!({ "id": created["id"] }))
        .unwrap();
    assert_eq!(got, created);
}

#[test]
fn unknown_setup_is_a_not_found_error() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let err = host
        .invoke::<Value>("get_setup", json!({ "id": "nope" }))
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
}

/// What people paste (host spelling, a page URL) becomes NetSuite's realm
/// spelling with its environment; something that is no account is refused.
#[test]
fn pasted_netsuite_accounts_are_normalised_or_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let create = |account: &str| {
        host.invoke::<Value>(
            "create_setup",
            json!({ "input": {
                "erp": "netsuite", "label": "", "client_id": null,
                "account_id": account, "entity_id": null, "practice_scenario": null
            }}),
        )
    };
    for (pasted, realm, environment) in [
        (" 123456-sb1\n", "123456_SB1", "sandbox"),
        ("tstdrv840553", "TSTDRV840553", "test_drive"),
        (
            "https://1234567.app.netsuite.com/app/center/card.nl",
            "1234567",
            "production",
        ),
    ] {
        let setup = create(pasted).unwrap();
        assert_eq!(setup["account_id"], realm, "{pasted:?}");
        assert_eq!(setup["environment"], environment, "{pasted:?}");
    }
    let err = create("admin@acme.example").unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(err.message.contains("email"), "{}", err.message);
    let err = create(" \t").unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
}

#[test]
fn secrets_are_write_only_and_never_reach_the_store_file() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let setup: Value = host.invoke("create_setup", new_setup("Acme")).unwrap();
    let key = json!({ "setup_id": setup["id"], "name": "netsuite.token_secret" });

    let exists: bool = host.invoke("secret_exists", json!({ "key": key })).unwrap();
    assert!(!exists, "a fresh key has no secret");

    let value = "s3cr3t-value-that-must-stay-in-the-keychain";
    host.invoke::<()>("secret_set", json!({ "key": key, "value": value }))
        .unwrap();
    assert!(host
        .invoke::<bool>("secret_exists", json!({ "key": key }))
        .unwrap());
    // No command reads a secret back.
    let refused = host.raw("secret_get", json!({ "key": key })).unwrap_err();
    assert!(refused.to_string().contains("not found"), "{refused}");
    // Saving the setup again writes the store; the secret is not in it.
    let tick = json!([
        { "type": "tick_checklist", "step": "role", "item": "LIST_CUSTJOB", "done": true },
        { "type": "set_field", "field": { "name": "prepared_by", "value": "Dana" } },
    ]);
    let changed: Value = host
        .invoke(
            "change_setup",
            json!({ "id": setup["id"], "changes": tick }),
        )
        .unwrap();
    assert_eq!(
        changed["fields"]["checklists"]["role"],
        json!(["LIST_CUSTJOB"])
    );
    assert_eq!(changed["fields"]["prepared_by"], "Dana");
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&text).contains(value));
    }
}

#[test]
fn deleting_a_setup_deletes_its_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let host = Host::new(dir.path(), secrets.clone());
    let setup: Value = host.invoke("create_setup", new_setup("Acme")).unwrap();
    let key = json!({ "setup_id": setup["id"], "name": "netsuite.token_secret" });
    host.invoke::<()>("secret_set", json!({ "key": key, "value": "v" }))
        .unwrap();
    // What the confirmation names: the entries held now, never their values.
    let held: Vec<String> = host
        .invoke("setup_keychain_items", json!({ "id": setup["id"] }))
        .unwrap();
    assert_eq!(held, ["netsuite.token_secret"]);

    host.invoke::<()>("delete_setup", json!({ "id": setup["id"] }))
        .unwrap();
    assert!(!host
        .invoke::<bool>("secret_exists", json!({ "key": key }))
        .unwrap());
    assert!(host
        .invoke::<Vec<Value>>("list_setups", json!({}))
        .unwrap()
        .is_empty());
}

#[test]
fn corrupt_store_is_moved_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = onramp_application::data_dir::DataDir::new(dir.path()).state_file();
    std::fs::write(&state_file, b"{\"schema_version\": 1, \"setups\": [tru").unwrap();

    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let info: Value = host.invoke("app_info", json!({})).unwrap();
    let moved_to = info["store_recovery"]["moved_to"].as_str().unwrap();
    assert!(!info["store_recovery"]["reason"]
        .as_str()
        .unwrap()
        .is_empty());
    assert_eq!(
        std::fs::read(moved_to).unwrap(),
        b"{\"schema_version\": 1, \"setups\": [tru",
        "the unreadable file is kept, untouched, for support"
    );
    // The app starts empty and works.
    assert!(host
        .invoke::<Vec<Value>>("list_setups", json!({}))
        .unwrap()
        .is_empty());
    host.invoke::<Value>("create_setup", new_setup("After recovery"))
        .unwrap();
    let saved = std::fs::read_to_string(&state_file).unwrap();
    assert!(saved.contains("After recovery"));
}

/// A machine without a Secret Service: every call fails as the keyring does.
struct NoKeychain;

impl onramp_core::SecretStore for NoKeychain {
    fn set(&self, _: &SecretKey, _: &Secret<String>) -> Result<(), SecretError> {
        Err(SecretError::Unavailable(
            "org.freedesktop.secrets was not provided".into(),
        ))
    }
    fn get(&self, _: &SecretKey) -> Result<Option<Secret<String>>, SecretError> {
        Err(SecretError::Unavailable(
            "org.freedesktop.secrets was not provided".into(),
        ))
    }
    fn delete(&self, _: &SecretKey) -> Result<(), SecretError> {
        Err(SecretError::Unavailable(
            "org.freedesktop.secrets was not provided".into(),
        ))
    }
}

#[test]
fn without_a_keychain_secrets_fail_with_a_diagnosis_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(NoKeychain));
    let info: Value = host.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["keychain"]["available"], false);
    assert!(info["keychain"]["message"]
        .as_str()
        .unwrap()
        .contains("gnome-keyring"));

    let setup: Value = host
        .invoke("create_setup", new_setup("No keychain"))
        .unwrap();
    let key = json!({ "setup_id": setup["id"], "name": "netsuite.token_secret" });
    let err = host
        .invoke::<()>(
            "secret_set",
            json!({ "key": key, "value": "plain-text-never" }),
        )
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Keychain);
    assert!(err.diagnosis.is_some(), "cause → fix → where for the UI");
    // No plaintext fallback anywhere in the data folder.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&text).contains("plain-text-never"));
    }
}

#[test]
fn an_older_store_is_migrated_on_start_and_rewritten_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = onramp_application::data_dir::DataDir::new(dir.path()).state_file();
    let v1 = json!({ "schema_version": 1, "setups": [{
        "id": "old", "erp": "netsuite", "label": "Billing", "workspace": "Acme",
        "environment": "sandbox", "practice_scenario": null, "account_id": "123456_SB1",
        "entity_id": null, "profile_id": null, "auth_method": "tba", "current_step": "role",
        "steps": {}, "fields": {}, "last_run": null,
        "created_at": "2025-05-01T09:00:00Z", "updated_at": "2025-05-01T10:00:00Z"
    }]});
    std::fs::write(&state_file, v1.to_string()).unwrap();

    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let on_disk: Value = serde_json::from_slice(&std::fs::read(&state_file).unwrap()).unwrap();
    assert_eq!(
        on_disk["schema_version"],
        onramp_core::state::SCHEMA_VERSION
    );
    let clients: Vec<Value> = host.invoke("list_clients", json!({})).unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0]["name"], "Acme");
    let setup: Value = host.invoke("get_setup", json!({ "id": "old" })).unwrap();
    assert_eq!(setup["client_id"], clients[0]["id"]);
}

#[test]
fn a_v2_store_s_string_fields_are_typed_on_start() {
    let dir = tempfile::tempdir().unwrap();
    let state_file = onramp_application::data_dir::DataDir::new(dir.path()).state_file();
    let v2 = json!({ "schema_version": 2, "clients": [], "setups": [{
        "id": "old", "erp": "intacct", "label": "GL", "client_id": null,
        "environment": "production", "practice_scenario": null, "account_id": "acme",
        "entity_id": null, "profile_id": null, "auth_method": null, "current_step": "roles",
        "steps": {}, "last_run": null,
        "fields": { "checklist_roles": "GLACCOUNT,VENDOR", "permission_mode": "user",
                    "multi_entity": "no", "note_from_elsewhere": "kept" },
        "created_at": "2025-05-01T09:00:00Z", "updated_at": "2025-05-01T10:00:00Z"
    }]});
    std::fs::write(&state_file, v2.to_string()).unwrap();

    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let on_disk: Value = serde_json::from_slice(&std::fs::read(&state_file).unwrap()).unwrap();
    let fields = &on_disk["setups"][0]["fields"];
    assert_eq!(
        fields["checklists"]["roles"],
        json!(["GLACCOUNT", "VENDOR"])
    );
    assert_eq!(fields["intacct"]["permission_mode"], "user");
    assert_eq!(fields["intacct"]["multi_entity"], false);
    assert_eq!(fields["legacy"]["note_from_elsewhere"], "kept");
    let setup: Value = host.invoke("get_setup", json!({ "id": "old" })).unwrap();
    assert_eq!(&setup["fields"], fields, "the window reads what is stored");
}

#[test]
fn list_profiles_returns_the_built_in_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let profiles: Vec<Value> = host.invoke("list_profiles", json!({})).unwrap();
    let mut ids: Vec<_> = profiles.iter().map(|p| p["id"].as_str().unwrap()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "intacct-accounting-sync",
            "netsuite-ai-connector-mcp",
            "netsuite-readonly-reporting",
            "netsuite-restlet-connector",
            "netsuite-suiteanalytics-connect",
            "netsuite-zuora-billing"
        ]
    );
    assert!(profiles.iter().all(|p| p["builtin"] == true));
}

#[test]
fn deleting_a_client_keeps_its_setups_under_no_client() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(dir.path(), Arc::new(MemorySecretStore::default()));
    let client: Value = host
        .invoke(
            "save_client",
            json!({ "client": { "id": "", "name": "Acme", "notes": "", "created_at": "" } }),
        )
        .unwrap();
    let setup: Value = host.invoke("create_setup", new_setup("Billing")).unwrap();
    let change = json!([{ "type": "set_client", "client_id": client["id"] }]);
    let _: Value = host
        .invoke(
            "change_setup",
            json!({ "id": setup["id"], "changes": change }),
        )
        .unwrap();

    host.invoke::<()>("delete_client", json!({ "id": client["id"] }))
        .unwrap();
    assert!(host
        .invoke::<Vec<Value>>("list_clients", json!({}))
        .unwrap()
        .is_empty());
    let kept: Value = host
        .invoke("get_setup", json!({ "id": setup["id"] }))
        .unwrap();
    assert_eq!(
        kept["client_id"],
        Value::Null,
        "the setup stays, under no client"
    );
    let err = host
        .invoke::<()>("delete_client", json!({ "id": client["id"] }))
        .unwrap_err();
    assert_eq!(err.kind, onramp_core::ErrorKind::NotFound);
}
