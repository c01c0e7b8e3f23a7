//! An administrator's one-time sign-in in the shell, against the practice
//! simulator: the consent page, the session kept in memory, the role read
//! with it, the integration employee created after a preview, the Login
//! Audit Trail read for a refused TBA login, and offboarding with proof.

use std::sync::mpsc;
use std::time::Duration;

use onramp_app::commands::admin::admin_sign_in;
use onramp_app::oauth::window::handle_redirect;
use onramp_core::{CheckStatus, IpcError};
use serde_json::{json, Value};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::{Manager, Url};

use super::oauth::{oauth_host, OAuthHost};
use super::practice::{paste_practice_values, practice_setup, run};

/// Starts the administrator's sign-in and returns the consent page.
fn sign_in(h: &OAuthHost, id: &str, keep: bool) -> (Url, mpsc::Receiver<Value>) {
    let (tx, rx) = mpsc::channel();
    let chan = Channel::new(move |body: InvokeResponseBody| {
        let _ = tx.send(body.deserialize::<Value>().unwrap());
        Ok(())
    });
    let s = &h.host.app;
    let launch = tauri::async_runtime::block_on(admin_sign_in(
        s.state(),
        s.state(),
        s.state(),
        id.into(),
        keep,
        chan,
    ))
    .unwrap();
    assert!(launch.practice_window);
    // A TBA setup's consumer key (its Client ID) never reaches the webview.
    if let Some(key) = h.stored(id, "netsuite.consumer_key") {
        assert!(
            !launch.authorize_url.contains(&key),
            "{}",
            launch.authorize_url
        );
        assert!(launch.authorize_url.contains("client_id=CONSUMER_KEY"));
    }
    (h.opened(), rx)
}

/// The administrator (Dana Admin, user 7, Administrator role 3) allows access.
fn allow_as(page: &Url, principal: &str) -> String {
    tauri::async_runtime::block_on(async {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let mut form = page.clone();
        let query = page.query().unwrap_or_default().to_owned();
        form.set_query(None);
        let body = format!(
            "{query}&principal={}&decision=allow",
            principal.replace(':', "%3A")
        );
        let resp = http
            .post(form)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 302);
        resp.headers()["location"].to_str().unwrap().to_owned()
    })
}

fn signed_in_admin(h: &OAuthHost, id: &str, principal: &str) {
    let (page, rx) = sign_in(h, id, false);
    let location = allow_as(&page, principal);
    tauri::async_runtime::block_on(handle_redirect(h.host.app.handle(), location));
    let event = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(event["type"], "connected", "{event}");
}

fn status(h: &OAuthHost, id: &str) -> Value {
    h.host
        .invoke("admin_status", json!({ "setupId": id }))
        .unwrap()
}

/// A practice TBA setup on `scenario`, its simulated keys stored.
fn tba_setup(h: &OAuthHost, scenario: &str) -> String {
    let id = practice_setup(&h.host, "netsuite", scenario)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    h.host
        .invoke::<()>(
            "oauth_set_method",
            json!({ "setupId": id, "method": "tba" }),
        )
        .unwrap();
    paste_practice_values(&h.host, &id);
    id
}

#[test]
fn the_administrators_sign_in_reads_the_role_so_permissions_stop_warning() {
    let h = oauth_host();
    let id = tba_setup(&h, "happy");
    let (_, before) = run(&h.host, &id);
    let perms = before
        .iter()
        .find(|r| r.id == "netsuite.permissions")
        .unwrap();
    assert_eq!(perms.status, CheckStatus::Warn, "{}", perms.summary);
    assert_eq!(status(&h, &id)["signed_in"], false);

    signed_in_admin(&h, &id, "7:3");
    let s = status(&h, &id);
    assert_eq!(s["signed_in"], true, "{s}");
    assert_eq!(s["kept"], false);
    assert_eq!(s["consented_by"], "admin@wolfe.example (NetSuite user 7)");
    // Memory only: nothing of the administrator's sign-in is in the state file or the keychain.
    assert!(h.stored(&id, "netsuite.admin_access_token").is_none());
    let (_, after) = run(&h.host, &id);
    let perms = after
        .iter()
        .find(|r| r.id == "netsuite.permissions")
        .unwrap();
    assert_eq!(perms.status, CheckStatus::Pass, "{}", perms.summary);
    let failed: Vec<_> = after
        .iter()
        .filter(|r| r.status != CheckStatus::Pass && r.status != CheckStatus::Skip)
        .map(|r| (&r.id, &r.summary))
        .collect();
    assert!(
        failed.iter().all(|(id, _)| id.as_str() != "netsuite.auth"),
        "{failed:?}"
    );

    let out: Value = h
        .host
        .invoke("admin_sign_out", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(out["signed_in"], false);
}

#[test]
fn a_kept_sign_in_lives_in_the_keychain_until_signed_out() {
    let h = oauth_host();
    let id = tba_setup(&h, "happy");
    let (page, rx) = sign_in(&h, &id, true);
    let location = allow_as(&page, "7:3");
    tauri::async_runtime::block_on(handle_redirect(h.host.app.handle(), location));
    rx.recv_timeout(Duration::from_secs(10)).unwrap();
    let token = h
        .stored(&id, "netsuite.admin_access_token")
        .expect("kept in the keychain");
    let file = std::fs::read_to_string(h.dir.path().join("onramp-state.json")).unwrap();
    assert!(
        !file.contains(&token),
        "the token never reaches the state file"
    );
    assert_eq!(status(&h, &id)["kept"], true);
    let _: Value = h
        .host
        .invoke("admin_sign_out", json!({ "setupId": id }))
        .unwrap();
    assert!(h.stored(&id, "netsuite.admin_access_token").is_none());
}

fn employee_input(email: &str, subsidiary: Option<&str>) -> Value {
    json!({ "first_name": "Onramp", "last_name": "Integration", "email": email, "subsidiary_id": subsidiary })
}

/// A practice M2M setup on `oauth-admin-setup`, its Client ID entered.
fn m2m_setup(h: &OAuthHost) -> String {
    let id = practice_setup(&h.host, "netsuite", "oauth-admin-setup")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    h.host
        .invoke::<()>(
            "oauth_set_method",
            json!({ "setupId": id, "method": "oauth2-m2m" }),
        )
        .unwrap();
    let values: Vec<Value> = h
        .host
        .invoke("practice_credentials", json!({ "setupId": id }))
        .unwrap();
    let client_id = values
        .iter()
        .find(|v| v["name"] == "netsuite.oauth2_client_id")
        .unwrap();
    h.host
        .invoke::<()>(
            "oauth_set_field",
            json!({ "setupId": id, "field": "client_id", "value": client_id["value"] }),
        )
        .unwrap();
    // The administrator signs in through the account's public record.
    let admin_id: Option<String> = h
        .host
        .invoke("admin_practice_client_id", json!({ "setupId": id }))
        .unwrap();
    h.host
        .invoke::<()>(
            "oauth_set_field",
            json!({ "setupId": id, "field": "admin_client_id", "value": admin_id.expect("a public record") }),
        )
        .unwrap();
    id
}

#[test]
fn the_employee_is_created_after_a_preview_and_the_change_is_logged() {
    let h = oauth_host();
    let id = m2m_setup(&h);
    let refused: IpcError = h
        .host
        .invoke::<Value>("admin_employee_plan", json!({ "setupId": id, "input": employee_input("integration@wolfe.example", Some("1")) }))
        .unwrap_err();
    assert!(refused
        .diagnosis
        .unwrap()
        .fix
        .contains("Sign in as administrator"));
    signed_in_admin(&h, &id, "7:3");

    let plan: Value = h
        .host
        .invoke(
            "admin_employee_plan",
            json!({ "setupId": id, "input": employee_input("integration@wolfe.example", None) }),
        )
        .unwrap();
    assert_eq!(plan["role_id"], "1001");
    assert_eq!(plan["subsidiaries"].as_array().unwrap().len(), 2);
    let warnings = plan["preview"]["warnings"].to_string();
    assert!(
        warnings.contains("full NetSuite user licence") && warnings.contains("SuiteCloud Plus"),
        "{warnings}"
    );
    assert!(warnings.contains("OneWorld"), "{warnings}");
    // Without a subsidiary NetSuite refuses, and the refusal says why.
    let no_sub: IpcError = h
        .host
        .invoke::<Value>(
            "admin_create_employee",
            json!({ "setupId": id, "input": employee_input("integration@wolfe.example", None) }),
        )
        .unwrap_err();
    assert!(no_sub.diagnosis.unwrap().cause.contains("OneWorld"));

    let created: Value = h
        .host
        .invoke("admin_create_employee", json!({ "setupId": id, "input": employee_input("integration@wolfe.example", Some("1")) }))
        .unwrap();
    let employee = created["employee_id"].as_str().unwrap();
    let change = &created["change"];
    assert_eq!(
        change["consented_by"],
        "admin@wolfe.example (NetSuite user 7)"
    );
    assert!(change["changes"][0]
        .as_str()
        .unwrap()
        .contains("integration@wolfe.example"));
    assert!(change["outcome"]
        .as_str()
        .unwrap()
        .contains(&format!("employee {employee}")));
    let setup: Value = h.host.invoke("get_setup", json!({ "id": id })).unwrap();
    assert_eq!(setup["admin_changes"].as_array().unwrap().len(), 1);
    assert_eq!(setup["fields"]["netsuite"]["employee_id"], employee);

    let taken: IpcError = h
        .host
        .invoke::<Value>("admin_create_employee", json!({ "setupId": id, "input": employee_input("integration@wolfe.example", Some("1")) }))
        .unwrap_err();
    assert!(taken
        .diagnosis
        .unwrap()
        .cause
        .contains("already uses this email"));
}

#[test]
fn an_administrator_without_employee_permission_is_told_so() {
    let h = oauth_host();
    let id = m2m_setup(&h);
    signed_in_admin(&h, &id, "9:1002");
    let denied: IpcError = h
        .host
        .invoke::<Value>("admin_create_employee", json!({ "setupId": id, "input": employee_input("integration@wolfe.example", Some("1")) }))
        .unwrap_err();
    let d = denied.diagnosis.expect("diagnosed");
    assert!(
        d.cause.contains("Manage Roles") || d.cause.contains("Employees"),
        "{d:?}"
    );
}

#[test]
fn offboarding_proves_the_user_is_inactive_and_its_token_refused_and_the_audit_trail_says_why() {
    let h = oauth_host();
    let id = tba_setup(&h, "happy");
    signed_in_admin(&h, &id, "7:3");
    let plan: Value = h
        .host
        .invoke("admin_offboard_plan", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(plan["employee"]["email"], "integration@wolfe.example");
    let warnings = plan["preview"]["warnings"].to_string();
    assert!(
        warnings.contains("access token")
            && warnings.contains("OAuth 2.0")
            && warnings.contains("certificate"),
        "{warnings}"
    );

    let done: Value = h
        .host
        .invoke("admin_offboard", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(
        (
            done["employee"]["is_inactive"].as_bool(),
            done["employee"]["give_access"].as_bool()
        ),
        (Some(true), Some(false))
    );
    assert!(
        done["credentials_refused"]
            .as_str()
            .unwrap()
            .contains("INVALID_LOGIN"),
        "{done}"
    );

    // The Detail column, read with the administrator's sign-in.
    let audit: Value = h
        .host
        .invoke("admin_read_audit", json!({ "setupId": id }))
        .unwrap();
    let first = &audit["findings"][0];
    assert_eq!(first["detail"], "permission_denied", "{audit}");
    assert!(first["diagnosis"]["cause"]
        .as_str()
        .unwrap()
        .contains("inactive"));
    // A validation run now explains the refused login from the audit trail itself.
    let (_, results) = run(&h.host, &id);
    let auth = results.iter().find(|r| r.id == "netsuite.auth").unwrap();
    assert_eq!(auth.status, CheckStatus::Fail);
    assert!(
        auth.summary
            .contains("read with the administrator's sign-in"),
        "{}",
        auth.summary
    );
    assert!(
        auth.summary.contains("permission_denied"),
        "{}",
        auth.summary
    );
    // The report lists the change with who consented.
    let setup: Value = h.host.invoke("get_setup", json!({ "id": id })).unwrap();
    assert_eq!(
        setup["admin_changes"][0]["action"],
        "Offboard the integration user"
    );
}

#[test]
fn from_an_empty_account_to_a_validated_m2m_setup_after_one_consent() {
    let h = oauth_host();
    let id = m2m_setup(&h);
    signed_in_admin(&h, &id, "7:3");
    let _: Value = h
        .host
        .invoke("admin_create_employee", json!({ "setupId": id, "input": employee_input("integration@wolfe.example", Some("1")) }))
        .unwrap();
    let _: Value = h
        .host
        .invoke(
            "m2m_generate",
            json!({ "setupId": id, "algorithm": "ES256" }),
        )
        .unwrap();
    let plan: Value = h
        .host
        .invoke("admin_certificate_plan", json!({ "setupId": id }))
        .unwrap();
    assert!(
        plan["preview"]["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("0 of 5"),
        "{plan}"
    );
    assert!(
        plan["preview"]["changes"][0]
            .as_str()
            .unwrap()
            .contains("role 1001"),
        "{plan}"
    );
    let mapped: Value = h
        .host
        .invoke(
            "admin_map_certificate",
            json!({ "setupId": id, "revoke": [] }),
        )
        .unwrap();
    let cert = mapped["certificate_id"].as_str().unwrap().to_owned();
    let setup: Value = h.host.invoke("get_setup", json!({ "id": id })).unwrap();
    assert_eq!(setup["fields"]["netsuite"]["certificate_id"], cert.as_str());
    let changes = setup["admin_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(changes
        .iter()
        .all(|c| c["consented_by"] == "admin@wolfe.example (NetSuite user 7)"));

    // The integration's own M2M sign-in now validates.
    let (summary, results) = run(&h.host, &id);
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.status == CheckStatus::Fail)
        .map(|r| (&r.id, &r.summary))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(results
        .iter()
        .any(|r| r.id == "netsuite.auth" && r.status == CheckStatus::Pass));
    assert!(summary.passed > 3);
    // The report lists each change with who consented and when.
    let out = tempfile::tempdir().unwrap();
    let exported: Value = h
        .host
        .invoke(
            "export_report",
            json!({ "setupId": id, "runId": null, "folder": out.path().display().to_string() }),
        )
        .unwrap();
    let html = std::fs::read_to_string(exported["files"][0].as_str().unwrap()).unwrap();
    assert!(html.contains("Changes Onramp made"), "report");
    assert!(
        html.contains("Create the integration employee")
            && html.contains("Map the M2M certificate")
    );
    assert!(html.contains("admin@wolfe.example"));

    // Mapping again offers to revoke the one it replaces; the slots fill up at five.
    let again: Value = h
        .host
        .invoke("admin_certificate_plan", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(again["replaceable"], json!([cert]));
    for _ in 0..4 {
        let _: Value = h
            .host
            .invoke(
                "admin_map_certificate",
                json!({ "setupId": id, "revoke": [] }),
            )
            .unwrap();
    }
    let full: IpcError = h
        .host
        .invoke::<Value>(
            "admin_map_certificate",
            json!({ "setupId": id, "revoke": [] }),
        )
        .unwrap_err();
    assert!(
        full.diagnosis.unwrap().cause.contains("five active"),
        "slots full"
    );
    // Revoking the replaced one makes room.
    let replaced: Value = h
        .host
        .invoke(
            "admin_map_certificate",
            json!({ "setupId": id, "revoke": [cert] }),
        )
        .unwrap();
    assert_eq!(replaced["revoked"], json!([cert]));
    let (_, after) = run(&h.host, &id);
    let auth = after.iter().find(|r| r.id == "netsuite.auth").unwrap();
    assert_eq!(auth.status, CheckStatus::Pass, "{}", auth.summary);
}
