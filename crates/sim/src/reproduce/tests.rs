use std::collections::BTreeMap;

use onramp_core::observed::{
    IntacctObserved, IntacctPolicy, IntegrationState, NsObserved, NsRole, Observed, SetupFacts,
    SetupProfile,
};
use onramp_core::profile::{Erp, NsLevel};
use onramp_core::CheckResult;

use crate::Scenario;

fn ns_profile() -> SetupProfile {
    let mut ns = NsObserved {
        role: NsRole {
            id: Some(1001),
            name: Some("Billing role".into()),
            source: Some("SuiteQL rolepermissions".into()),
            permissions: BTreeMap::from([("LIST_ITEM".into(), NsLevel::Edit)]),
        },
        ..NsObserved::default()
    };
    ns.integration.state = Some(IntegrationState::Blocked);
    let setup = SetupFacts {
        erp: Erp::Netsuite,
        account_id: "7654321_SB2".into(),
        environment: Some(onramp_core::state::Environment::Sandbox),
        entity_id: None,
        connector_profile_id: Some("netsuite-zuora-billing".into()),
        auth_method: Some("tba".into()),
        simulation: None,
    };
    let checks = vec![CheckResult::fail(
        "netsuite.auth",
        "Sign-in",
        "refused",
        onramp_core::Diagnosis::new("c", "f", "w"),
    )];
    SetupProfile::new(setup, Observed::Netsuite(ns), checks)
}

#[test]
fn netsuite_model_copies_what_was_observed() {
    let s = Scenario::from_setup_profile(&ns_profile()).unwrap();
    assert_eq!(s.expect_failing, vec!["netsuite.auth".to_string()]);
    let ns = s.netsuite.unwrap();
    let account = &ns.accounts[0];
    assert_eq!(account.id, "7654321_SB2");
    let role = account
        .roles
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.id == 1001)
        .unwrap();
    assert_eq!(role.name, "Billing role");
    assert_eq!(
        role.permissions,
        BTreeMap::from([("LIST_ITEM".to_string(), 3)])
    );
    let integration = &account.integrations.as_ref().unwrap()[0];
    assert_eq!(
        integration.state,
        crate::netsuite::model::IntegrationState::Blocked
    );
    // Fresh practice credentials, consistent between the client and the account.
    assert_eq!(
        ns.client.consumer_key.as_deref(),
        Some(integration.consumer_key.as_str())
    );
    assert_eq!(
        ns.client.token_id.as_deref(),
        Some(account.tokens[0].id.as_str())
    );
    let again = Scenario::from_setup_profile(&ns_profile()).unwrap();
    assert_ne!(
        again.netsuite.unwrap().client.token_secret,
        ns.client.token_secret
    );
}

#[test]
fn intacct_model_copies_permissions_and_entity_refusal() {
    let mut ia = IntacctObserved::default();
    ia.sender.id = Some("acme_sender".into());
    ia.sender.authorized = Some(false);
    ia.user.user_type = Some("employee".into());
    ia.entity.permitted = Some(false);
    ia.permissions = Some(vec![IntacctPolicy {
        application: "General Ledger".into(),
        policy: "Accounts".into(),
        rights: vec!["List".into()],
    }]);
    let setup = SetupFacts {
        erp: Erp::Intacct,
        account_id: "acme".into(),
        environment: None,
        entity_id: Some("US".into()),
        connector_profile_id: None,
        auth_method: None,
        simulation: None,
    };
    let p = SetupProfile::new(setup, Observed::Intacct(ia), Vec::new());
    let s = Scenario::from_setup_profile(&p).unwrap();
    let ia = s.intacct.unwrap();
    assert_eq!(ia.practice.company_id, "acme");
    assert_eq!(ia.practice.sender_id, "acme_sender");
    assert!(ia.company.authorized_senders.is_empty());
    assert_eq!(ia.users[0].user_type, "employee");
    assert_eq!(ia.users[0].entities, vec!["OTHER".to_string()]);
    assert_eq!(ia.roles[0].policies[0].rights, vec!["List".to_string()]);
    assert_eq!(ia.senders[0].password, ia.practice.sender_password);
}
