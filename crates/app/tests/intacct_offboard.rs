//! Offboarding a Sage Intacct Web Services user on a practice setup
//! (intacct/happy): the company's administrator signs in with their own user,
//! the preview names the user, the click sets it inactive, the read-back shows
//! STATUS inactive, the setup's own sign-in is refused, and the change is on
//! the setup's record; the administrator's password is not kept.

mod common;

use onramp_application::api::admin::{
    intacct_admin_store, intacct_admin_stored, intacct_offboard, intacct_offboard_plan,
};
use onramp_application::api::lifecycle::maintain_practice;
use onramp_application::api::practice::practice_credentials;
use onramp_application::ctx::AppCtx;
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::run::RunOptions;
use onramp_core::profile::Erp;
use onramp_core::{RunVerdict, Secret, SecretKey, SecretStore};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_user_is_set_inactive_read_back_and_its_sign_in_refused() {
    let (dir, store, ctx, setup) =
        common::practice_setup(Erp::Intacct, "Intacct", "intacct/happy").await;
    let id = setup.id.clone();
    for v in practice_credentials(&ctx, id.clone()).await.unwrap() {
        let key = SecretKey::new(id.as_str(), v.name.as_str());
        store.set(&key, &Secret::new(v.value.clone())).unwrap();
    }
    let before = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), RunOptions::default()).await;
    assert_eq!(before.verdict, RunVerdict::AllPassed, "{:?}", before.error);

    // Without the administrator's sign-in nothing is read or changed.
    let e = intacct_offboard_plan(&ctx, id.clone()).await.unwrap_err();
    assert!(e.message.contains("administrator"), "{}", e.message);

    let admin = maintain_practice(&ctx, id.clone())
        .await
        .unwrap()
        .intacct_admin;
    assert_eq!(admin.len(), 2, "the scenario's administrator: {admin:?}");
    intacct_admin_store(
        &ctx,
        id.clone(),
        admin[0].value.clone(),
        admin[1].value.clone(),
    )
    .await
    .unwrap();
    assert!(intacct_admin_stored(&ctx, id.clone()).await.unwrap());

    let plan = intacct_offboard_plan(&ctx, id.clone()).await.unwrap();
    assert_eq!(plan.user.login_id, "xml_onramp");
    assert_eq!(plan.user.status, "active");
    assert!(
        plan.preview.changes[0].contains("xml_onramp"),
        "{:?}",
        plan.preview
    );
    assert!(plan
        .preview
        .warnings
        .iter()
        .any(|w| w.contains("onramp_practice")));
    // The preview changes nothing.
    let still = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), RunOptions::default()).await;
    assert_eq!(still.verdict, RunVerdict::AllPassed);

    let done = intacct_offboard(&ctx, id.clone()).await.unwrap();
    assert_eq!(done.user.status, "inactive");
    assert!(
        done.credentials_refused.contains("inactive"),
        "{}",
        done.credentials_refused
    );
    assert!(done.sender_note.contains("Web Services authorizations"));
    assert!(done.change.consented_by.contains(&admin[0].value));
    assert!(done.change.outcome.contains("STATUS = inactive"));
    let stored = ctx.state.setup(&id).unwrap();
    assert_eq!(stored.admin_changes, vec![done.change.clone()]);
    // The administrator's password is forgotten once the change is made.
    assert!(!intacct_admin_stored(&ctx, id.clone()).await.unwrap());
    let after = revalidate(&ctx, &stored, RunOptions::default()).await;
    assert_ne!(
        after.verdict,
        RunVerdict::AllPassed,
        "the user is inactive now"
    );
    // The run's record (and so its report) lists the change.
    let record = onramp_application::api::share::get_last_run(&ctx, id.clone())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.changes, vec![done.change]);

    // The simulated company keeps the change when the app restarts.
    drop(ctx);
    let ctx = AppCtx::open(dir.path().to_path_buf(), store).unwrap();
    let restarted = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), RunOptions::default()).await;
    assert_eq!(
        restarted.verdict, after.verdict,
        "still offboarded after a restart"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_services_user_cannot_offboard_itself() {
    let (_dir, store, ctx, setup) =
        common::practice_setup(Erp::Intacct, "Intacct", "intacct/happy").await;
    let id = setup.id.clone();
    let values = practice_credentials(&ctx, id.clone()).await.unwrap();
    for v in &values {
        let key = SecretKey::new(id.as_str(), v.name.as_str());
        store.set(&key, &Secret::new(v.value.clone())).unwrap();
    }
    let value = |name: &str| {
        values
            .iter()
            .find(|v| v.name == name)
            .unwrap()
            .value
            .clone()
    };
    intacct_admin_store(
        &ctx,
        id.clone(),
        value("intacct.user_id"),
        value("intacct.user_password"),
    )
    .await
    .unwrap();
    let e = intacct_offboard(&ctx, id.clone()).await.unwrap_err();
    assert!(e.message.contains("another administrator"), "{}", e.message);
    let still = revalidate(&ctx, &ctx.state.setup(&id).unwrap(), RunOptions::default()).await;
    assert_eq!(still.verdict, RunVerdict::AllPassed);
}
