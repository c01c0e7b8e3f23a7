//! NetSuite OAuth 2.0 in the shell, against the practice simulator on loopback:
//! the authorization code flow (redirect by second launch, and pasted), state
//! and error redirects, refresh and revoke, M2M with a generated certificate,
//! and the validation suite run with each.

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use onramp_app::commands::oauth::oauth_connect;
use onramp_app::oauth::flow::{Flows, OAuthEvent};
use onramp_app::oauth::link::callback_urls;
use onramp_app::oauth::window::handle_redirect;
use onramp_application::host::{OAuthWindows, SignInWindows};
use onramp_core::secret::MemorySecretStore;
use onramp_core::{CheckStatus, ErrorKind, IpcError, SecretKey, SecretStore};
use serde_json::{json, Value};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::{Manager, Url};

use super::host::Host;
use super::practice::{paste_practice_values, practice_setup, run};

/// Stands in for the browser / second window: keeps the address it was asked to open.
#[derive(Default)]
struct Opened(Mutex<Vec<Url>>);

struct Windows(Arc<Opened>);

impl SignInWindows for Windows {
    fn open_browser(&self, _: &Url) -> Result<(), IpcError> {
        panic!("a practice setup never opens the system browser");
    }
    fn open_consent(&self, url: Url) -> Result<(), IpcError> {
        self.0 .0.lock().unwrap().push(url);
        Ok(())
    }
    fn close_consent(&self) {}
}

pub(super) struct OAuthHost {
    pub dir: tempfile::TempDir,
    pub host: Host,
    secrets: Arc<MemorySecretStore>,
    opened: Arc<Opened>,
}

impl OAuthHost {
    /// The address the app last opened in the consent window.
    pub(super) fn opened(&self) -> Url {
        self.opened
            .0
            .lock()
            .unwrap()
            .pop()
            .expect("the consent window was opened")
    }

    pub(super) fn stored(&self, id: &str, name: &str) -> Option<String> {
        self.secrets
            .get(&SecretKey::new(id, name))
            .unwrap()
            .map(|s| s.expose().clone())
    }
}

pub(super) fn oauth_host() -> OAuthHost {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(MemorySecretStore::default());
    let host = Host::new(dir.path(), secrets.clone());
    let opened = Arc::new(Opened::default());
    host.app.manage(Flows::default());
    host.app
        .manage(OAuthWindows(Box::new(Windows(opened.clone()))));
    OAuthHost {
        dir,
        host,
        secrets,
        opened,
    }
}

/// A practice `oauth-happy` setup using `method`, with the simulated Client ID
/// (and secret) entered as the user would.
pub(super) fn setup(h: &OAuthHost, method: &str) -> String {
    let s = practice_setup(&h.host, "netsuite", "oauth-happy");
    assert_eq!(s["profile_id"], "netsuite-readonly-reporting");
    let id = s["id"].as_str().unwrap().to_owned();
    h.host
        .invoke::<()>(
            "oauth_set_method",
            json!({ "setupId": id, "method": method }),
        )
        .unwrap();
    let values: Vec<Value> = h
        .host
        .invoke("practice_credentials", json!({ "setupId": id }))
        .unwrap();
    for v in values {
        match v["name"].as_str().unwrap() {
            "netsuite.oauth2_client_id" => h
                .host
                .invoke::<()>(
                    "oauth_set_field",
                    json!({ "setupId": id, "field": "client_id", "value": format!(" {}\n", v["value"].as_str().unwrap()) }),
                )
                .unwrap(),
            name => {
                assert_eq!(name, "netsuite.oauth2_client_secret");
                let key = json!({ "setup_id": id, "name": name });
                h.host.invoke::<()>("secret_set", json!({ "key": key, "value": v["value"] })).unwrap();
            }
        }
    }
    id
}

fn events() -> (Channel<OAuthEvent>, mpsc::Receiver<Value>) {
    let (tx, rx) = mpsc::channel();
    let channel = Channel::new(move |body: InvokeResponseBody| {
        let _ = tx.send(body.deserialize::<Value>().unwrap());
        Ok(())
    });
    (channel, rx)
}

/// Connects and returns the consent page address the app opened.
fn connect(h: &OAuthHost, id: &str) -> (Url, mpsc::Receiver<Value>) {
    let (chan, rx) = events();
    let s = &h.host.app;
    let launch = tauri::async_runtime::block_on(oauth_connect(
        s.state(),
        s.state(),
        s.state(),
        id.into(),
        chan,
    ))
    .unwrap();
    assert!(launch.practice_window);
    assert!(launch
        .authorize_url
        .starts_with("https://1234567.app.netsuite.com/app/login/oauth2/authorize.nl?"));
    let url = h
        .opened
        .0
        .lock()
        .unwrap()
        .pop()
        .expect("the consent window was opened");
    assert_eq!(
        url.host_str(),
        Some("127.0.0.1"),
        "practice pages come from the loopback simulator"
    );
    (url, rx)
}

/// What the user does on the simulated consent page: pick the integration
/// user and role, press Allow or Deny. Returns where NetSuite redirects.
fn consent(page: &Url, allow: bool) -> String {
    consent_as(page, allow, "13:1001")
}

/// The consent page answered as `principal` ("employee:role").
fn consent_as(page: &Url, allow: bool, principal: &str) -> String {
    let principal = principal.replace(':', "%3A");
    tauri::async_runtime::block_on(async {
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
        assert!(html.contains("SIMULATION"), "{html}");
        let mut form = page.clone();
        let query = page.query().unwrap_or_default().to_owned();
        form.set_query(None);
        let decision = if allow { "allow" } else { "deny" };
        let body = format!("{query}&principal={principal}&decision={decision}");
        let resp = http
            .post(form)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 302);
        resp.headers()["location"].to_str().unwrap().to_owned()
    })
}

pub(super) fn stored(h: &OAuthHost, id: &str, name: &str) -> Option<String> {
    h.secrets
        .get(&SecretKey::new(id, name))
        .unwrap()
        .map(|s| s.expose().clone())
}

/// The setup's field at `path` (a JSON pointer into `fields`), `null` when unset.
pub(super) fn field(h: &OAuthHost, id: &str, path: &str) -> Value {
    let s: Value = h.host.invoke("get_setup", json!({ "id": id })).unwrap();
    s["fields"].pointer(path).cloned().unwrap_or(Value::Null)
}

#[test]
fn code_flow_by_second_launch_stores_tokens_and_validates() {
    let h = oauth_host();
    let id = setup(&h, "oauth2-code");
    let (page, rx) = connect(&h, &id);
    let location = consent(&page, true);
    // The OS starts a second Onramp with the redirect; its arguments reach this one.
    let forwarded = callback_urls(&["/usr/bin/onramp".into(), location.clone()]);
    assert_eq!(forwarded, [location]);
    for url in forwarded {
        tauri::async_runtime::block_on(handle_redirect(h.host.app.handle(), url));
    }
    let event = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(event["type"], "connected", "{event}");
    let status = &event["status"];
    assert_eq!(
        (status["role"].as_str(), status["entity"].as_str()),
        (Some("1001"), Some("13"))
    );
    assert_eq!(status["connected"], true);
    assert_eq!(status["can_refresh"], true);
    let access =
        stored(&h, &id, "netsuite.oauth2_access_token").expect("access token in the keychain");
    assert!(stored(&h, &id, "netsuite.oauth2_refresh_token").is_some());
    let access_expiry = field(&h, &id, "/netsuite/token/access_expires_at");
    let refresh_expiry = field(&h, &id, "/netsuite/token/refresh_expires_at");
    let parse = |v: &Value| {
        time::OffsetDateTime::parse(
            v.as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap()
    };
    let now = time::OffsetDateTime::now_utc();
    assert!(
        (parse(&access_expiry) - now - time::Duration::hours(1)).abs() < time::Duration::minutes(2)
    );
    assert!(
        (parse(&refresh_expiry) - now - time::Duration::days(7)).abs() < time::Duration::minutes(2)
    );
    // The settings file holds the expiry, never the token.
    let file = std::fs::read_to_string(h.dir.path().join("onramp-state.json")).unwrap();
    assert!(file.contains(access_expiry.as_str().unwrap()) && !file.contains(&access));

    let (summary, results) = run(&h.host, &id);
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.status == CheckStatus::Fail)
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(results
        .iter()
        .any(|r| r.id == "netsuite.auth" && r.status == CheckStatus::Pass));
    assert!(summary.passed > 3);

    let refreshed: Value = h
        .host
        .invoke("oauth_refresh", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(refreshed["connected"], true);
    assert_ne!(
        stored(&h, &id, "netsuite.oauth2_access_token").unwrap(),
        access
    );

    let revoked: Value = h
        .host
        .invoke("oauth_revoke", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(
        (revoked["connected"].as_bool(), revoked["role"].as_str()),
        (Some(false), None)
    );
    assert!(stored(&h, &id, "netsuite.oauth2_refresh_token").is_none());
    let err = tauri::async_runtime::block_on(onramp_app::commands::run::start_run(
        h.host.app.state(),
        id.clone(),
        None,
        None,
        Channel::new(|_| Ok(())),
    ))
    .unwrap_err();
    assert!(
        err.diagnosis.unwrap().fix.contains("Connect"),
        "{}",
        err.message
    );
}

#[test]
fn pasted_redirects_are_checked_against_the_attempt() {
    let h = oauth_host();
    let id = setup(&h, "oauth2-code");
    let paste = |url: &str| {
        h.host
            .invoke::<Value>("oauth_paste_redirect", json!({ "setupId": id, "url": url }))
    };

    let err = paste("com.onramp.app://oauth/callback?state=x&code=y").unwrap_err();
    assert!(err.message.contains("Connect first"), "{}", err.message);

    // Deny: NetSuite redirects with error=access_denied and the attempt ends.
    let (page, _rx) = connect(&h, &id);
    let err = paste(&consent(&page, false)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Auth);
    assert!(err.message.contains("access_denied"), "{}", err.message);
    assert!(err.diagnosis.is_some());

    // A redirect from another attempt (other state) is refused; the real one still works.
    let (page, _rx) = connect(&h, &id);
    let location = consent(&page, true);
    let mut other = Url::parse(&location).unwrap();
    let pairs: Vec<(String, String)> = other
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == "state" {
                "z".repeat(30)
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    other.query_pairs_mut().clear().extend_pairs(pairs);
    let err = paste(other.as_str()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(
        err.message.contains("different sign-in attempt"),
        "{}",
        err.message
    );
    let status = paste(&format!("  {location}\n")).unwrap();
    assert_eq!(status["role"], "1001");
    assert_eq!(status["connected"], true);
}

#[test]
fn tba_identity_claims_no_role_the_integration_role_cannot_look_up() {
    let h = oauth_host();
    let id = practice_setup(&h.host, "netsuite", "happy")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    paste_practice_values(&h.host, &id);
    let who: Value = h
        .host
        .invoke("netsuite_identity", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(who["method"], "tba");
    // Looking a role up by name needs Manage Roles (NetSuite's Records
    // Catalog), which a least-privilege integration role does not hold.
    assert_eq!(who["role_name"], Value::Null);
    assert_eq!(who["role_id"], Value::Null);
    // A TBA token names no user, so nothing is claimed about either match.
    assert_eq!(who["entity_id"], Value::Null);
    assert_eq!(who["role_matches"], Value::Null);
    assert_eq!(who["user_matches"], Value::Null);
}

#[test]
fn oauth_scenarios_offer_the_values_of_the_chosen_oauth_method_only() {
    let h = oauth_host();
    let id = practice_setup(&h.host, "netsuite", "oauth-happy")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let names = |method: &str| -> Vec<String> {
        h.host
            .invoke::<()>(
                "oauth_set_method",
                json!({ "setupId": id, "method": method }),
            )
            .unwrap();
        let values: Vec<Value> = h
            .host
            .invoke("practice_credentials", json!({ "setupId": id }))
            .unwrap();
        values
            .iter()
            .map(|v| v["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(names("tba").is_empty(), "the scenario rehearses OAuth 2.0");
    assert_eq!(
        names("oauth2-code"),
        ["netsuite.oauth2_client_id", "netsuite.oauth2_client_secret"]
    );
    assert_eq!(names("oauth2-m2m"), ["netsuite.oauth2_client_id"]);
    let specs: Vec<Value> = h
        .host
        .invoke(
            "secret_specs",
            json!({ "erp": "netsuite", "authMethod": "oauth2-code" }),
        )
        .unwrap();
    assert_eq!(specs.len(), 1);
    assert_eq!(specs[0]["name"], "netsuite.oauth2_client_secret");
}

#[test]
fn connecting_as_the_wrong_user_is_named_at_connect_and_by_the_suite() {
    let h = oauth_host();
    let id = setup(&h, "oauth2-code");
    let (page, rx) = connect(&h, &id);
    // The administrator was signed in to NetSuite and pressed Allow.
    let location = consent_as(&page, true, "7:3");
    tauri::async_runtime::block_on(handle_redirect(h.host.app.handle(), location));
    let event = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(event["type"], "connected", "{event}");
    let status = &event["status"];
    assert_eq!(status["user_name"], "Dana Admin", "{status}");
    assert_eq!(status["user_email"], "admin@wolfe.example");
    assert_eq!(status["role_name"], "Administrator");
    assert_eq!(status["user_matches"], false);
    assert_eq!(status["role_matches"], false);

    let (_, results) = run(&h.host, &id);
    let owner = results
        .iter()
        .find(|r| r.id == "netsuite.token_owner")
        .expect("the suite checks who the token acts as");
    assert_eq!(owner.status, CheckStatus::Fail, "{owner:?}");
    let d = owner.diagnosis.as_ref().unwrap();
    assert!(
        d.cause
            .contains("signed in to NetSuite as Dana Admin (admin@wolfe.example)"),
        "{}",
        d.cause
    );
    assert!(
        d.fix
            .contains("sign in as integration@wolfe.example with role Onramp Integration"),
        "{}",
        d.fix
    );
    // The administrator's role says nothing about the integration role's permissions.
    let permissions = results
        .iter()
        .find(|r| r.id == "netsuite.permissions")
        .unwrap();
    assert_eq!(permissions.status, CheckStatus::Skip, "{permissions:?}");

    // Revoking forgets the names with the tokens.
    let revoked: Value = h
        .host
        .invoke("oauth_revoke", json!({ "setupId": id }))
        .unwrap();
    assert_eq!(revoked["user_name"], Value::Null);
}
