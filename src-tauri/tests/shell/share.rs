//! Reports, setup profiles and reproductions through the real commands: a
//! practice run is kept across a restart, exported, imported into another
//! data folder, reproduced there and fails the same checks.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use super::host::Host;
use super::practice::{paste_practice_values, run};
use onramp_core::secret::MemorySecretStore;
use onramp_core::ErrorKind;
use serde_json::{json, Value};

fn host(dir: &Path) -> Host {
    Host::new(dir, Arc::new(MemorySecretStore::default()))
}

fn id_of(setup: &Value) -> String {
    setup["id"].as_str().unwrap().to_owned()
}

fn practice(host: &Host, scenario: &str) -> String {
    let erp = scenario.split('/').next().unwrap();
    let setup: Value = host
        .invoke(
            "create_setup",
            json!({ "input": {
                "erp": erp, "label": "Acme", "client_id": null,
                "account_id": "", "entity_id": null, "practice_scenario": scenario
            }}),
        )
        .unwrap();
    id_of(&setup)
}

/// Pastes the practice values and runs the checks; returns the failing ids.
fn paste_and_run(host: &Host, id: &str) -> BTreeSet<String> {
    paste_practice_values(host, id);
    run_as_is(host, id)
}

/// Runs the checks with what the setup holds; returns the failing ids.
fn run_as_is(host: &Host, id: &str) -> BTreeSet<String> {
    run(host, id);
    // `Finished` arrives only once the run is recorded.
    let record: Value = host
        .invoke("get_last_run", json!({ "setupId": id }))
        .unwrap();
    failing(&record["checks"])
}

fn failing(checks: &Value) -> BTreeSet<String> {
    checks
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_run_is_kept_exported_imported_elsewhere_and_reproduced_with_the_same_failures() {
    let (a, b, out) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let first = host(a.path());
    let id = practice(&first, "netsuite/missing-currency-permission");
    let none: Option<Value> = first
        .invoke("get_last_run", json!({ "setupId": id }))
        .unwrap();
    assert!(none.is_none(), "no run before the first one");
    let failed = paste_and_run(&first, &id);
    assert!(failed.contains("netsuite.permissions"), "{failed:?}");
    drop(first);

    // A restart keeps the full results, not only the counts.
    let again = host(a.path());
    let record: Value = again
        .invoke("get_last_run", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(failing(&record["checks"]), failed);
    assert_eq!(record["setup"]["account_id"], "1234567");
    let folder = out.path().display().to_string();
    let report: Value = again
        .invoke(
            "export_report",
            json!({ "setupId": id, "runId": null, "folder": folder }),
        )
        .unwrap();
    let files: Vec<String> = serde_json::from_value(report["files"].clone()).unwrap();
    assert!(files[0].ends_with(".html") && files[1].ends_with(".json"));
    let html = std::fs::read_to_string(&files[0]).unwrap();
    assert!(html.contains("netsuite.permissions") && html.contains("1234567"));
    // Made in Practice: the file names, the page and the JSON say so and name the scenario.
    for f in &files {
        let name = std::path::Path::new(f)
            .file_name()
            .unwrap()
            .to_string_lossy();
        assert!(name.starts_with("onramp-practice-report-"), "{name}");
    }
    assert!(html.contains("Practice report (simulation)"));
    assert!(html.contains("scenario netsuite/missing-currency-permission"));
    assert!(
        !html.contains("env-production\">"),
        "never labelled production"
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&files[1]).unwrap()).unwrap();
    assert_eq!(
        json["setup"]["simulation"]["scenario"],
        "netsuite/missing-currency-permission"
    );
    let exported: Value = again
        .invoke(
            "export_setup_profile",
            json!({ "setupId": id, "runId": null, "folder": folder }),
        )
        .unwrap();
    let profile_file = exported["files"][0].as_str().unwrap().to_owned();
    assert!(
        profile_file.contains("/onramp-practice-setup-profile-"),
        "{profile_file}"
    );
    let profile: Value =
        serde_json::from_str(&std::fs::read_to_string(&profile_file).unwrap()).unwrap();
    assert_eq!(
        profile["setup"]["simulation"]["scenario"],
        "netsuite/missing-currency-permission"
    );
    drop(again);

    // Another installation imports it, reproduces it and sees the same failures.
    let other = host(b.path());
    let imported: Value = other
        .invoke("import_setup_profile", json!({ "path": profile_file }))
        .unwrap();
    let expected: BTreeSet<String> = serde_json::from_value(imported["failing"].clone()).unwrap();
    assert_eq!(expected, failed);
    let setup: Value = other
        .invoke(
            "reproduce_setup_profile",
            json!({ "profile": imported["profile"], "label": null }),
        )
        .unwrap();
    let scenario = setup["practice_scenario"].as_str().unwrap();
    assert!(scenario.starts_with("reproduced/"), "{scenario}");
    assert_eq!(setup["account_id"], "1234567");
    // Straight to a run: on Validate, the simulated values already in the keychain.
    assert_eq!(setup["current_step"], "validate");
    let rid = id_of(&setup);
    assert_eq!(run_as_is(&other, &rid), failed);

    // After a restart the reproduced scenario is found again in the data folder.
    drop(other);
    let other = host(b.path());
    let values: Vec<Value> = other
        .invoke("practice_credentials", json!({ "setupId": rid }))
        .unwrap();
    assert_eq!(values.len(), 4);

    // The two runs compare: same failing checks, so no check status changed.
    let cmp: Value = other
        .invoke(
            "compare_setup_profiles",
            json!({
                "before": { "kind": "file", "path": profile_file },
                "after": { "kind": "run", "setup_id": rid, "run_id": null },
            }),
        )
        .unwrap();
    let changes = cmp["changes"].as_array().unwrap();
    assert!(changes.iter().all(|c| c["area"] != "check"), "{changes:?}");

    // Deleting the reproduced setup removes its scenario file and runs.
    other
        .invoke::<()>("delete_setup", json!({ "id": rid }))
        .unwrap();
    let left = std::fs::read_dir(b.path().join("scenarios/reproduced"))
        .unwrap()
        .count();
    assert_eq!(left, 0);
    assert!(!b.path().join("runs").join(&rid).exists());
}

#[test]
fn an_intacct_run_reproduces_with_the_same_failures() {
    let (a, b, out) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let first = host(a.path());
    let id = practice(&first, "intacct/missing-ar-permission");
    let failed = paste_and_run(&first, &id);
    assert!(!failed.is_empty(), "the scenario has a fault");
    let exported: Value = first
        .invoke(
            "export_setup_profile",
            json!({ "setupId": id, "runId": null, "folder": out.path().display().to_string() }),
        )
        .unwrap();
    let other = host(b.path());
    let imported: Value = other
        .invoke(
            "import_setup_profile",
            json!({ "path": exported["files"][0] }),
        )
        .unwrap();
    let setup: Value = other
        .invoke(
            "reproduce_setup_profile",
            json!({ "profile": imported["profile"], "label": "Support repro" }),
        )
        .unwrap();
    assert_eq!(setup["label"], "Support repro");
    assert_eq!(setup["erp"], "intacct");
    assert_eq!(setup["current_step"], "validate");
    assert_eq!(run_as_is(&other, &id_of(&setup)), failed);
}

#[test]
fn imports_refuse_wrong_damaged_and_too_new_files_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let cases = [
        (
            write("a.json", "{\"kind\": \"onramp-setup-profile\", "),
            "not JSON",
        ),
        (write("b.html", "<!doctype html><html>"), "HTML"),
        (write("c.json", "{\"checks\": []}"), "without a \"kind\""),
        (
            write(
                "d.json",
                "{\"kind\": \"onramp-setup-profile\", \"schema_version\": 99}",
            ),
            "newer Onramp",
        ),
        (
            write(
                "e.json",
                "{\"kind\": \"onramp-setup-profile\", \"schema_version\": 1, \"setup\": {}}",
            ),
            "not valid",
        ),
        ("/no/such/file.json".to_owned(), "there is no file"),
        ("relative.json".to_owned(), "not a full path"),
    ];
    for (path, expected) in cases {
        let err = h
            .invoke::<Value>("import_setup_profile", json!({ "path": path }))
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidInput, "{path}");
        assert!(
            err.message.contains(expected),
            "{path}: {:?} lacks {expected:?}",
            err.message
        );
    }
}

#[test]
fn a_setup_without_a_run_has_no_report_to_export() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let id = practice(&h, "netsuite/happy");
    let err = h
        .invoke::<Value>(
            "export_report",
            json!({ "setupId": id, "runId": null, "folder": dir.path().display().to_string() }),
        )
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("Validate"), "{}", err.message);
}

#[test]
fn user_connector_profiles_are_validated_stored_listed_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let profiles: Vec<Value> = h.invoke("list_profiles", json!({})).unwrap();
    let mut copy = profiles
        .iter()
        .find(|p| p["id"] == "netsuite-zuora-billing")
        .unwrap()
        .clone();

    // A copy under the built-in id is refused: built-ins are read-only.
    let err = h
        .invoke::<Value>("save_connector_profile", json!({ "profile": copy }))
        .unwrap_err();
    assert!(err.message.contains("built-in"), "{}", err.message);

    copy["id"] = json!("netsuite-acme-billing");
    copy["name"] = json!("Acme billing");
    let first_permission = copy["netsuite"]["permissions"][0]["id"].clone();
    copy["netsuite"]["permissions"][0]["id"] = json!("");
    let issues: Vec<Value> = h
        .invoke("check_connector_profile", json!({ "profile": copy }))
        .unwrap();
    assert!(
        issues.iter().any(|i| i["field"]
            .as_str()
            .unwrap()
            .starts_with("netsuite.permissions[0]")),
        "{issues:?}"
    );
    assert!(h
        .invoke::<Value>("save_connector_profile", json!({ "profile": copy }))
        .is_err());

    copy["netsuite"]["permissions"][0]["id"] = first_permission;
    let saved: Value = h
        .invoke("save_connector_profile", json!({ "profile": copy }))
        .unwrap();
    assert_eq!(saved["builtin"], false);
    let listed: Vec<Value> = h.invoke("list_profiles", json!({})).unwrap();
    assert!(listed.iter().any(|p| p["id"] == "netsuite-acme-billing"));

    let out = tempfile::tempdir().unwrap();
    let file: String = h
        .invoke(
            "export_connector_profile",
            json!({ "id": "netsuite-acme-billing", "folder": out.path().display().to_string() }),
        )
        .unwrap();
    h.invoke::<()>(
        "delete_connector_profile",
        json!({ "id": "netsuite-acme-billing" }),
    )
    .unwrap();
    let imported: Value = h
        .invoke("import_connector_profile", json!({ "path": file }))
        .unwrap();
    assert_eq!(imported["name"], "Acme billing");
    assert_eq!(
        imported["netsuite"]["permissions"],
        copy["netsuite"]["permissions"]
    );
    let err = h
        .invoke::<()>(
            "delete_connector_profile",
            json!({ "id": "netsuite-zuora-billing" }),
        )
        .unwrap_err();
    assert!(err.message.contains("read-only"));
}
