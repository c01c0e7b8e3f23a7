//! The validation suite names who an M2M token acts as, like Connect does for
//! the code flow: the certificate mapping chooses the user, so a mapping for
//! someone else is reported as that (by name, with the mapping as the fix),
//! not as missing permissions of the integration role. The integration role
//! may not read employee or role names; an administrator's sign-in does.

#[path = "common/admin.rs"]
mod admin;
mod common;
#[path = "common/m2m.rs"]
mod m2m_common;

use onramp_application::api::oauth::{oauth_set_field, OAuthField};
use onramp_application::ctx::AppCtx;
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::oauth::m2m;
use onramp_application::run::RunOptions;
use onramp_core::{CheckResult, CheckStatus, RunVerdict};

async fn run_checks(ctx: &AppCtx, id: &str) -> (RunVerdict, Vec<CheckResult>) {
    let ran = revalidate(ctx, &ctx.state.setup(id).unwrap(), RunOptions::default()).await;
    let run_id = ran.summary.expect("a run was recorded").run_id;
    let record = onramp_application::runs::store(&ctx.data_dir)
        .get(id, &run_id)
        .unwrap()
        .unwrap();
    (ran.verdict, record.checks)
}

fn owner_check(checks: &[CheckResult]) -> &CheckResult {
    checks
        .iter()
        .find(|c| c.id == "netsuite.token_owner")
        .unwrap_or_else(|| panic!("no token owner check in {checks:#?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_m2m_mapping_for_another_user_is_named_as_the_cause() {
    let (_dir, _store, ctx, id, _) = m2m_common::mapped_setup("netsuite/oauth-maintain").await;

    let (verdict, checks) = run_checks(&ctx, &id).await;
    assert_eq!(verdict, RunVerdict::AllPassed, "{checks:#?}");
    assert!(
        checks.iter().all(|c| c.id != "netsuite.token_owner"),
        "without names nothing is compared: {checks:#?}"
    );

    admin::admin_signs_in(&ctx, &id).await;
    let (verdict, checks) = run_checks(&ctx, &id).await;
    assert_eq!(verdict, RunVerdict::AllPassed, "{checks:#?}");
    let right = owner_check(&checks);
    assert_eq!(right.status, CheckStatus::Pass);
    assert!(
        right.summary.starts_with("The M2M token acts as"),
        "{}",
        right.summary
    );

    // The same key mapped again, this time for the second integration user.
    let pem = m2m::read(&ctx, &id).unwrap().unwrap().certificate_pem;
    let wrong = m2m::practice_map(&ctx, &ctx.state.setup(&id).unwrap(), pem, Some(14))
        .await
        .unwrap();
    oauth_set_field(
        &ctx,
        id.clone(),
        OAuthField::CertificateId,
        wrong.certificate_id,
    )
    .await
    .unwrap();
    let (verdict, checks) = run_checks(&ctx, &id).await;
    assert_eq!(verdict, RunVerdict::SomeFailed);
    let owner = owner_check(&checks);
    assert_eq!(owner.status, CheckStatus::Fail);
    assert!(
        owner
            .summary
            .contains("acts as Second Integration User (integration2@wolfe.example)"),
        "{}",
        owner.summary
    );
    let d = owner.diagnosis.as_ref().unwrap();
    assert!(d.cause.contains("mapping"), "{}", d.cause);
    assert!(
        d.where_
            .contains("OAuth 2.0 Client Credentials (M2M) Setup"),
        "{}",
        d.where_
    );
    // The role inspected is the wrong user's: its permissions are not judged.
    let permissions = checks
        .iter()
        .find(|c| c.id == "netsuite.permissions")
        .unwrap();
    assert_ne!(permissions.status, CheckStatus::Pass, "{permissions:#?}");
}
