//! An administrator's practice sign-in (Dana Admin, user 7, Administrator
//! role 3) through the simulated consent page, as the Administrator panel
//! makes it. Included (`#[path]`) by the tests that need it.

use std::sync::{Arc, Mutex};

use onramp_application::api::admin::{admin_practice_client_id, admin_sign_in};
use onramp_application::api::oauth::{oauth_set_field, OAuthField};
use onramp_application::ctx::AppCtx;
use onramp_application::host::{OAuthWindows, SignInWindows};
use onramp_application::oauth::flow::{Flows, Taken};
use onramp_core::IpcError;
use url::Url;

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
pub async fn admin_signs_in(ctx: &AppCtx, id: &str) {
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
