//! A setup changes one thing at a time on the stored setup: ticking checklist
//! items and marking steps while an OAuth 2.0 refresh stores its tokens loses
//! neither the ticks nor the tokens' expiry dates.

use std::sync::Arc;

use onramp_application::api::setups::{change_setup, create_setup, SetupChange};
use onramp_application::ctx::AppCtx;
use onramp_application::oauth::tokens;
use onramp_core::profile::Erp;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::{FieldChange, NewSetup, PermissionMode, StepStatus};
use onramp_core::Secret;
use onramp_netsuite::oauth2::{OffsetDateTime, TokenSet};

fn token_set(n: i64) -> TokenSet {
    let now = OffsetDateTime::from_unix_timestamp(1_800_000_000 + n).unwrap();
    TokenSet {
        access_token: Secret::new(format!("access-{n}")),
        refresh_token: Some(Secret::new(format!("refresh-{n}"))),
        scopes: Vec::new(),
        access_expires_at: now + time::Duration::hours(1),
        refresh_expires_at: Some(now + time::Duration::days(7)),
        consented_at: now,
        owner: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ticks_and_an_oauth_refresh_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = Arc::new(
        AppCtx::open(
            dir.path().to_path_buf(),
            Arc::new(MemorySecretStore::default()),
        )
        .unwrap(),
    );
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: Erp::Netsuite,
            label: "Acme".into(),
            client_id: None,
            account_id: "1234567".into(),
            entity_id: None,
            practice_scenario: None,
        },
    )
    .await
    .unwrap();
    let id = setup.id.clone();

    const ROUNDS: i64 = 20;
    let ticking = {
        let (ctx, id) = (ctx.clone(), id.clone());
        tokio::spawn(async move {
            for n in 0..ROUNDS {
                let changes = vec![
                    SetupChange::TickChecklist {
                        step: "role".into(),
                        item: format!("PERM_{n}"),
                        done: true,
                    },
                    SetupChange::MarkStep {
                        step: format!("step{n}"),
                        status: StepStatus::Done,
                    },
                ];
                change_setup(&ctx, id.clone(), changes).await.unwrap();
            }
        })
    };
    let refreshing = {
        let (ctx, id) = (ctx.clone(), id.clone());
        tokio::spawn(async move {
            for n in 0..ROUNDS {
                tokens::store(&ctx, &id, &token_set(n)).await.unwrap();
            }
        })
    };
    ticking.await.unwrap();
    refreshing.await.unwrap();

    let stored = ctx.state.setup(&id).unwrap();
    let ticked = &stored.fields.checklists["role"];
    for n in 0..ROUNDS {
        assert!(ticked.contains(&format!("PERM_{n}")), "tick {n} kept");
        assert_eq!(stored.steps[&format!("step{n}")].status, StepStatus::Done);
    }
    let last = token_set(ROUNDS - 1);
    let expected = onramp_netsuite::oauth2::format_time(last.refresh_expires_at.unwrap());
    assert_eq!(
        stored.fields.netsuite.token.refresh_expires_at,
        Some(expected),
        "the last refresh's expiry kept"
    );
}

#[tokio::test]
async fn a_tick_and_a_choice_change_only_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap();
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: Erp::Intacct,
            label: "Acme".into(),
            client_id: None,
            account_id: "acme".into(),
            entity_id: None,
            practice_scenario: None,
        },
    )
    .await
    .unwrap();
    let tick = |item: &str, done| SetupChange::TickChecklist {
        step: "roles".into(),
        item: item.into(),
        done,
    };
    let id = setup.id.clone();
    change_setup(
        &ctx,
        id.clone(),
        vec![tick("GLACCOUNT", true), tick("VENDOR", true)],
    )
    .await
    .unwrap();
    let choose = SetupChange::SetField {
        field: FieldChange::PermissionMode(Some(PermissionMode::User)),
    };
    let after = change_setup(&ctx, id.clone(), vec![tick("GLACCOUNT", false), choose])
        .await
        .unwrap();
    let left: Vec<_> = after.fields.checklists["roles"].iter().collect();
    assert_eq!(left, ["VENDOR"], "the other tick stays");
    assert_eq!(
        after.fields.intacct.permission_mode,
        Some(PermissionMode::User)
    );
    // The last tick of a step gone: no empty list is kept.
    let after = change_setup(&ctx, id.clone(), vec![tick("VENDOR", false)])
        .await
        .unwrap();
    assert!(after.fields.checklists.is_empty());
    assert_eq!(
        after.fields.intacct.permission_mode,
        Some(PermissionMode::User)
    );
    let blank = change_setup(&ctx, id.clone(), vec![tick(" ", true)]).await;
    assert!(blank.is_err(), "a tick names its item");
    // A blank name clears who prepared the setup instead of signing with nothing.
    let sign = |name: &str| SetupChange::SetField {
        field: FieldChange::PreparedBy(Some(name.into())),
    };
    let signed = change_setup(&ctx, id.clone(), vec![sign(" Dana ")])
        .await
        .unwrap();
    assert_eq!(signed.fields.prepared_by.as_deref(), Some("Dana"));
    let cleared = change_setup(&ctx, id, vec![sign("  ")]).await.unwrap();
    assert_eq!(cleared.fields.prepared_by, None);
}

#[tokio::test]
async fn marking_a_step_done_moves_to_the_next_step_of_the_flow() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap();
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: Erp::Intacct,
            label: "Acme".into(),
            client_id: None,
            account_id: "acme".into(),
            entity_id: None,
            practice_scenario: None,
        },
    )
    .await
    .unwrap();
    let done = vec![SetupChange::MarkDone {
        step: "sender".into(),
    }];
    let after = change_setup(&ctx, setup.id, done).await.unwrap();
    assert_eq!(after.current_step, "ws_user");
    assert_eq!(after.steps["sender"].status, StepStatus::Done);
}

#[tokio::test]
async fn client_names_are_unique_ignoring_case_and_blank_ones_refused() {
    use onramp_application::api::setups::{list_clients, save_client};
    use onramp_core::state::Client;
    let dir = tempfile::tempdir().unwrap();
    let ctx = AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap();
    let client = |id: &str, name: &str| Client {
        id: id.into(),
        name: name.into(),
        notes: String::new(),
        created_at: String::new(),
        archived_at: None,
    };
    let acme = save_client(&ctx, client("", " Acme Corp ")).await.unwrap();
    assert_eq!(acme.name, "Acme Corp");
    let err = save_client(&ctx, client("", "acme corp"))
        .await
        .unwrap_err();
    assert!(
        err.message.contains("already a client called"),
        "{}",
        err.message
    );
    assert!(save_client(&ctx, client("", "  ")).await.is_err());
    // Renaming a client to its own name (another spelling) is no duplicate.
    let renamed = save_client(&ctx, client(&acme.id, "ACME Corp"))
        .await
        .unwrap();
    assert_eq!(renamed.id, acme.id);
    assert_eq!(list_clients(&ctx).unwrap().len(), 1);
}

#[tokio::test]
async fn a_setup_is_renamed_and_a_blank_name_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap();
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: Erp::Intacct,
            label: "Acme".into(),
            client_id: None,
            account_id: "acme".into(),
            entity_id: None,
            practice_scenario: None,
        },
    )
    .await
    .unwrap();
    let rename = |label: &str| {
        vec![SetupChange::Rename {
            label: label.into(),
        }]
    };
    let renamed = change_setup(&ctx, setup.id.clone(), rename("  Acme billing (sandbox) "))
        .await
        .unwrap();
    assert_eq!(renamed.label, "Acme billing (sandbox)");
    for bad in ["   ", &"x".repeat(121)] {
        let err = change_setup(&ctx, setup.id.clone(), rename(bad))
            .await
            .unwrap_err();
        assert_eq!(err.kind, onramp_core::ErrorKind::InvalidInput, "{bad:?}");
    }
    let kept = onramp_application::api::setups::get_setup(&ctx, setup.id).unwrap();
    assert_eq!(
        kept.label, "Acme billing (sandbox)",
        "a refused name changes nothing"
    );
}
