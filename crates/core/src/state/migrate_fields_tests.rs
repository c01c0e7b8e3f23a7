//! The v2 -> v3 migration of a setup's fields: every key v2 wrote lands in
//! its typed slot, and nothing else is lost.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

fn v2(fields: serde_json::Value) -> String {
    serde_json::json!({
        "schema_version": 2,
        "clients": [],
        "setups": [{
            "id": "a", "erp": "netsuite", "label": "Billing", "client_id": null,
            "environment": "production", "practice_scenario": null, "account_id": "1234567",
            "entity_id": null, "profile_id": null, "auth_method": "oauth2-m2m",
            "current_step": "role", "steps": {}, "fields": fields, "last_run": null,
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }]
    })
    .to_string()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn every_v2_key_gets_its_typed_slot() {
    let fields = serde_json::json!({
        "role_name": "Onramp Integration",
        "user_email": "integration@wolfe.example",
        "previous_owner": "old@wolfe.example",
        "prepared_by": "Dana Scully",
        "practice_fix": "netsuite/missing-currency-permission",
        "checklist_role": "LIST_CUSTJOB,TRAN_SALESORD",
        "checklist_features": "OAUTH2",
        "checklist_roles": "",
        "oauth2_client_id": "cid",
        "admin_client_id": "admin-cid",
        "m2m_certificate_id": "CERT1",
        "m2m_certificate_id_pending": "CERT2",
        "cert_expires_at": "2028-01-01T00:00:00Z",
        "integration_employee_id": "101",
        "access_token_expires_at": "2026-01-01T01:00:00Z",
        "refresh_token_expires_at": "2026-01-08T00:00:00Z",
        "oauth2_token_role": "1001",
        "oauth2_token_entity": "13",
        "oauth2_token_scopes": "rest_webservices restlets",
        "oauth2_token_role_name": "Integration",
        "oauth2_token_user_name": "Dana",
        "oauth2_token_user_email": "dana@wolfe.example",
        "m2m_key_exported_at": "2026-01-02T00:00:00Z",
        "m2m_key_exported_to": "/home/dana/key.pem",
        "admin_token_expires_at": "2026-01-01T02:00:00Z",
        "admin_consented_by": "admin@wolfe.example",
        "owner_change_to": "new@wolfe.example",
        "owner_change_entity": "202",
        "multi_entity": "yes",
        "permission_mode": "user",
        "a_key_from_elsewhere": "kept"
    });
    // A key added to the migration's table is added here too.
    for (key, ..) in super::migrate_fields::LEGACY_KEYS {
        assert!(fields.get(key).is_some(), "{key} is not in this document");
    }
    let (state, applied) = load_json(&v2(fields)).unwrap();
    assert_eq!(applied.len(), 1);
    let f = &state.setups[0].fields;
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(f.role_name, some("Onramp Integration"));
    assert_eq!(f.user_email, some("integration@wolfe.example"));
    assert_eq!(f.previous_owner, some("old@wolfe.example"));
    assert_eq!(f.prepared_by, some("Dana Scully"));
    assert_eq!(f.practice_fix, some("netsuite/missing-currency-permission"));
    assert_eq!(
        f.checklists,
        BTreeMap::from([
            ("role".to_owned(), set(&["LIST_CUSTJOB", "TRAN_SALESORD"])),
            ("features".to_owned(), set(&["OAUTH2"])),
        ]),
        "an empty tick list is no list"
    );
    let ns = &f.netsuite;
    assert_eq!(ns.client_id, some("cid"));
    assert_eq!(ns.admin_client_id, some("admin-cid"));
    assert_eq!(ns.certificate_id, some("CERT1"));
    assert_eq!(ns.certificate_id_pending, some("CERT2"));
    assert_eq!(ns.certificate_expires_at, some("2028-01-01T00:00:00Z"));
    assert_eq!(ns.employee_id, some("101"));
    let t = &ns.token;
    assert_eq!(t.access_expires_at, some("2026-01-01T01:00:00Z"));
    assert_eq!(t.refresh_expires_at, some("2026-01-08T00:00:00Z"));
    assert_eq!(t.role, some("1001"));
    assert_eq!(t.entity, some("13"));
    assert_eq!(t.scopes, ["rest_webservices", "restlets"]);
    assert_eq!(t.role_name, some("Integration"));
    assert_eq!(t.user_name, some("Dana"));
    assert_eq!(t.user_email, some("dana@wolfe.example"));
    assert_eq!(
        ns.key_export,
        Some(KeyExported {
            at: "2026-01-02T00:00:00Z".into(),
            to: "/home/dana/key.pem".into()
        })
    );
    assert_eq!(
        ns.admin_session,
        Some(KeptAdminSession {
            expires_at: "2026-01-01T02:00:00Z".into(),
            consented_by: "admin@wolfe.example".into()
        })
    );
    assert_eq!(
        ns.owner_change,
        Some(OwnerChange {
            to: "new@wolfe.example".into(),
            entity: some("202")
        })
    );
    assert_eq!(f.intacct.multi_entity, Some(true));
    assert_eq!(f.intacct.permission_mode, Some(PermissionMode::User));
    assert_eq!(
        f.legacy,
        BTreeMap::from([("a_key_from_elsewhere".to_owned(), "kept".to_owned())]),
        "only the unknown key is legacy"
    );
    // The migrated document is current and reads back the same.
    let (again, applied) = load_json(&String::from_utf8(to_json(&state)).unwrap()).unwrap();
    assert!(applied.is_empty());
    assert_eq!(again, state);
}

#[test]
fn values_the_typed_slots_cannot_hold_stay_in_legacy() {
    let doc = v2(serde_json::json!({
        "multi_entity": "maybe",
        "permission_mode": "both",
        "m2m_key_exported_at": "2026-01-02T00:00:00Z",
        "owner_change_entity": "202",
        "oauth2_client_id": "  ",
        "multi_entity_note": "x"
    }));
    let (state, _) = load_json(&doc).unwrap();
    let f = &state.setups[0].fields;
    assert_eq!(f.intacct.multi_entity, None);
    assert_eq!(f.intacct.permission_mode, None);
    assert_eq!(
        f.netsuite.key_export, None,
        "half a hand-off is no hand-off"
    );
    assert_eq!(f.netsuite.owner_change, None);
    assert_eq!(f.netsuite.client_id, None, "blank is no value");
    let legacy: Vec<_> = f.legacy.keys().map(String::as_str).collect();
    assert_eq!(
        legacy,
        [
            "m2m_key_exported_at",
            "multi_entity",
            "multi_entity_note",
            "owner_change_entity",
            "permission_mode"
        ]
    );
    assert_eq!(f.legacy["multi_entity"], "maybe");
}

#[test]
fn a_v2_field_that_is_not_text_is_damage() {
    let doc = v2(serde_json::json!({ "role_name": 3 }));
    assert!(matches!(load_json(&doc), Err(StateError::Corrupt(_))));
}
