//! Changing a Sage Intacct Web Services user's password on a practice setup
//! (intacct/happy): the new password waits in the keychain while the
//! simulated company still has the old one, so its proof fails and nothing is
//! replaced; once the administrator has changed it, the old password is
//! refused and the proof passes and puts the new one in place.

mod common;

use std::sync::Arc;

use onramp_application::api::lifecycle::{
    practice_change_password, rotation_prove, rotation_stage,
};
use onramp_application::api::practice::practice_credentials;
use onramp_application::ctx::AppCtx;
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::run::{EventSink, RunOptions};
use onramp_core::profile::Erp;
use onramp_core::{RunVerdict, Secret, SecretKey, SecretStore};

const PASSWORD: &str = "intacct.user_password";
const NEW: &str = "a-new-Web-Services-password-1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_password_replaces_the_old_once_the_company_accepts_it() {
    let (dir, store, ctx, setup) =
        common::practice_setup(Erp::Intacct, "Intacct", "intacct/happy").await;
    let id = setup.id.clone();
    let values = practice_credentials(&ctx, id.clone()).await.unwrap();
    for v in &values {
        let key = SecretKey::new(id.as_str(), v.name.as_str());
        store.set(&key, &Secret::new(v.value.clone())).unwrap();
    }
    let stored = || {
        let key = SecretKey::new(id.as_str(), PASSWORD);
        store.get(&key).unwrap().unwrap().expose().clone()
    };
    let old = stored();
    let options = RunOptions::default();
    let sink: EventSink = Arc::new(|_| {});
    let first = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), options).await;
    assert_eq!(first.verdict, RunVerdict::AllPassed, "{:?}", first.error);

    rotation_stage(&ctx, id.clone(), PASSWORD.into(), NEW.into())
        .await
        .unwrap();
    let early = rotation_prove(&ctx, id.clone(), options, sink.clone())
        .await
        .unwrap();
    assert!(!early.proven, "the company still has the old password");
    assert_eq!(stored(), old);

    // The simulated administrator sets the new password (Practice mode's button).
    practice_change_password(&ctx, id.clone()).await.unwrap();
    let stale = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), options).await;
    assert_eq!(
        stale.verdict,
        RunVerdict::SomeFailed,
        "the old password is refused now"
    );

    let proven = rotation_prove(&ctx, id.clone(), options, sink)
        .await
        .unwrap();
    assert!(proven.proven, "{:#?}", proven.checks);
    assert_eq!(stored(), NEW);
    assert!(proven.next_steps[0].contains("new password"));

    // The simulated company keeps the new password (as a hash) across a restart.
    drop(ctx);
    let ctx = AppCtx::open(dir.path().to_path_buf(), store.clone()).unwrap();
    let restarted = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), options).await;
    assert_eq!(
        restarted.verdict,
        RunVerdict::AllPassed,
        "{:?}",
        restarted.error
    );
    let kept = dir.path().join("practice").join(&id).join("intacct.json");
    assert!(
        !std::fs::read_to_string(kept).unwrap().contains(NEW),
        "no password on disk"
    );
}
