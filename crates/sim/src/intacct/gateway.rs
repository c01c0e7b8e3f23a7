//! `POST /{host}/ia/xml/xmlgw.phtml`: the XML gateway's three layers.
//! Control (sender) → authentication (per operation) → results (per function).

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::auth::{authenticate, AuthOutcome};
use super::faults::{fault_for, http_fault, rate_limited, xml};
use super::parse::{parse_request, Control, Request};
use super::respond::{self, Status};
use super::scenario::FaultKind;
use super::state::{lock, IntacctState};
use super::texts::ErrorText;
use super::{functions, known_host};

pub async fn handle(
    State(state): State<Arc<IntacctState>>,
    Path(host): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !known_host(&state.scenario, &host) {
        state.record("xml", "http", format!("no Intacct endpoint on host {host}"));
        return (StatusCode::NOT_FOUND, format!("unknown host {host}")).into_response();
    }
    state.delay().await;
    let n = state.gateway_requests.fetch_add(1, Ordering::Relaxed) + 1;
    let fault = fault_for(&state, n);
    if let Some((kind, response)) = fault.and_then(|k| Some((k, http_fault(k)?))) {
        let detail = format!("injected fault {kind:?} on request {n}");
        state.record("xml", "http", detail);
        return response;
    }
    if let Some(response) = rate_limited(&state) {
        state.record("xml", "http", "rate limit reached (HTTP 429 GW-0010)");
        return response;
    }
    let (response, outcome, detail) = answer(
        &state,
        &headers,
        &body,
        fault == Some(FaultKind::ServiceOffline),
    );
    state.record("xml", outcome, detail);
    response
}

type Answer = (Response, &'static str, String);

fn answer(state: &IntacctState, headers: &HeaderMap, body: &[u8], offline: bool) -> Answer {
    let sc = &state.scenario;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if sc.require_xml_content_type && !content_type.to_ascii_lowercase().contains("xml") {
        let body = respond::bare_failure(std::slice::from_ref(&sc.texts.not_xml));
        let detail = format!("Content-Type '{content_type}' is not XML");
        return (xml(StatusCode::OK, body), "control", detail);
    }
    let request = match std::str::from_utf8(body)
        .map_err(|e| format!("the body is not UTF-8: {e}"))
        .and_then(parse_request)
    {
        Ok(r) => r,
        Err(detail) => {
            let e = ErrorText::new(
                "XL03000003",
                "",
                &format!("XML Parse schema error: {detail}"),
                "",
            );
            let body = respond::bare_failure(&[e]);
            return (
                xml(StatusCode::OK, body),
                "control",
                format!("malformed request: {detail}"),
            );
        }
    };
    let c = &request.control;
    let sender_ok = sc
        .senders
        .iter()
        .any(|s| s.id == c.senderid && s.password == c.password);
    if !sender_ok {
        let known = sc.senders.iter().any(|s| s.id == c.senderid);
        let e = ErrorText::new(
            "XL03000006",
            "",
            "Incorrect Intacct XML Partner ID or password.",
            "",
        );
        let detail = if known {
            format!("wrong password for sender '{}'", c.senderid)
        } else {
            format!(
                "sender '{}' does not exist (IDs are case-sensitive)",
                c.senderid
            )
        };
        return (
            xml(StatusCode::OK, respond::control_failure(c, &[e])),
            "control",
            detail,
        );
    }
    if sc.company.demo_expired {
        let e = ErrorText::new(
            "PL04000055",
            "",
            "This company is a demo company and has expired.",
            "",
        );
        return (
            xml(StatusCode::OK, respond::demo_expired(&e)),
            "control",
            "the demo company has expired".into(),
        );
    }
    operations(state, &request, offline)
}

fn operations(state: &IntacctState, request: &Request, offline: bool) -> Answer {
    let mut blocks = Vec::new();
    let mut refusals = Vec::new();
    let mut layer = "ok";
    for op in &request.operations {
        match authenticate(state, &request.control, &op.auth) {
            AuthOutcome::Http { response, reason } => return (response, "authentication", reason),
            AuthOutcome::Failed {
                block,
                error,
                reason,
            } => {
                blocks.push(respond::operation_block(&block, &[], Some(&error)));
                refusals.push(reason);
                layer = "authentication";
            }
            AuthOutcome::Ok(caller) => {
                // One <result> per <function>, each with its control id, as Sage
                // documents (developer.intacct.com/web-services/responses/): "If the
                // control and authentication blocks succeed, then results are
                // available. Individual function calls can succeed or fail
                // independently (unless the operation element in the request had
                // the transaction attribute set to true)." The schema allows any
                // number of functions per request (reference/intacct/api.xsd:
                // `content` is a sequence, maxOccurs="unbounded", of `function`).
                let mut results = Vec::new();
                // What a rolled-back transaction restores.
                let users_before = op.transaction.then(|| lock(&state.updated_users).clone());
                for f in &op.functions {
                    let name = f.body.name.as_str();
                    let (result, reason) = if offline {
                        let e = state.scenario.texts.service_offline.clone();
                        (
                            respond::FunctionResult::fail(name, &f.controlid, e),
                            Some("service off-line (injected)".into()),
                        )
                    } else if repeated(state, &request.control, &f.controlid) {
                        let e = state
                            .scenario
                            .texts
                            .duplicate_controlid
                            .fill(&[("controlid", &f.controlid)]);
                        (
                            respond::FunctionResult::fail(name, &f.controlid, e),
                            Some(format!(
                                "control ID '{}' repeated with uniqueid=true",
                                f.controlid
                            )),
                        )
                    } else {
                        functions::run(state, &caller, f)
                    };
                    if let Some(r) = reason {
                        refusals.push(format!("{}: {r}", f.body.name));
                        if layer == "ok" {
                            layer = "result";
                        }
                    }
                    results.push(result);
                }
                if op.transaction && results.iter().any(|r| r.status != Status::Success) {
                    abort(&mut results);
                    if let Some(before) = users_before {
                        *lock(&state.updated_users) = before;
                    }
                }
                state.keep();
                blocks.push(respond::operation_block(&caller.block, &results, None));
            }
        }
    }
    let detail = if refusals.is_empty() {
        "accepted".to_string()
    } else {
        refusals.join("; ")
    };
    let body = respond::response(&request.control, &blocks);
    (xml(StatusCode::OK, body), layer, detail)
}

/// `uniqueid` defaults to true: then a function control ID may be used only once.
fn repeated(state: &IntacctState, control: &Control, controlid: &str) -> bool {
    let unique = control
        .uniqueid
        .as_deref()
        .is_none_or(|u| u.eq_ignore_ascii_case("true"));
    if !unique {
        return false;
    }
    let key = (control.senderid.clone(), controlid.to_string());
    !lock(&state.used_controlids).insert(key)
}

/// A failed transaction rolls everything back: every result is aborted and
/// carries XL03000009 after its own errors.
fn abort(results: &mut [respond::FunctionResult]) {
    for r in results {
        r.status = Status::Aborted;
        r.data = None;
        r.errors.push(respond::rolled_back());
    }
}
