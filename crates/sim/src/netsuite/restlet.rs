//! RESTlets: `GET /app/site/hosting/restlet.nl?script=<id>&deploy=<id>` on the
//! account's restlets domain, TBA- or OAuth 2.0-signed like REST calls (the
//! query parameters are part of the TBA signature). RESTlets are SuiteScript,
//! not web services: the REST Web Services feature and permission play no part.

use axum::{
    extract::State,
    http::{header::CONTENT_TYPE, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{auth, ctx::RequestCtx, errors, hosts::Service, state::NsState};

/// One script deployment of a RESTlet.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    /// Script ID or internal id as the URL carries it (`customscript_x` or `42`).
    pub script: String,
    /// Deployment ID or internal id (`customdeploy_x` or `1`).
    pub deploy: String,
    #[serde(default)]
    pub status: DeploymentStatus,
    /// Role internal ids on the Audience subtab.
    #[serde(default)]
    pub audience_roles: Vec<u64>,
    /// What the script's GET entry point returns.
    #[serde(default = "ok_answer")]
    pub answer: Value,
}

fn ok_answer() -> Value {
    json!({"ok": true})
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum DeploymentStatus {
    #[default]
    Released,
    /// Runs only for the script owner; the simulator refuses everyone.
    Testing,
}

/// `[netsuite.behaviour.restlet]`: what public sources do not pin down.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RestletAnswers {
    /// HTTP status of the SSS_INVALID_SCRIPTLET_ID answer. No public client we
    /// found records it alongside the body; default 400.
    pub invalid_scriptlet_status: u16,
    /// HTTP status when a Web Services Only role calls a RESTlet. Oracle names
    /// only the code (help chapter_1529417663, "RESTlet Authentication": "RESTlet
    /// calls receive an INVALID_LOGIN_CREDENTIALS error response"); default 401.
    pub web_services_only_status: u16,
    /// Message of that answer: undocumented, so a setting. The default is a
    /// placeholder labelled as such, not NetSuite's wording.
    pub web_services_only_message: String,
}

impl Default for RestletAnswers {
    fn default() -> Self {
        Self {
            invalid_scriptlet_status: 400,
            web_services_only_status: 401,
            web_services_only_message:
                "(simulator default: NetSuite's wording is undocumented) Invalid login credentials."
                    .into(),
        }
    }
}

/// The SuiteScript error code a refused RESTlet call carries.
pub const INVALID_SCRIPTLET_ID: &str = "SSS_INVALID_SCRIPTLET_ID";
/// Recorded by public clients (a NetSuite M2M client's README, "Live-data
/// retrieval" incident; SuiteApp deployment checklists):
/// `{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That Suitelet is
/// invalid, disabled, or no longer exists."}}`
const INVALID_SCRIPTLET_MESSAGE: &str = "That Suitelet is invalid, disabled, or no longer exists.";

fn error_answer(status: u16, code: &str, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    let body = json!({"error": {"code": code, "message": message}});
    json_answer(status, &body)
}

fn json_answer(status: StatusCode, body: &Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}

pub async fn call(State(state): State<NsState>, ctx: RequestCtx, headers: HeaderMap) -> Response {
    if let Err(r) = ctx.require(Service::Restlets) {
        return r;
    }
    let principal = match auth::authenticate(&state, &ctx, &headers, None) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let answers = &state.behaviour.restlet;
    let accounts = state.accounts();
    let Some(account) = accounts.get(&principal.account) else {
        return errors::invalid_login();
    };
    let Some(role) = account.roles.get(&principal.role_id) else {
        return errors::invalid_login();
    };
    if role.web_services_only {
        // Same `{"error":{code,message}}` envelope as the recorded RESTlet error above.
        return error_answer(
            answers.web_services_only_status,
            "INVALID_LOGIN_CREDENTIALS",
            &answers.web_services_only_message,
        );
    }
    let pairs = ctx.query_pairs();
    let param = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let (script, deploy) = (param("script"), param("deploy"));
    let runs = account.restlets.iter().find(|d| {
        Some(d.script.as_str()) == script
            && Some(d.deploy.as_str()) == deploy
            && d.status == DeploymentStatus::Released
            && d.audience_roles.contains(&principal.role_id)
    });
    match runs {
        Some(d) => json_answer(StatusCode::OK, &d.answer),
        None => error_answer(
            answers.invalid_scriptlet_status,
            INVALID_SCRIPTLET_ID,
            INVALID_SCRIPTLET_MESSAGE,
        ),
    }
}
