//! The profile/method rule through the commands: a sign-in method the
//! connector profile does not support is refused, is not kept when the
//! profile changes, a step asking for a choice is not left without it, and a
//! setup that still mismatches (its user profile edited since) fails the
//! suite's check with cause → fix → where.

use onramp_core::check::CheckStatus;
use serde_json::{json, Value};

use crate::practice::{host, ready_practice_setup, run};

fn change(h: &crate::host::Host, id: &str, changes: Value) -> Result<Value, String> {
    h.invoke::<Value>("change_setup", json!({ "id": id, "changes": changes }))
        .map_err(|e| e.message)
}

#[test]
fn an_unsupported_method_is_never_chosen_nor_kept_and_choices_are_not_skipped() {
    let (_dir, h) = host();
    let setup: Value = h
        .invoke(
            "create_setup",
            json!({ "input": {
                "erp": "netsuite", "label": "Acme", "client_id": null,
                "account_id": "1234567_SB1", "entity_id": null, "practice_scenario": null
            }}),
        )
        .unwrap();
    let id = setup["id"].as_str().unwrap();
    assert_eq!(
        setup["profile_id"],
        Value::Null,
        "no profile picked for the user"
    );
    assert_eq!(
        setup["auth_method"],
        Value::Null,
        "no method picked for the user"
    );

    let err = change(&h, id, json!([{ "type": "mark_done", "step": "profile" }])).unwrap_err();
    assert!(err.contains("choose the connector profile"), "{err}");

    change(
        &h,
        id,
        json!([{ "type": "set_profile", "profile_id": "netsuite-readonly-reporting" }]),
    )
    .unwrap();
    let err = change(&h, id, json!([{ "type": "mark_done", "step": "auth" }])).unwrap_err();
    assert!(err.contains("choose how the connector signs in"), "{err}");
    h.invoke::<()>(
        "oauth_set_method",
        json!({ "setupId": id, "method": "oauth2-code" }),
    )
    .unwrap();

    // Billing signs in with TBA only: the OAuth 2.0 choice is not kept.
    let after = change(
        &h,
        id,
        json!([{ "type": "set_profile", "profile_id": "netsuite-zuora-billing" }]),
    )
    .unwrap();
    assert_eq!(after["auth_method"], Value::Null, "{after}");
    let err = h
        .invoke::<()>(
            "oauth_set_method",
            json!({ "setupId": id, "method": "oauth2-code" }),
        )
        .unwrap_err();
    assert!(
        err.message
            .contains("signs in with Token-Based Authentication (TBA) only"),
        "{}",
        err.message
    );
    let stored: Value = h.invoke("get_setup", json!({ "id": id })).unwrap();
    assert_eq!(
        stored["auth_method"],
        Value::Null,
        "a refused choice is not stored"
    );
    h.invoke::<()>(
        "oauth_set_method",
        json!({ "setupId": id, "method": "tba" }),
    )
    .unwrap();
    let next = change(&h, id, json!([{ "type": "mark_done", "step": "auth" }])).unwrap();
    assert_eq!(next["auth_method"], "tba");
    assert_ne!(next["current_step"], "auth");
}

#[test]
fn a_setup_whose_profile_no_longer_supports_its_method_fails_the_suite() {
    let (_dir, h) = host();
    let id = ready_practice_setup(&h, "netsuite", "happy");
    let (_, results) = run(&h, &id);
    let rule = results
        .iter()
        .find(|r| r.id == "netsuite.profile_method")
        .expect("the suite checks the rule");
    assert_eq!(rule.status, CheckStatus::Pass, "{rule:?}");

    // A consultant's copy of the profile, chosen, then edited to drop TBA.
    let profiles: Vec<Value> = h.invoke("list_profiles", json!({})).unwrap();
    let mut copy = profiles
        .into_iter()
        .find(|p| p["id"] == "netsuite-zuora-billing")
        .unwrap();
    copy["id"] = json!("netsuite-acme-billing");
    copy["name"] = json!("Acme billing");
    copy["builtin"] = json!(false);
    copy["netsuite"]["auth_methods"] = json!(["tba", "oauth2-m2m"]);
    let _: Value = h
        .invoke("save_connector_profile", json!({ "profile": copy }))
        .unwrap();
    let kept = change(
        &h,
        &id,
        json!([{ "type": "set_profile", "profile_id": "netsuite-acme-billing" }]),
    )
    .unwrap();
    assert_eq!(kept["auth_method"], "tba", "a supported method is kept");
    copy["netsuite"]["auth_methods"] = json!(["oauth2-m2m"]);
    let _: Value = h
        .invoke("save_connector_profile", json!({ "profile": copy }))
        .unwrap();

    let (summary, results) = run(&h, &id);
    let rule = results
        .iter()
        .find(|r| r.id == "netsuite.profile_method")
        .unwrap();
    assert_eq!(rule.status, CheckStatus::Fail, "{rule:?}");
    assert!(
        summary.failed >= 1,
        "never 'all checks passed': {summary:?}"
    );
    let d = rule.diagnosis.as_ref().unwrap();
    assert!(
        d.cause
            .contains("Acme billing supports OAuth 2.0 — client credentials (M2M) only"),
        "{}",
        d.cause
    );
    assert!(
        d.fix
            .contains("Choose OAuth 2.0 — client credentials (M2M)"),
        "{}",
        d.fix
    );
    assert!(d.where_.contains("Sign-in method step"), "{}", d.where_);
}
