//! Renewing an OAuth 2.0 authorization-code connection on a practice setup
//! (netsuite/oauth-happy) as a proven rotation: a new consent given by the
//! wrong user, or without a scope the connector needs, leaves the working
//! tokens in place and says why; one given by the integration user with the
//! right scopes replaces them after a passing run.

mod common;

use std::sync::{Arc, Mutex};

use onramp_application::api::lifecycle::{reconsent_prove, reconsent_state};
use onramp_application::api::oauth::{oauth_connect, oauth_reconsent, oauth_set_method};
use onramp_application::api::practice::practice_credentials;
use onramp_application::ctx::AppCtx;
use onramp_application::host::{OAuthWindows, SignInWindows};
use onramp_application::lifecycle::revalidate::revalidate;
use onramp_application::oauth::flow::{Flows, Taken};
use onramp_application::oauth::write_fields;
use onramp_application::run::{EventSink, RunOptions};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::secret::MemorySecretStore;
use onramp_core::{IpcError, RunVerdict, Secret, SecretKey, SecretStore};
use url::Url;

const ACCESS: &str = "netsuite.oauth2_access_token";
const INTEGRATION_USER: &str = "13:1001";
const ADMINISTRATOR: &str = "7:3";

#[derive(Clone, Default)]
struct Opened(Arc<Mutex<Vec<Url>>>);

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
async fn consent(page: &Url, principal: &str, scope: Option<&str>) -> String {
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

struct Practice {
    ctx: AppCtx,
    store: Arc<MemorySecretStore>,
    id: String,
    flows: Flows,
    opened: Opened,
    windows: OAuthWindows,
    _dir: tempfile::TempDir,
}

impl Practice {
    async fn new() -> Self {
        let (dir, store, ctx, setup) =
            common::practice_setup(Erp::Netsuite, "OAuth", "netsuite/oauth-happy").await;
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
            _dir: dir,
        }
    }

    /// Connect (or renew), consent as `principal`, and take the redirect back.
    async fn sign_in(&self, renew: bool, principal: &str, scope: Option<&str>) {
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

    fn access_token(&self) -> String {
        let key = SecretKey::new(self.id.as_str(), ACCESS);
        self.store.get(&key).unwrap().unwrap().expose().clone()
    }

    async fn verdict(&self) -> RunVerdict {
        let setup = self.ctx.state.setup(&self.id).unwrap();
        revalidate(&self.ctx, &setup, RunOptions::default())
            .await
            .verdict
    }

    async fn prove(&self) -> onramp_application::lifecycle::rotate::RotationOutcome {
        let sink: EventSink = Arc::new(|_| {});
        reconsent_prove(&self.ctx, self.id.clone(), RunOptions::default(), sink)
            .await
            .unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_consent_replaces_the_working_tokens_only_once_proven() {
    let p = Practice::new().await;
    p.sign_in(false, INTEGRATION_USER, None).await;
    assert_eq!(p.verdict().await, RunVerdict::AllPassed);
    let working = p.access_token();

    // Renewed while signed in to NetSuite as the administrator.
    p.sign_in(true, ADMINISTRATOR, None).await;
    assert!(reconsent_state(&p.ctx, p.id.clone()).await.unwrap().pending);
    assert_eq!(p.access_token(), working, "waiting beside, not replacing");
    let wrong_user = p.prove().await;
    assert!(!wrong_user.proven);
    assert!(
        wrong_user.next_steps[0].contains("wrong user")
            && wrong_user.next_steps[0].contains("admin@wolfe.example"),
        "{:?}",
        wrong_user.next_steps
    );
    assert!(wrong_user
        .next_steps
        .last()
        .unwrap()
        .starts_with("Nothing was replaced"));
    assert_eq!(p.access_token(), working);
    // Nor are the administrator's names kept as the connection's.
    let setup = p.ctx.state.setup(&p.id).unwrap();
    let token = &setup.fields.netsuite.token;
    assert_eq!(token.user_email, None);
    assert_eq!(token.entity.as_deref(), Some("13"));
    assert_eq!(
        p.verdict().await,
        RunVerdict::AllPassed,
        "the working tokens still work"
    );

    // Renewed as the integration user, but allowing only the RESTlet scope.
    p.sign_in(true, INTEGRATION_USER, Some("restlets")).await;
    let state = reconsent_state(&p.ctx, p.id.clone()).await.unwrap();
    assert_eq!(state.scopes, ["restlets"]);
    let no_scope = p.prove().await;
    assert!(!no_scope.proven);
    assert!(
        no_scope.next_steps[0].contains("lacks the scope rest_webservices"),
        "{:?}",
        no_scope.next_steps
    );
    assert_eq!(p.access_token(), working);

    // Renewed as the integration user with every scope: proven, then in place.
    p.sign_in(true, INTEGRATION_USER, None).await;
    let proven = p.prove().await;
    assert!(proven.proven, "{:#?}", proven.checks);
    assert_ne!(p.access_token(), working);
    let state = reconsent_state(&p.ctx, p.id.clone()).await.unwrap();
    assert!(!state.pending && state.scopes.is_empty());
    let setup = p.ctx.state.setup(&p.id).unwrap();
    let token = &setup.fields.netsuite.token;
    assert_eq!(token.entity.as_deref(), Some("13"));
    assert_eq!(token.role.as_deref(), Some("1001"));
    assert_eq!(setup.fields.netsuite.pending_token, None);
    assert_eq!(p.verdict().await, RunVerdict::AllPassed);
}
