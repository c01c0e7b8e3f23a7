//! `onramp-cli revalidate` over a data folder holding several practice setups
//! the way the app stores them (state file, credentials in the OS keychain):
//! one that passes, one whose token was revoked, one whose credentials were
//! never stored, and a Sage Intacct one. The real binary re-runs them, records
//! each run it could make, prints one line per setup and exits with the worst
//! verdict. Needs an unlocked Secret Service: run under scripts/with-keyring.sh
//! with `--include-ignored`.

mod common;

use std::path::Path;
use std::process::Output;
use std::sync::Arc;

use common::cli;
use onramp_application::api::practice::practice_credentials;
use onramp_application::api::setups::create_setup;
use onramp_application::ctx::AppCtx;
use onramp_application::runs;
use onramp_core::keychain::KeyringStore;
use onramp_core::profile::Erp;
use onramp_core::state::NewSetup;
use onramp_core::{Secret, SecretKey, SecretStore};

async fn practice(ctx: &AppCtx, erp: Erp, label: &str, scenario: &str, paste: bool) -> String {
    let setup = create_setup(
        ctx,
        NewSetup {
            erp,
            label: label.into(),
            client_id: None,
            account_id: String::new(),
            entity_id: None,
            practice_scenario: Some(scenario.into()),
        },
    )
    .await
    .unwrap();
    if paste {
        for v in practice_credentials(ctx, setup.id.clone()).await.unwrap() {
            let key = SecretKey::new(setup.id.as_str(), v.name.as_str());
            ctx.secrets.set(&key, &Secret::new(v.value)).unwrap();
        }
    }
    setup.id
}

async fn revalidate(dir: &Path, service: &str, which: &[&str]) -> Output {
    let mut args = vec!["revalidate".to_owned(), "--data-dir".to_owned()];
    args.push(dir.display().to_string());
    args.extend(which.iter().map(|s| s.to_string()));
    cli(
        args,
        vec![("ONRAMP_KEYCHAIN_SERVICE".into(), service.into())],
    )
    .await
}

/// The table line of `id`.
fn line<'a>(stdout: &'a str, id: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.contains(id))
        .unwrap_or_else(|| panic!("no line for {id} in:\n{stdout}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs an unlocked Secret Service (scripts/with-keyring.sh)"]
async fn every_stored_setup_is_run_recorded_and_the_worst_verdict_is_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let service = format!("com.onramp.test.revalidate.{}", std::process::id());
    let store = Arc::new(KeyringStore::new(service.clone()));
    let ctx = AppCtx::open(dir.path().to_path_buf(), store.clone()).unwrap();
    let ok = practice(&ctx, Erp::Netsuite, "Wolfe", "netsuite/happy", true).await;
    let revoked = practice(
        &ctx,
        Erp::Netsuite,
        "Revoked",
        "netsuite/revoked-token",
        true,
    )
    .await;
    let unstored = practice(&ctx, Erp::Netsuite, "Unstored", "netsuite/happy", false).await;
    let intacct = practice(&ctx, Erp::Intacct, "Intacct", "intacct/happy", true).await;
    // The CLI opens the folder itself, as a scheduled job would.
    drop(ctx);

    let out = revalidate(dir.path(), &service, &["--all"]).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failure outranks the rest:\n{stdout}\n{stderr}"
    );
    assert!(line(&stdout, &ok).starts_with("PASSED"), "{stdout}");
    assert!(line(&stdout, &intacct).starts_with("PASSED"), "{stdout}");
    let failed = line(&stdout, &revoked);
    assert!(
        failed.starts_with("FAILED") && failed.contains("[practice]"),
        "{failed}"
    );
    let unchecked = line(&stdout, &unstored);
    assert!(unchecked.starts_with("NOT CHECKED"), "{unchecked}");
    assert!(
        unchecked.contains("not stored yet"),
        "says why: {unchecked}"
    );

    // Each run that ran is recorded like one from the window; none for the setup that could not run.
    let reopened = AppCtx::open(dir.path().to_path_buf(), store.clone()).unwrap();
    let records = runs::store(&reopened.data_dir);
    for id in [&ok, &revoked, &intacct] {
        let record = records.latest(id).unwrap().expect("the run was recorded");
        let setup = reopened.state.setup(id).unwrap();
        assert_eq!(
            setup.last_run.map(|r| r.run_id),
            record.summary.map(|s| s.run_id),
            "the setup's last run is the recorded one"
        );
    }
    let auth = records.latest(&revoked).unwrap().unwrap();
    let auth = auth
        .checks
        .iter()
        .find(|c| c.id == "netsuite.auth")
        .unwrap();
    assert_eq!(auth.status, onramp_core::CheckStatus::Fail);
    assert!(records.latest(&unstored).unwrap().is_none());

    // By label and id: what passed exits 0; with an unchecked setup, 3.
    let out = revalidate(dir.path(), &service, &["wolfe", &intacct]).await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = revalidate(dir.path(), &service, &["Wolfe", &unstored]).await;
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A name that matches nothing is a usage error, and nothing runs.
    let out = revalidate(dir.path(), &service, &["Initech"]).await;
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Initech"));

    for id in [&ok, &revoked, &intacct] {
        for name in onramp_core::state::all_secret_names() {
            let _ = store.delete(&SecretKey::new(id.as_str(), name));
        }
    }
}
