//! One authorization-code attempt at a time: its state and PKCE verifier live
//! here, in the app's memory, from "Connect" until NetSuite's redirect comes
//! back (deep link, practice window or pasted address). A redirect that does
//! not belong to the attempt is refused and the attempt keeps waiting; an
//! `error=` redirect or a code ends it.

use std::sync::Mutex;

use futures::future::BoxFuture;

use onramp_core::{ErrorKind, IpcError};
use onramp_netsuite::oauth2::diagnose::Stage;
use onramp_netsuite::oauth2::{
    AuthorizationResponse, CodeClient, OAuthError, OffsetDateTime, Pkce, State,
};
use serde::Serialize;
use specta::Type;

use super::oauth_error;
use super::tokens::{self, OAuthStatus};
use crate::ctx::AppCtx;

/// What the window hears about a redirect it did not deliver itself.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OAuthEvent {
    Connected { status: OAuthStatus },
    Failed { error: IpcError },
}

pub type Notify = Box<dyn Fn(OAuthEvent) + Send + Sync>;

/// Whose sign-in the attempt is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The integration user's: tokens go to the setup's keychain entries.
    Setup,
    /// An administrator's, for changes Onramp makes for the person: kept in
    /// memory, or in the keychain too when `keep`.
    Admin { keep: bool },
    /// The integration user's new consent, renewing a working connection:
    /// tokens wait beside the working ones until a run proves them.
    Reconsent,
}

pub struct Pending {
    pub setup_id: String,
    client: CodeClient,
    state: State,
    pkce: Pkce,
    notify: Notify,
    purpose: Purpose,
}

impl Pending {
    pub fn new(
        setup_id: String,
        client: CodeClient,
        state: State,
        pkce: Pkce,
        notify: Notify,
    ) -> Self {
        Self {
            setup_id,
            client,
            state,
            pkce,
            notify,
            purpose: Purpose::Setup,
        }
    }

    /// The same attempt, renewing the setup's consent (proven before it replaces anything).
    pub fn for_reconsent(mut self) -> Self {
        self.purpose = Purpose::Reconsent;
        self
    }

    /// The same attempt, for an administrator's sign-in.
    pub fn for_admin(mut self, keep: bool) -> Self {
        self.purpose = Purpose::Admin { keep };
        self
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    pub fn notify(&self, event: OAuthEvent) {
        (self.notify)(event)
    }

    /// Exchanges the code (with the verifier only this process knows) and stores the tokens.
    /// Boxed so the deep-link handler can spawn it (its `Send` is proven here, once).
    pub fn complete<'a>(
        &'a self,
        ctx: &'a AppCtx,
        answer: AuthorizationResponse,
    ) -> BoxFuture<'a, Result<OAuthStatus, IpcError>> {
        Box::pin(async move {
            let now = OffsetDateTime::now_utc();
            let tokens = self
                .client
                .exchange_code(&answer, self.pkce.verifier(), now)
                .await
                .map_err(|e| oauth_error(Stage::CodeExchange, &e))?;
            match self.purpose {
                Purpose::Setup => {
                    tokens::store(ctx, &self.setup_id, &tokens).await?;
                    // Who signed in and pressed Allow, by name, shown right at Connect.
                    super::owner::name(ctx, &self.setup_id, tokens.access_token.clone()).await;
                }
                Purpose::Admin { keep } => {
                    crate::admin::session::signed_in(ctx, &self.setup_id, &tokens, keep).await?
                }
                Purpose::Reconsent => {
                    crate::lifecycle::reconsent::stage(ctx, &self.setup_id, &tokens).await?
                }
            }
            let setup = ctx.state.setup(&self.setup_id)?;
            tokens::status(ctx, &setup).await
        })
    }
}

/// What a returned address means for the waiting attempt.
pub enum Taken {
    /// No attempt is waiting (already finished, or the app restarted).
    Nothing,
    /// Not this attempt's answer (another state, another address); it keeps waiting.
    Refused(IpcError),
    /// NetSuite said no (`error=…`); the attempt is over.
    Denied(Pending, IpcError),
    /// A code for this attempt; the attempt is over.
    Code(Pending, AuthorizationResponse),
}

#[derive(Default)]
pub struct Flows(Mutex<Option<Pending>>);

impl Flows {
    /// Starts waiting for `pending`, replacing an earlier attempt (its redirect is then refused).
    pub fn begin(&self, pending: Pending) {
        *self.lock() = Some(pending);
    }

    /// Checks `returned` against the waiting attempt. `setup_id` is given when
    /// the user pasted the address on a setup's page: it must be that setup's attempt.
    pub fn take(&self, returned: &str, setup_id: Option<&str>) -> Taken {
        let mut slot = self.lock();
        let Some(pending) = slot.as_ref() else {
            return Taken::Nothing;
        };
        if setup_id.is_some_and(|id| id != pending.setup_id) {
            return Taken::Refused(IpcError::new(
                ErrorKind::InvalidInput,
                "this setup has no sign-in waiting for that address; press Connect first",
            ));
        }
        match pending.client.parse_redirect(returned, &pending.state) {
            Ok(answer) => Taken::Code(slot.take().expect("checked above"), answer),
            Err(e @ OAuthError::Authorize { .. }) => Taken::Denied(
                slot.take().expect("checked above"),
                oauth_error(Stage::Authorize, &e),
            ),
            Err(e) => Taken::Refused(oauth_error(Stage::Authorize, &e)),
        }
    }

    /// Tells the waiting attempt's window, if any, that a redirect was refused.
    pub fn notify_waiting(&self, event: OAuthEvent) {
        if let Some(p) = self.lock().as_ref() {
            p.notify(event);
        }
    }

    pub fn is_waiting(&self, setup_id: &str) -> bool {
        self.lock().as_ref().is_some_and(|p| p.setup_id == setup_id)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Pending>> {
        // Replacing or taking an Option cannot be left half done by a panic.
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    use onramp_core::http::Endpoints;
    use onramp_netsuite::oauth2::{ClientKind, CodeClientConfig, RedirectUri, Scope};
    use onramp_netsuite::Account;

    fn attempt(setup: &str, events: Arc<Mutex<Vec<OAuthEvent>>>) -> (Pending, String) {
        let client = CodeClient::new(CodeClientConfig {
            account: Account::parse("1234567").unwrap(),
            client_id: "cid".into(),
            client_secret: None,
            redirect_uri: RedirectUri::parse(super::super::REDIRECT_URI).unwrap(),
            scopes: vec![Scope::RestWebServices],
            kind: ClientKind::public_default(),
            endpoints: Endpoints::default(),
            timeout: Duration::from_secs(1),
        })
        .unwrap();
        let req = client.authorization_request().unwrap();
        let state = req.state.as_str().to_owned();
        let notify: Notify = Box::new(move |e| events.lock().unwrap().push(e));
        (
            Pending::new(setup.into(), client, req.state, req.pkce, notify),
            state,
        )
    }

    fn flows_with(setup: &str) -> (Flows, String, Arc<Mutex<Vec<OAuthEvent>>>) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let (p, state) = attempt(setup, events.clone());
        let flows = Flows::default();
        flows.begin(p);
        (flows, state, events)
    }

    #[test]
    fn nothing_waiting_means_nothing_to_take() {
        let flows = Flows::default();
        assert!(matches!(
            flows.take("com.onramp.app://oauth/callback?code=x&state=y", None),
            Taken::Nothing
        ));
    }

    #[test]
    fn a_matching_redirect_yields_the_code_and_ends_the_attempt() {
        let (flows, state, _) = flows_with("s1");
        let url = format!("com.onramp.app://oauth/callback?state={state}&role=1001&entity=13&company=1234567&code=abc");
        let Taken::Code(p, answer) = flows.take(&url, Some("s1")) else {
            panic!("expected the code");
        };
        assert_eq!(p.setup_id, "s1");
        assert_eq!(
            (
                answer.code.as_str(),
                answer.role.as_deref(),
                answer.entity.as_deref()
            ),
            ("abc", Some("1001"), Some("13"))
        );
        assert!(!flows.is_waiting("s1"));
        assert!(
            matches!(flows.take(&url, None), Taken::Nothing),
            "a replayed redirect finds nothing"
        );
    }

    #[test]
    fn another_state_is_refused_and_the_attempt_keeps_waiting() {
        let (flows, _, _) = flows_with("s1");
        let url = "com.onramp.app://oauth/callback?state=zzzzzzzzzzzzzzzzzzzzzzzzzz&code=abc";
        let Taken::Refused(e) = flows.take(url, None) else {
            panic!("expected a refusal");
        };
        assert!(
            e.message.contains("different sign-in attempt"),
            "{}",
            e.message
        );
        assert!(e.diagnosis.unwrap().cause.len() > 10);
        assert!(flows.is_waiting("s1"));
    }

    #[test]
    fn an_error_redirect_ends_the_attempt_with_a_diagnosis() {
        let (flows, state, _) = flows_with("s1");
        let url = format!("com.onramp.app://oauth/callback?state={state}&error=access_denied");
        let Taken::Denied(_, e) = flows.take(&url, None) else {
            panic!("expected a denial");
        };
        assert_eq!(e.kind, ErrorKind::Auth);
        assert!(e.message.contains("access_denied"), "{}", e.message);
        assert!(e.diagnosis.is_some());
        assert!(!flows.is_waiting("s1"));
    }

    #[test]
    fn a_paste_on_another_setup_or_a_foreign_address_is_refused() {
        let (flows, state, events) = flows_with("s1");
        let url = format!("com.onramp.app://oauth/callback?state={state}&code=abc");
        assert!(matches!(flows.take(&url, Some("s2")), Taken::Refused(_)));
        let foreign = format!("https://evil.example/cb?state={state}&code=abc");
        assert!(matches!(flows.take(&foreign, None), Taken::Refused(_)));
        assert!(flows.is_waiting("s1"));
        flows.notify_waiting(OAuthEvent::Failed {
            error: IpcError::new(ErrorKind::InvalidInput, "x"),
        });
        assert_eq!(events.lock().unwrap().len(), 1);
    }
}
