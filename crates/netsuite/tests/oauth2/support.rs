//! Harness: the simulator on 127.0.0.1:0, clients pointed at it through the
//! endpoint override, and a minimal "browser" that submits the consent form.

use std::time::Duration;

use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::Secret;
use onramp_netsuite::oauth2::{ClientKind, CodeClient, CodeClientConfig, RedirectUri, Scope};
use onramp_netsuite::{Account, ClientOptions, Credentials, NetSuiteClient};
use onramp_sim::{Scenario, SimHandle, SimOptions, Simulator};
use serde_json::Value;

pub struct Sim {
    pub handle: SimHandle,
    pub scenario: Scenario,
}

impl Sim {
    pub async fn start(name: &str) -> Self {
        Self::start_with(name, SimOptions::default()).await
    }

    pub async fn start_with(name: &str, options: SimOptions) -> Self {
        let scenario = Scenario::builtin(name).unwrap();
        let handle = Simulator::start(scenario.clone(), options).await.unwrap();
        Self { handle, scenario }
    }

    pub fn base(&self) -> String {
        self.handle.base_url()
    }

    pub fn endpoints(&self) -> Endpoints {
        Endpoints {
            override_base: Some(EndpointOverride::new(&self.base()).unwrap()),
        }
    }

    pub fn oauth(&self) -> &onramp_sim::netsuite::oauth2::OAuth2ClientConfig {
        &self.scenario.netsuite.as_ref().unwrap().oauth2.client
    }

    /// The confidential client the scenario describes.
    pub fn code_client(&self) -> CodeClient {
        let c = self.oauth();
        CodeClient::new(CodeClientConfig {
            account: Account::parse("1234567").unwrap(),
            client_id: c.client_id.clone().unwrap(),
            client_secret: c.client_secret.clone().map(Secret::new),
            redirect_uri: RedirectUri::parse(c.redirect_uri.as_deref().unwrap()).unwrap(),
            scopes: vec![Scope::RestWebServices, Scope::Restlets],
            kind: ClientKind::Confidential,
            endpoints: self.endpoints(),
            timeout: Duration::from_secs(10),
        })
        .unwrap()
    }

    /// The scenario's public client (no secret, rotating refresh tokens).
    pub fn public_client(&self) -> CodeClient {
        let c = self.oauth();
        CodeClient::new(CodeClientConfig {
            account: Account::parse("1234567").unwrap(),
            client_id: c.public_client_id.clone().unwrap(),
            client_secret: None,
            redirect_uri: RedirectUri::parse(c.redirect_uri.as_deref().unwrap()).unwrap(),
            scopes: vec![Scope::RestWebServices],
            kind: ClientKind::public_default(),
            endpoints: self.endpoints(),
            timeout: Duration::from_secs(10),
        })
        .unwrap()
    }

    /// The engine's REST client with a bearer token.
    pub fn rest(&self, token: &Secret<String>) -> NetSuiteClient {
        let options = ClientOptions {
            endpoints: self.endpoints(),
            max_retries: 0,
            ..ClientOptions::default()
        };
        NetSuiteClient::new(
            Account::parse("1234567").unwrap(),
            Credentials::Bearer(token.clone()),
            options,
        )
        .unwrap()
    }

    /// Login Audit Trail Detail values, newest first.
    pub async fn audit_details(&self) -> Vec<String> {
        let v: Value = reqwest::get(format!("{}/__sim/netsuite/login-audit-trail", self.base()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["detail"].as_str().unwrap().to_string())
            .collect()
    }

    pub async fn latest_failure(&self) -> String {
        self.audit_details()
            .await
            .into_iter()
            .find(|d| !d.is_empty())
            .expect("a failure was recorded")
    }
}

/// What a browser ends up with after the authorize URL.
pub enum BrowserOutcome {
    /// NetSuite redirected (to the app's redirect URI) with this Location.
    Redirected(String),
    /// NetSuite showed a page and did not redirect.
    Page { status: u16, html: String },
}

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Opens the authorize URL; on the consent page picks `principal` and clicks Allow or Deny.
pub async fn browse(url: &url::Url, principal: &str, allow: bool) -> BrowserOutcome {
    let http = no_redirects();
    let resp = http.get(url.clone()).send().await.unwrap();
    if let Some(loc) = resp.headers().get("location") {
        return BrowserOutcome::Redirected(loc.to_str().unwrap().to_string());
    }
    let status = resp.status().as_u16();
    let page_url = resp.url().clone();
    let html = resp.text().await.unwrap();
    if status != 200 || !html.contains("<form") {
        return BrowserOutcome::Page { status, html };
    }
    assert!(
        html.contains("SIMULATION"),
        "the consent page says it is simulated"
    );
    assert!(
        html.contains(&format!("value=\"{principal}\"")),
        "the role picker offers {principal}"
    );
    let action = unescape(&attr(&html, "<form", "action").unwrap());
    let mut fields: Vec<(String, String)> = Vec::new();
    for input in html.split("<input").skip(1) {
        let tag = format!("<input{}>", input.split('>').next().unwrap());
        fields.push((
            unescape(&attr(&tag, "<input", "name").unwrap()),
            unescape(&attr(&tag, "<input", "value").unwrap_or_default()),
        ));
    }
    fields.push(("principal".into(), principal.into()));
    fields.push((
        "decision".into(),
        if allow { "allow" } else { "deny" }.into(),
    ));
    let resp = http
        .post(page_url.join(&action).unwrap())
        .form(&fields)
        .send()
        .await
        .unwrap();
    match resp.headers().get("location") {
        Some(loc) => BrowserOutcome::Redirected(loc.to_str().unwrap().to_string()),
        None => BrowserOutcome::Page {
            status: resp.status().as_u16(),
            html: resp.text().await.unwrap(),
        },
    }
}

fn attr(html: &str, tag: &str, name: &str) -> Option<String> {
    let start = html.find(tag)?;
    let tag_text = &html[start..start + html[start..].find('>')?];
    let key = format!("{name}=\"");
    let at = tag_text.find(&key)? + key.len();
    Some(tag_text[at..at + tag_text[at..].find('"')?].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Signs in through the consent page as `principal` ("employee:role") and
/// exchanges the code: the access token.
pub async fn token_for(sim: &Sim, principal: &str) -> Secret<String> {
    token_from(&sim.code_client(), principal).await
}

/// An access token from `client`'s consent as `principal`.
pub async fn token_from(client: &CodeClient, principal: &str) -> Secret<String> {
    let req = client.authorization_request().unwrap();
    let BrowserOutcome::Redirected(loc) = browse(&req.browser_url, principal, true).await else {
        panic!("consent did not redirect for {principal}");
    };
    let answer = client.parse_redirect(&loc, &req.state).unwrap();
    client
        .exchange_code(
            &answer,
            req.pkce.verifier(),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap()
        .access_token
}
