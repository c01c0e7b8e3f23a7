//! An administrator's sign-in at work against the simulator over loopback:
//! create the integration employee, read it back, deactivate it, read the
//! Login Audit Trail; each refusal explained.

mod common;

use common::*;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::CheckStatus;
use onramp_netsuite::admin::refusal::{diagnose, AdminAction};
use onramp_netsuite::admin::{self, NewEmployee};
use onramp_netsuite::{
    Account, ClientOptions, Credentials, NetSuiteClient, NetSuiteError, TbaCredentials,
};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};

const KEY: &str = "9b21d1785e11cf998e0a12bb47a87e15f3a7d4d51589272db109fd6e147784f2";
const SECRET: &str = "811585bc60095a2a777cf97beb74ec2ed1ed1c4190c91fcb5bb535df718d2d56";
const ADMIN: (&str, &str) = (
    "5d2f0c9e7b3a41c8a6e9f1d3b5c7e9a1f3d5b7c9e1a3c5e7f9b1d3f5a7c9e1b3",
    "a8c6e4f2d0b9a7c5e3f1d9b7a5c3e1f9d7b5a3c1e9f7d5b3a1c9e7f5d3b1a9c7",
);
const ACCOUNTANT: (&str, &str) = (
    "6e3a1d0f8c4b52d9b7fa02e4c6d8fab2a4e6c8d0f2b4d6e8a0c2e4f6b8d0f2c4",
    "b9d7f5a3e1c0b8d6f4a2e0c8b6d4f2a0e8c6b4d2f0a8e6c4b2d0f8e6c4a2b0d8",
);

async fn sim() -> SimHandle {
    let s = Scenario::builtin("netsuite/oauth-admin-setup").unwrap();
    Simulator::start(s, SimOptions::default()).await.unwrap()
}

fn client(sim: &SimHandle, (token, secret): (&str, &str)) -> NetSuiteClient {
    let credentials = Credentials::Tba(TbaCredentials {
        consumer_key: KEY.to_string().into(),
        consumer_secret: SECRET.to_string().into(),
        token_id: token.to_string().into(),
        token_secret: secret.to_string().into(),
    });
    let options = ClientOptions {
        endpoints: Endpoints {
            override_base: Some(EndpointOverride::new(&sim.base_url()).unwrap()),
        },
        ..ClientOptions::default()
    };
    NetSuiteClient::new(Account::parse("1234567").unwrap(), credentials, options).unwrap()
}

fn integration_user(subsidiary: Option<String>, role_id: &str, email: &str) -> NewEmployee {
    NewEmployee {
        first_name: "Onramp".into(),
        last_name: "Integration".into(),
        email: email.into(),
        subsidiary_id: subsidiary,
        role_id: role_id.into(),
    }
}

#[tokio::test]
async fn creates_the_integration_employee_and_reads_it_back() {
    let sim = sim().await;
    let admin_client = client(&sim, ADMIN);
    let subs = admin::subsidiaries(&admin_client).await.unwrap();
    assert_eq!(subs.len(), 2, "OneWorld: {subs:?}");
    let role = admin::resolve_role(&admin_client, "Onramp Integration")
        .await
        .unwrap();
    assert_eq!(role.as_deref(), Some("1001"));
    assert_eq!(
        admin::resolve_role(&admin_client, "No Such Role")
            .await
            .unwrap(),
        None
    );
    let new = integration_user(
        Some(subs[0].id.clone()),
        "1001",
        "integration@wolfe.example",
    );
    let id = admin::create_employee(&admin_client, &new).await.unwrap();
    let back = admin::read_employee(&admin_client, &id).await.unwrap();
    assert_eq!(back.email, "integration@wolfe.example");
    assert!(back.give_access && !back.is_inactive);
    assert_eq!(back.role_ids, vec!["1001".to_string()]);
    assert_eq!(back.subsidiary_id.as_deref(), Some("1"));
}

#[tokio::test]
async fn refusals_are_diagnosed_with_their_own_cause() {
    let sim = sim().await;
    let admin_client = client(&sim, ADMIN);
    let no_sub = admin::create_employee(
        &admin_client,
        &integration_user(None, "1001", "a@wolfe.example"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(no_sub, NetSuiteError::UserError { .. }),
        "{no_sub:?}"
    );
    let d = diagnose(AdminAction::CreateEmployee, &no_sub).unwrap();
    assert!(d.cause.contains("OneWorld"), "{d:?}");

    let taken = admin::create_employee(
        &admin_client,
        &integration_user(Some("1".into()), "1001", "old-integration@wolfe.example"),
    )
    .await
    .unwrap_err();
    let d = diagnose(AdminAction::CreateEmployee, &taken).unwrap();
    assert!(d.cause.contains("already uses this email"), "{d:?}");

    let accountant = client(&sim, ACCOUNTANT);
    let denied = admin::create_employee(
        &accountant,
        &integration_user(Some("1".into()), "1001", "b@wolfe.example"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(denied, NetSuiteError::InsufficientPermission { .. }),
        "{denied:?}"
    );
    let d = diagnose(AdminAction::CreateEmployee, &denied).unwrap();
    assert!(d.cause.contains("Employees"), "{d:?}");
    assert!(d.where_.contains("Manage Roles"), "{d:?}");

    let hidden = admin::failed_logins(&accountant, None, 5)
        .await
        .unwrap_err();
    let d = diagnose(AdminAction::ReadAuditTrail, &hidden).unwrap();
    assert!(d.cause.contains("View Login Audit Trail"), "{d:?}");
}

#[tokio::test]
async fn deactivating_sets_both_flags_and_the_old_credentials_are_refused() {
    let sim = sim().await;
    let admin_client = client(&sim, ADMIN);
    let accountant = client(&sim, ACCOUNTANT);
    accountant.server_time().await.expect("signs in before");
    let after = admin::deactivate_employee(&admin_client, "9")
        .await
        .unwrap();
    assert!(after.is_inactive && !after.give_access, "{after:?}");
    let refused = accountant.server_time().await.unwrap_err();
    assert!(
        matches!(refused, NetSuiteError::InvalidLogin { .. }),
        "{refused:?}"
    );
    let rows = admin::failed_logins(&admin_client, Some("accountant@wolfe.example"), 5)
        .await
        .unwrap();
    assert_eq!(rows[0].detail, "permission_denied", "{rows:?}");
    assert_eq!(rows[0].token, "Onramp Connector - Sam Accountant");
}

#[tokio::test]
async fn a_refused_tba_login_is_explained_from_the_audit_trail_without_typing() {
    // The token was revoked; with an administrator's sign-in the check reads
    // the Detail column itself instead of asking the person to copy it.
    let scenario = Scenario::builtin("netsuite/revoked-token").unwrap();
    let o = run_scenario(
        scenario,
        SimOptions::default(),
        None,
        PROFILE,
        None,
        Extras {
            admin: true,
            ..Extras::default()
        },
    )
    .await;
    let auth = o.get("netsuite.auth");
    assert_eq!(auth.status, CheckStatus::Fail);
    assert!(
        auth.summary
            .contains("read with the administrator's sign-in"),
        "{}",
        auth.summary
    );
    assert!(auth.summary.contains("token_rejected"), "{}", auth.summary);
    assert!(auth
        .diagnosis
        .as_ref()
        .unwrap()
        .where_
        .contains("Access Tokens"));
    // Without it, the person is still asked to read the trail.
    let plain = scenario_outcome("revoked-token").await;
    assert!(!plain
        .get("netsuite.auth")
        .summary
        .contains("administrator's sign-in"));
}

async fn scenario_outcome(name: &str) -> Outcome {
    common::scenario(name).await
}

const CLIENT_ID: &str = KEY;

fn certificate() -> String {
    use onramp_netsuite::oauth2::keygen::{generate, KeyAlgorithm};
    let now = time::OffsetDateTime::now_utc();
    generate(KeyAlgorithm::Es256, "Onramp", 30, now)
        .unwrap()
        .certificate_pem
}

#[tokio::test]
async fn certificates_are_mapped_listed_revoked_and_capped_at_five() {
    use onramp_netsuite::admin::certificates;
    let sim = sim().await;
    let admin_client = client(&sim, ADMIN);
    let pem = certificate();
    assert!(certificates::list(&admin_client, CLIENT_ID)
        .await
        .unwrap()
        .is_empty());
    // The administrator maps a certificate for another user (the accountant, role 1002).
    let first = certificates::map(&admin_client, CLIENT_ID, &pem, 1002, 9)
        .await
        .unwrap();
    let slots = certificates::list(&admin_client, CLIENT_ID).await.unwrap();
    assert_eq!(slots.len(), 1);
    assert_eq!(
        (
            slots[0].certificate_id.as_str(),
            slots[0].entity.as_str(),
            slots[0].role.as_str()
        ),
        (first.as_str(), "9", "1002")
    );
    assert!(!slots[0].revoked && !slots[0].valid_until.is_empty());
    for _ in 0..4 {
        certificates::map(&admin_client, CLIENT_ID, &pem, 1002, 9)
            .await
            .unwrap();
    }
    let full = certificates::map(&admin_client, CLIENT_ID, &pem, 1002, 9)
        .await
        .unwrap_err();
    let d = diagnose(AdminAction::MapCertificate, &full).expect("diagnosed");
    assert!(d.cause.contains("five active"), "{d:?}");
    certificates::revoke(&admin_client, CLIENT_ID, &first)
        .await
        .unwrap();
    let slots = certificates::list(&admin_client, CLIENT_ID).await.unwrap();
    assert!(slots.iter().any(|s| s.certificate_id == first && s.revoked));
    certificates::map(&admin_client, CLIENT_ID, &pem, 1002, 9)
        .await
        .expect("a slot is free again");
    // A user without the certificate permission may not use the endpoint.
    let denied = certificates::list(&client(&sim, ACCOUNTANT), CLIENT_ID)
        .await
        .unwrap_err();
    assert!(
        matches!(denied, NetSuiteError::InsufficientPermission { .. }),
        "{denied:?}"
    );
    // A user that does not hold the role cannot be mapped to it.
    let wrong = certificates::map(&admin_client, CLIENT_ID, &pem, 1001, 9)
        .await
        .unwrap_err();
    assert!(
        matches!(wrong, NetSuiteError::InvalidContent { .. }),
        "{wrong:?}"
    );
}

/// What an administrator changed stays when the simulated account's simulator
/// restarts on the same memory file, as in a real account: the employee
/// created, the user deactivated, the token revoked — and no token in the file.
#[tokio::test]
async fn the_administrators_changes_stay_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let memory = dir.path().to_path_buf();
    let start = || async {
        let s = Scenario::builtin("netsuite/oauth-admin-setup").unwrap();
        let options = SimOptions {
            memory: Some(memory.clone()),
            ..SimOptions::default()
        };
        Simulator::start(s, options).await.unwrap()
    };
    let sim = start().await;
    let admin_client = client(&sim, ADMIN);
    let subs = admin::subsidiaries(&admin_client).await.unwrap();
    let new = integration_user(
        Some(subs[0].id.clone()),
        "1001",
        "integration@wolfe.example",
    );
    let id = admin::create_employee(&admin_client, &new).await.unwrap();
    admin::deactivate_employee(&admin_client, "9")
        .await
        .unwrap();
    sim.shutdown().await;

    let sim = start().await;
    let admin_client = client(&sim, ADMIN);
    let created = admin::read_employee(&admin_client, &id).await.unwrap();
    assert_eq!(created.email, "integration@wolfe.example");
    assert_eq!(created.role_ids, ["1001"]);
    let offboarded = admin::read_employee(&admin_client, "9").await.unwrap();
    assert!(
        offboarded.is_inactive && !offboarded.give_access,
        "{offboarded:?}"
    );
    let refused = client(&sim, ACCOUNTANT).server_time().await.unwrap_err();
    assert!(
        matches!(refused, NetSuiteError::InvalidLogin { .. }),
        "{refused:?}"
    );

    let revoke = format!(
        "{}/__sim/netsuite/tokens/revoke?account=1234567&name=Onramp%20Connector%20-%20Dana%20Admin",
        sim.base_url()
    );
    let status = reqwest::Client::new()
        .post(revoke)
        .send()
        .await
        .unwrap()
        .status();
    assert!(status.is_success(), "{status}");
    sim.shutdown().await;

    let sim = start().await;
    let refused = client(&sim, ADMIN).server_time().await.unwrap_err();
    assert!(
        matches!(refused, NetSuiteError::InvalidLogin { .. }),
        "{refused:?}"
    );
    let file = std::fs::read_to_string(memory.join("netsuite.json")).unwrap();
    for value in [ADMIN.0, ADMIN.1, ACCOUNTANT.0, ACCOUNTANT.1, SECRET] {
        assert!(!file.contains(value), "a credential is in the memory file");
    }
}
