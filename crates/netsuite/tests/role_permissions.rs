//! The permission check on real-world roles: a least-privilege integration
//! role cannot read its own permission list, so every row says how it was
//! proven; an administrator's sign-in reads the list.

mod common;

use common::*;
use onramp_core::{CheckStatus, DiffStatus, ProofMethod};
use onramp_netsuite::profiles;
use onramp_sim::{Scenario, SimOptions};

#[tokio::test]
async fn happy_path_passes_for_every_builtin_profile_with_an_administrators_sign_in() {
    for profile in [PROFILE, "netsuite-zuora-billing"] {
        let scenario = Scenario::builtin("netsuite/happy").unwrap();
        let extras = Extras {
            admin: true,
            ..Extras::default()
        };
        let o = run_scenario(scenario, SimOptions::default(), None, profile, None, extras).await;
        o.assert_expected_failures();
        for r in &o.results {
            assert!(
                matches!(r.status, CheckStatus::Pass),
                "{profile}: {}",
                dump(&o.results)
            );
        }
        let diff = assert_every_row_proven(&o);
        assert!(diff.source.contains("administrator"), "{}", diff.source);
        let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
        assert_eq!(currency.actual.as_deref(), Some("Full"));
        assert_eq!(
            currency.proof.as_ref().unwrap().method,
            ProofMethod::AdminRoleList
        );
    }
}

#[tokio::test]
async fn happy_path_without_an_administrator_warns_only_about_unprovable_levels() {
    for profile in [PROFILE, "netsuite-zuora-billing"] {
        let o = run("happy", SimOptions::default(), None, profile).await;
        o.assert_expected_failures();
        let perms = o.get("netsuite.permissions");
        assert_eq!(
            perms.status,
            CheckStatus::Warn,
            "{profile}: {}",
            dump(&o.results)
        );
        assert!(!o
            .text("netsuite.permissions")
            .contains("right to read roles"));
        let diff = assert_every_row_proven(&o);
        assert!(diff.source.contains("could not be read"), "{}", diff.source);
        // The role cannot read roles: no row claims to come from its list.
        assert!(diff.rows.iter().all(|r| !matches!(
            r.proof.as_ref().unwrap().method,
            ProofMethod::RoleList | ProofMethod::AdminRoleList
        )));
    }
}

/// A role with exactly the Zuora billing connector's permissions and no
/// Manage Roles: every profile permission still has a row saying how it was
/// proven, the check warns (never fails) while levels are unprovable, fails on
/// a real gap, and passes once an administrator's sign-in reads the role.
#[tokio::test]
async fn least_privilege_role_is_proven_row_by_row() {
    let billing = "netsuite-zuora-billing";
    let o = run("least-privilege", SimOptions::default(), None, billing).await;
    o.assert_expected_failures();
    let perms = o.get("netsuite.permissions");
    assert_eq!(perms.status, CheckStatus::Warn, "{}", dump(&o.results));
    let diff = assert_every_row_proven(&o);
    let wanted = profiles::builtin(billing)
        .unwrap()
        .netsuite
        .unwrap()
        .permissions;
    for p in &wanted {
        assert!(
            diff.rows.iter().any(|r| r.id == p.id),
            "no row for {}",
            p.id
        );
    }
    let row = |id: &str| diff.rows.iter().find(|r| r.id == id).unwrap();
    let how = |id: &str| row(id).proof.as_ref().unwrap().method;
    // The login proves the login permissions (their only level is Full).
    assert_eq!(
        (row("ADMI_LOGIN_OAUTH").status, how("ADMI_LOGIN_OAUTH")),
        (DiffStatus::Ok, ProofMethod::Probe)
    );
    // A read proves View, not the Full the profile asks for.
    let currency = row("LIST_CURRENCY");
    assert_eq!(
        (currency.status, how("LIST_CURRENCY")),
        (DiffStatus::Unknown, ProofMethod::Probe)
    );
    assert!(currency
        .proof
        .as_ref()
        .unwrap()
        .detail
        .contains("proves View, not Full"));
    // Accounts are probed with SuiteQL, which needs SuiteAnalytics Workbook the role lacks.
    assert_eq!(how("LIST_ACCOUNT"), ProofMethod::NotProvable);
    assert!(row("LIST_ACCOUNT")
        .proof
        .as_ref()
        .unwrap()
        .detail
        .contains("SuiteAnalytics Workbook"));
    // Nothing but the role's list shows CRM Groups.
    assert_eq!(
        (row("LIST_CRMGROUP").status, how("LIST_CRMGROUP")),
        (DiffStatus::Unknown, ProofMethod::NotProvable)
    );
    // The beta REST record is never probed: no feature is reported off.
    assert_eq!(
        o.get("netsuite.features").status,
        CheckStatus::Pass,
        "{}",
        dump(&o.results)
    );

    // A real gap still fails, proven by the refused read.
    let mut gap = Scenario::builtin("netsuite/least-privilege").unwrap();
    let ns = gap.netsuite.as_mut().unwrap();
    let role = ns.accounts[0]
        .roles
        .as_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r.id == 1001)
        .unwrap();
    role.permissions.insert("LIST_CURRENCY".into(), 0);
    let o = run_scenario(
        gap,
        SimOptions::default(),
        None,
        billing,
        None,
        Extras::default(),
    )
    .await;
    assert_eq!(o.get("netsuite.permissions").status, CheckStatus::Fail);
    let diff = assert_every_row_proven(&o);
    let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
    assert_eq!(currency.status, DiffStatus::Missing);
    assert_eq!(currency.proof.as_ref().unwrap().method, ProofMethod::Probe);

    // With the administrator's sign-in the role's list is read: every level is known.
    let scenario = Scenario::builtin("netsuite/least-privilege").unwrap();
    let extras = Extras {
        admin: true,
        ..Extras::default()
    };
    let o = run_scenario(scenario, SimOptions::default(), None, billing, None, extras).await;
    let perms = o.get("netsuite.permissions");
    assert_eq!(perms.status, CheckStatus::Pass, "{}", dump(&o.results));
    let diff = assert_every_row_proven(&o);
    assert!(diff
        .rows
        .iter()
        .all(|r| r.proof.as_ref().unwrap().method == ProofMethod::AdminRoleList));
    // governanceLimits is for administrators: read with their sign-in.
    let concurrency = o.get("netsuite.concurrency");
    assert!(
        concurrency
            .evidence
            .iter()
            .any(|e| e.label == "Account concurrency limit" && e.value == "5"),
        "{concurrency:?}"
    );
}

/// NetSuite may answer `rolepermissions` with no rows for a role this sign-in
/// may not see: that is "could not read", never "the role holds nothing".
#[tokio::test]
async fn zero_rolepermissions_rows_fall_back_to_probes() {
    let mut scenario = Scenario::builtin("netsuite/happy").unwrap();
    scenario
        .netsuite
        .as_mut()
        .unwrap()
        .behaviour
        .role_tables_require = "any".into();
    // A role ID with no rows in this account (as if hidden from this sign-in).
    let extras = Extras {
        role_id: Some(4242),
        ..Extras::default()
    };
    let o = run_scenario(scenario, SimOptions::default(), None, PROFILE, None, extras).await;
    let perms = o.get("netsuite.permissions");
    assert_ne!(perms.status, CheckStatus::Fail, "{}", dump(&o.results));
    let diff = assert_every_row_proven(&o);
    assert!(
        diff.source.contains("no permission rows"),
        "{}",
        diff.source
    );
    assert!(diff.rows.iter().all(|r| r.status != DiffStatus::Missing));
    let currency = diff.rows.iter().find(|r| r.id == "LIST_CURRENCY").unwrap();
    assert_eq!(currency.status, DiffStatus::Ok);
    assert_eq!(currency.proof.as_ref().unwrap().method, ProofMethod::Probe);
}
