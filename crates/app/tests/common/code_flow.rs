//! A practice setup of netsuite/oauth-happy with the authorization code flow:
//! the simulated Client ID and secret stored, and a consent answered as any
//! user the simulated account offers, as the consent window would. Included
//! (`#[path]`) by the tests that need it.

use std::sync::{Arc, Mutex};

use onramp_application::api::oauth::{oauth_connect, oauth_reconsent, oauth_set_method};
use onramp_application::api::practice::practice_credentials;
use onramp_application::ctx::AppCtx;
use onramp_application::host::{OAuthWindows, SignInWindows};
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::oauth::flow::{Flows, Taken};
use onramp_application::oauth::write_fields;
use onramp_application::run::RunOptions;
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::secret::MemorySecretStore;
use onramp_core::{IpcError, RunVerdict, Secret, SecretKey, SecretStore};
use url::Url;

const ACCESS: &str = "netsuite.oauth2_access_token";

#[derive(Clone, Default)]
pub struct Opened(Arc<Mutex<Vec<Url>>>);

impl SignInWindows for Opened {
    fn open_browser(&self, _: &Url) -> Result<(), IpcError> {
        panic!("a practice setup never opens the system browser");
    }
    fn open_consent(&self, url: Url) -> Result<(), IpcError> {
        self.0.lock().unwrap().push(url);
        Ok(())
    }
    fn close_consent(&self) {}
}

/// Answers the simulated consent page as `principal` ("employee:role"),
/// allowing `scope` instead of what was asked when given; returns the redirect.
pub async fn consent(page: &Url, principal: &str, scope: Option<&str>) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let html = http
        .get(page.clone())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("SIMULATION"));
    let mut query: Vec<(String, String)> = page.query_pairs().into_owned().collect();
    if let Some(scope) = scope {
        query.retain(|(k, _)| k != "scope");
        query.push(("scope".into(), scope.into()));
    }
    query.push(("principal".into(), principal.into()));
    query.push(("decision".into(), "allow".into()));
    let mut form = page.clone();
    form.set_query(None);
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&query)
        .finish();
    let resp = http
        .post(form)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 302);
    resp.headers()["location"].to_str().unwrap().to_owned()
}

pub struct Practice {
    pub ctx: AppCtx,
    pub store: Arc<MemorySecretStore>,
    pub id: String,
    flows: Flows,
    opened: Opened,
    windows: OAuthWindows,
    pub dir: tempfile::TempDir,
}

impl Practice {
    pub async fn new() -> Self {
        let (dir, store, ctx, setup) =
            super::common::practice_setup(Erp::Netsuite, "OAuth", "netsuite/oauth-happy").await;
        let id = setup.id.clone();
        oauth_set_method(&ctx, id.clone(), AuthMethod::Oauth2Code)
            .await
            .unwrap();
        for v in practice_credentials(&ctx, id.clone()).await.unwrap() {
            match v.name.as_str() {
                "netsuite.oauth2_client_id" => {
                    write_fields(&ctx, &id, |f| f.netsuite.client_id = Some(v.value.clone()))
                        .unwrap()
                }
                name => store
                    .set(
                        &SecretKey::new(id.as_str(), name),
                        &Secret::new(v.value.clone()),
                    )
                    .unwrap(),
            }
        }
        let opened = Opened::default();
        let windows = OAuthWindows(Box::new(opened.clone()));
        Self {
            ctx,
            store,
            id,
            flows: Flows::default(),
            opened,
            windows,
            dir,
        }
    }

    /// Connect (or renew), consent as `principal`, and take the redirect back.
    pub async fn sign_in(&self, renew: bool, principal: &str, scope: Option<&str>) {
        let notify = Box::new(|_| {});
        let id = self.id.clone();
        if renew {
            oauth_reconsent(&self.windows, &self.ctx, &self.flows, id, notify).await
        } else {
            oauth_connect(&self.windows, &self.ctx, &self.flows, id, notify).await
        }
        .unwrap();
        let page = self.opened.0.lock().unwrap().pop().unwrap();
        let location = consent(&page, principal, scope).await;
        let Taken::Code(pending, answer) = self.flows.take(&location, Some(&self.id)) else {
            panic!("the redirect belongs to this attempt");
        };
        pending.complete(&self.ctx, answer).await.unwrap();
    }

    pub fn access_token(&self) -> String {
        let key = SecretKey::new(self.id.as_str(), ACCESS);
        self.store.get(&key).unwrap().unwrap().expose().clone()
    }

    pub async fn verdict(&self) -> RunVerdict {
        let setup = self.ctx.state.setup(&self.id).unwrap();
        revalidate(&self.ctx, &setup, RunOptions::default())
            .await
            .verdict
    }

    /// The app quit and started again on the same data folder and keychain.
    #[allow(dead_code, reason = "only the restart test restarts the app")]
    pub fn restart(&mut self) {
        self.ctx = AppCtx::open(self.dir.path().to_path_buf(), self.store.clone()).unwrap();
    }
}
