//! The PDF report through `save_report_pdf`: the save dialog is offered a
//! name that says Practice, the file is written where the user chose, and it
//! opens as a PDF whose every page carries the simulation mark.

use std::path::Path;

use serde_json::{json, Value};

use super::choose::host_saving;
use super::host::Host;
use super::practice::{paste_practice_values, run};
use onramp_core::ErrorKind;

fn practice_run(host: &Host) -> String {
    let setup: Value = host
        .invoke(
            "create_setup",
            json!({ "input": {
                "erp": "netsuite", "label": "Acme Books", "client_id": null,
                "account_id": "", "entity_id": null, "practice_scenario": "netsuite/happy"
            }}),
        )
        .unwrap();
    let id = setup["id"].as_str().unwrap().to_owned();
    paste_practice_values(host, &id);
    run(host, &id);
    id
}

fn save(host: &Host, id: &str, folder: &Path) -> Result<Option<String>, onramp_core::IpcError> {
    host.invoke(
        "save_report_pdf",
        json!({
            "setupId": id, "runId": null, "folder": folder.display().to_string(),
            "zone": { "name": "America/New_York", "utc_offset_minutes": -300 }
        }),
    )
}

#[test]
fn the_pdf_is_written_where_the_user_chose_and_every_page_says_simulation() {
    let (data, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // The user keeps the folder and types a name without the extension or "practice".
    let chosen = out.path().join("acme for the auditor");
    let (host, _, saves) = host_saving(data.path(), Some(chosen));
    let id = practice_run(&host);
    let written = save(&host, &id, out.path()).unwrap().expect("a file");

    let asked = saves.lock().unwrap().clone();
    assert_eq!(asked.len(), 1);
    let (title, start, offered) = &asked[0];
    assert_eq!(title, "Save the report as PDF");
    assert_eq!(
        start.as_deref(),
        Some(out.path()),
        "starts in the export folder"
    );
    assert!(
        offered.starts_with("onramp-practice-report-acme-books-") && offered.ends_with(".pdf"),
        "{offered}"
    );
    assert_eq!(
        Path::new(&written),
        out.path().join("practice-acme for the auditor.pdf"),
        "a practice file's name says so"
    );

    let doc = lopdf::Document::load(&written).expect("the file opens as a PDF");
    let n = doc.get_pages().len() as u32;
    for p in 1..=n {
        let text = doc.extract_text(&[p]).unwrap();
        assert!(text.contains("PRACTICE — SIMULATION") && text.contains("netsuite/happy"));
        assert!(text.contains(&format!("Page {p} of {n}")), "{text}");
    }
    let first = doc.extract_text(&[1]).unwrap().replace('\n', " ");
    assert!(first.contains("(America/New_York, UTC-05:00)"), "{first}");
    // The connector profile by its name, not its id.
    assert!(first.contains("“Zuora Billing"), "{first}");
}

#[test]
fn a_cancelled_dialog_writes_nothing_and_no_run_opens_no_dialog() {
    let (data, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (host, _, saves) = host_saving(data.path(), None);
    let id = practice_run(&host);
    assert_eq!(save(&host, &id, out.path()).unwrap(), None);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);

    let fresh: Value = host
        .invoke(
            "create_setup",
            json!({ "input": {
                "erp": "netsuite", "label": "New", "client_id": null,
                "account_id": "", "entity_id": null, "practice_scenario": "netsuite/happy"
            }}),
        )
        .unwrap();
    let err = save(&host, fresh["id"].as_str().unwrap(), out.path()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert_eq!(
        saves.lock().unwrap().len(),
        1,
        "no dialog for a setup without a run"
    );
}
