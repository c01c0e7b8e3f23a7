//! The validation suite names who an M2M token acts as, like Connect does for
//! the code flow: the certificate mapping chooses the user, so a mapping for
//! someone else is reported as that (by name, with the mapping as the fix),
//! not as missing permissions of the integration role. The integration role
//! may not read employee or role names; an administrator's sign-in does.

mod common;
#[path = "common/m2m.rs"]
mod m2m_common;

use std::sync::{Arc, Mutex};

use onramp_application::api::admin::{admin_practice_client_id, admin_sign_in};
use onramp_application::api::oauth::{oauth_set_field, OAuthField};
use onramp_application::ctx::AppCtx;
use onramp_application::host::{OAuthWindows, SignInWindows};
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::oauth::flow::{Flows, Taken};
use onramp_application::oauth::m2m;
use onramp_application::run::RunOptions;
use onramp_core::IpcError;
use onramp_core::{CheckResult, CheckStatus, RunVerdict};
use url::Url;

async fn run_checks(ctx: &AppCtx, id: &str) -> (RunVerdict, Vec<CheckResult>) {
    let ran = revalidate(ctx, &ctx.state.setup(id).unwrap(), RunOptions::default()).await;
    let run_id = ran.summary.expect("a run was recorded").run_id;
    let record = onramp_application::runs::store(&ctx.data_dir)
        .get(id, &run_id)
        .unwrap()
        .unwrap();
    (ran.verdict, record.checks)
}

/// Windows the test plays itself: it keeps the consent page's address.
#[derive(Clone, Default)]
struct Consent(Arc<Mutex<Option<Url>>>);

impl SignInWindows for Consent {
    fn open_browser(&self, _: &Url) -> Result<(), IpcError> {
        unreachable!("a practice setup signs in on the simulator's page")
    }
    fn open_consent(&self, url: Url) -> Result<(), IpcError> {
        *self.0.lock().unwrap() = Some(url);
        Ok(())
    }
    fn close_consent(&self) {}
}

/// Dana Admin (user 7, Administrator role 3) signs in and allows access.
async fn admin_signs_in(ctx: &AppCtx, id: &str) {
    let public = admin_practice_client_id(ctx, id.into()).await.unwrap();
    oauth_set_field(ctx, id.into(), OAuthField::AdminClientId, public.unwrap())
        .await
        .unwrap();
    let consent = Consent::default();
    let windows = OAuthWindows(Box::new(consent.clone()));
    let flows = Flows::default();
    admin_sign_in(&windows, ctx, &flows, id.into(), false, Box::new(|_| {}))
        .await
        .unwrap();
    let mut page = consent
        .0
        .lock()
        .unwrap()
        .clone()
        .expect("the consent page opened");
    let query = page.query().unwrap_or_default().to_owned();
    page.set_query(None);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = http
        .post(page)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("{query}&principal=7%3A3&decision=allow"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 302);
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    let Taken::Code(pending, code) = flows.take(&location, Some(id)) else {
        panic!("the redirect was not this sign-in's");
    };
    pending.complete(ctx, code).await.unwrap();
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

    admin_signs_in(&ctx, &id).await;
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
