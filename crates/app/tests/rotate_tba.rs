//! Rotating a NetSuite TBA token on a practice setup (scenario
//! `netsuite/maintain`, whose administrator already created a second token
//! for the integration user): a new token that does not sign in replaces
//! nothing; one that does replaces the old one only after the run passed, and
//! the run is the setup's last. The old token, revoked afterwards in the
//! simulated NetSuite, is refused, and the rotated setup still passes.

mod common;

use std::sync::Arc;

use onramp_application::api::lifecycle::{
    maintain_practice, rotation_prove, rotation_stage, rotation_state,
};
use onramp_application::api::practice::practice_credentials;
use onramp_application::api::setups::create_setup;
use onramp_application::ctx::AppCtx;
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::lifecycle::rotate::pending_key;
use onramp_application::run::{EventSink, RunOptions};
use onramp_application::runs;
use onramp_core::profile::Erp;
use onramp_core::runner::RunEvent;
use onramp_core::secret::MemorySecretStore;
use onramp_core::state::NewSetup;
use onramp_core::{CheckStatus, RunVerdict, Secret, SecretKey, SecretStore};

const TOKEN_ID: &str = "netsuite.token_id";
const TOKEN_SECRET: &str = "netsuite.token_secret";

fn get(store: &MemorySecretStore, key: &SecretKey) -> Option<String> {
    store.get(key).unwrap().map(|s| s.expose().clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_token_replaces_the_old_only_once_a_run_proved_it() {
    let (_dir, store, ctx, setup) =
        common::practice_setup(Erp::Netsuite, "Wolfe", "netsuite/maintain").await;
    let id = setup.id.clone();
    for v in practice_credentials(&ctx, id.clone()).await.unwrap() {
        let key = SecretKey::new(id.as_str(), v.name.as_str());
        store.set(&key, &Secret::new(v.value)).unwrap();
    }
    let old_token = get(&store, &SecretKey::new(id.as_str(), TOKEN_ID)).unwrap();
    let practice = maintain_practice(&ctx, id.clone()).await.unwrap();
    let value = |name: &str| {
        practice
            .rotation
            .iter()
            .find(|v| v.name == name)
            .unwrap()
            .value
            .clone()
    };
    let (new_id, new_secret) = (value(TOKEN_ID), value(TOKEN_SECRET));
    assert_ne!(new_id, old_token);

    let events = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = events.clone();
    let sink: EventSink = Arc::new(move |e: RunEvent| seen.lock().unwrap().push(e));
    let options = RunOptions::default();

    // A secret copied wrong: the proof fails, and nothing is replaced.
    rotation_stage(&ctx, id.clone(), TOKEN_ID.into(), new_id.clone())
        .await
        .unwrap();
    rotation_stage(&ctx, id.clone(), TOKEN_SECRET.into(), "0".repeat(64))
        .await
        .unwrap();
    let failed = rotation_prove(&ctx, id.clone(), options, sink.clone())
        .await
        .unwrap();
    assert!(!failed.proven);
    let auth = failed
        .checks
        .iter()
        .find(|c| c.id == "netsuite.auth")
        .unwrap();
    assert_eq!(auth.status, CheckStatus::Fail);
    assert_eq!(
        get(&store, &SecretKey::new(id.as_str(), TOKEN_ID)),
        Some(old_token.clone())
    );
    assert!(
        get(&store, &pending_key(&id, TOKEN_ID)).is_some(),
        "kept to correct"
    );
    assert!(
        runs::store(&ctx.data_dir).latest(&id).unwrap().is_none(),
        "not the setup's run"
    );
    assert!(
        events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, RunEvent::Finished { .. })),
        "progress reaches the window"
    );

    // The right secret: proven, moved into place, recorded.
    rotation_stage(&ctx, id.clone(), TOKEN_SECRET.into(), new_secret.clone())
        .await
        .unwrap();
    let proven = rotation_prove(&ctx, id.clone(), options, sink.clone())
        .await
        .unwrap();
    assert!(proven.proven, "{:#?}", proven.checks);
    assert_eq!(
        get(&store, &SecretKey::new(id.as_str(), TOKEN_ID)),
        Some(new_id)
    );
    assert_eq!(
        get(&store, &SecretKey::new(id.as_str(), TOKEN_SECRET)),
        Some(new_secret)
    );
    let state = rotation_state(&ctx, id.clone()).await.unwrap();
    assert!(
        state.staged.iter().all(|s| !s.stored),
        "nothing left pending"
    );
    let record = runs::store(&ctx.data_dir).latest(&id).unwrap().unwrap();
    assert_eq!(
        record.summary.map(|s| s.run_id),
        Some(proven.summary.run_id)
    );
    assert!(proven
        .next_steps
        .iter()
        .any(|s| s.contains("revoke the old token")));

    // The administrator revokes the old token in the simulated NetSuite.
    let base = ctx.sims.running(&id).await.unwrap();
    let revoke = reqwest::Client::new()
        .post(format!("{base}/__sim/netsuite/tokens/revoke"))
        .query(&[
            ("account", "1234567"),
            ("name", "Onramp Connector - Onramp Integration User"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), 200);
    let again = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), options).await;
    assert_eq!(again.verdict, RunVerdict::AllPassed, "{:?}", again.error);

    // The revoked token proves nothing and leaves the rotated one in place.
    rotation_stage(&ctx, id.clone(), TOKEN_ID.into(), old_token.clone())
        .await
        .unwrap();
    let secret = practice_credentials(&ctx, id.clone()).await.unwrap();
    let old_secret = secret
        .iter()
        .find(|v| v.name == TOKEN_SECRET)
        .unwrap()
        .value
        .clone();
    rotation_stage(&ctx, id.clone(), TOKEN_SECRET.into(), old_secret)
        .await
        .unwrap();
    let refused = rotation_prove(&ctx, id.clone(), options, sink)
        .await
        .unwrap();
    assert!(!refused.proven);
    assert_ne!(
        get(&store, &SecretKey::new(id.as_str(), TOKEN_ID)),
        Some(old_token)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_rotated_credentials_may_be_staged() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = AppCtx::open(
        dir.path().to_path_buf(),
        Arc::new(MemorySecretStore::default()),
    )
    .unwrap();
    let setup = create_setup(
        &ctx,
        NewSetup {
            erp: Erp::Netsuite,
            label: "Wolfe".into(),
            client_id: None,
            account_id: "1234567".into(),
            entity_id: None,
            practice_scenario: None,
        },
    )
    .await
    .unwrap();
    let err = rotation_stage(
        &ctx,
        setup.id.clone(),
        "netsuite.consumer_secret".into(),
        "x".into(),
    )
    .await
    .unwrap_err();
    assert!(err.message.contains("not replaced"), "{}", err.message);
    let err = rotation_stage(&ctx, setup.id.clone(), TOKEN_ID.into(), "  ".into())
        .await
        .unwrap_err();
    assert!(err.message.contains("empty"), "{}", err.message);
    // New values the user gives up on are forgotten.
    rotation_stage(&ctx, setup.id.clone(), TOKEN_ID.into(), "abc".into())
        .await
        .unwrap();
    let state = rotation_state(&ctx, setup.id.clone()).await.unwrap();
    assert!(state.staged.iter().any(|s| s.stored));
    onramp_application::api::lifecycle::rotation_discard(&ctx, setup.id.clone())
        .await
        .unwrap();
    let state = rotation_state(&ctx, setup.id.clone()).await.unwrap();
    assert!(state.staged.iter().all(|s| !s.stored));
    // Proving with nothing staged names what to paste, before any request.
    let sink: EventSink = Arc::new(|_| {});
    let err = rotation_prove(&ctx, setup.id, RunOptions::default(), sink)
        .await
        .unwrap_err();
    assert!(err.message.contains("paste the new"), "{}", err.message);
}
