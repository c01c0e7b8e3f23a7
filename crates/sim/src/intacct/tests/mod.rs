//! Loopback HTTP tests of the simulated Intacct service. Request bodies are
//! literal XML in the documented envelope and are checked against Sage's
//! api.xsd with xmllint before they are sent.

mod faults;
mod gateway;
mod query;
mod rest;
mod scenarios;
mod update;
mod users;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use super::{router, IntacctScenario};
use crate::options::SimOptions;

pub const SENDER_PW: &str = "Practice-Sender-2026!";
pub const USER: &str = "xml_onramp";
pub const USER_PW: &str = "Practice-User-2026!";
pub const COMPANY: &str = "onramp-practice";

/// The built-in happy scenario's `[intacct]` section.
pub fn happy() -> IntacctScenario {
    let text = include_str!("../../../scenarios/intacct/happy.toml");
    let value: toml::Value = toml::from_str(text).expect("happy.toml parses");
    value["intacct"]
        .clone()
        .try_into()
        .expect("[intacct] is valid")
}

pub struct Sim {
    pub base: String,
    pub http: reqwest::Client,
}

pub async fn start(scenario: IntacctScenario) -> Sim {
    let app = router(&scenario, &SimOptions::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Sim {
        base: format!("http://{addr}"),
        http,
    }
}

pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

impl Sim {
    /// Posts a schema-valid request to the gateway on `host`.
    pub async fn xml(&self, host: &str, body: &str) -> Reply {
        assert_schema_valid(body);
        self.raw(host, body, "application/xml").await
    }

    /// Posts any body, valid or not.
    pub async fn raw(&self, host: &str, body: &str, content_type: &str) -> Reply {
        let r = self
            .http
            .post(format!("{}/{host}/ia/xml/xmlgw.phtml", self.base))
            .header("Content-Type", content_type)
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let content_type = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        Reply {
            status,
            content_type,
            body: r.text().await.unwrap(),
        }
    }

    pub async fn sim_get(&self, path: &str) -> serde_json::Value {
        let url = format!("{}{path}", self.base);
        self.http
            .get(url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

/// The documented envelope with a login.
pub fn login_request(sender_pw: &str, login: &str, functions: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<request>
 <control>
  <senderid>onramp_practice</senderid><password>{sender_pw}</password>
  <controlid>unittest</controlid><uniqueid>false</uniqueid>
  <dtdversion>3.0</dtdversion>
  <includewhitespace>false</includewhitespace>
 </control>
 <operation transaction="false">
  <authentication>
   {login}
  </authentication>
  <content>{functions}</content>
 </operation>
</request>"#
    )
}

/// A login as the practice user, in entity `US`.
pub fn practice_login() -> String {
    format!(
        "<login><userid>{USER}</userid><companyid>{COMPANY}</companyid><password>{USER_PW}</password><locationid>US</locationid></login>"
    )
}

pub fn as_practice_user(functions: &str) -> String {
    login_request(SENDER_PW, &practice_login(), functions)
}

pub fn session_request(session: &str, functions: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<request>
 <control>
  <senderid>onramp_practice</senderid><password>{SENDER_PW}</password>
  <controlid>session-call</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion>
 </control>
 <operation>
  <authentication><sessionid>{session}</sessionid></authentication>
  <content>{functions}</content>
 </operation>
</request>"#
    )
}

/// Text of the first `<name>` element in `xml`.
pub fn text_of<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{name}>"))? + start;
    Some(&xml[start..end])
}

fn xsd() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../reference/intacct/api.xsd")
}

/// Validates a request body against Sage's api.xsd (dtdversion 3.0).
pub fn assert_schema_valid(body: &str) {
    let child = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            // The HTTP assertions still run; only the schema cross-check is lost.
            eprintln!(
                "xmllint unavailable ({e}); install libxml2-utils to validate request bodies"
            );
            return;
        }
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "request is not valid against api.xsd:\n{}\n{body}",
        String::from_utf8_lossy(&out.stderr)
    );
}
