//! `POST /record/v1/{type}` and `PATCH /record/v1/{type}/{id}`: the simulator
//! writes employee records only (see `netsuite::employees` for the shapes).

use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{header::LOCATION, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde_json::{json, Value};

use crate::netsuite::{
    ctx::RequestCtx,
    employees::{self, Refusal},
    errors,
    gate::rest_caller,
    hosts::Service,
    state::NsState,
};

pub async fn create(
    State(state): State<NsState>,
    Path((_host, record_type)): Path<(String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body = match writable(&state, &ctx, &record_type, &body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let (principal, role) = match rest_caller(&state, &ctx, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut accounts = state.accounts();
    let outcome = match accounts.get_mut(&principal.account) {
        Some(a) => employees::create(a, &role, &body, &state.behaviour).inspect(|id| {
            a.kept.employees.insert(*id);
        }),
        None => return errors::invalid_login(),
    };
    state.keep(&accounts);
    drop(accounts);
    match outcome {
        Ok(id) => {
            let mut resp = StatusCode::NO_CONTENT.into_response();
            let location = format!("{}/{id}", ctx.base_url());
            if let Ok(v) = HeaderValue::from_str(&location) {
                resp.headers_mut().insert(LOCATION, v);
            }
            resp
        }
        Err(r) => refusal(r),
    }
}

pub async fn update(
    State(state): State<NsState>,
    Path((_host, record_type, id)): Path<(String, String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let body = match writable(&state, &ctx, &record_type, &body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let (principal, role) = match rest_caller(&state, &ctx, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut accounts = state.accounts();
    let outcome = match accounts.get_mut(&principal.account) {
        Some(a) => employees::patch(a, &role, &id, &body).inspect(|()| {
            if let Ok(id) = id.parse() {
                a.kept.employees.insert(id);
            }
        }),
        None => return errors::invalid_login(),
    };
    state.keep(&accounts);
    drop(accounts);
    match outcome {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(r) => refusal(r),
    }
}

/// A JSON object for the employee record type, on the REST host.
fn writable(
    _state: &NsState,
    ctx: &RequestCtx,
    record_type: &str,
    body: &[u8],
) -> Result<Value, Response> {
    ctx.require(Service::SuiteTalk)?;
    if !record_type.eq_ignore_ascii_case("employee") {
        return Err((
            StatusCode::METHOD_NOT_ALLOWED,
            Json(json!({"simulator": format!("Practice mode writes employee records only, not {record_type}")})),
        )
            .into_response());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        _ => Err(errors::invalid_content(
            "",
            "The request body must be a JSON object.",
        )),
    }
}

fn refusal(r: Refusal) -> Response {
    match r {
        Refusal::Permission(d) => errors::insufficient_permission(&d),
        Refusal::User(d) => errors::user_error(&d),
        Refusal::Content(path, d) => errors::invalid_content(path, &d),
        Refusal::Missing => errors::nonexistent_id(),
    }
}
