//! `https://rest.netsuite.com/rest/datacenterurls?account=<id>`: unauthenticated
//! discovery of an account's domains.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use serde_json::{json, Map, Value};

use crate::netsuite::{
    ctx::RequestCtx,
    hosts::{domains, Service},
    state::{host_label, NsState},
};

pub async fn datacenter_urls(State(state): State<NsState>, ctx: RequestCtx) -> Response {
    if let Err(r) = ctx.require(Service::Discovery) {
        return r;
    }
    let wanted = ctx
        .query_pairs()
        .into_iter()
        .find(|(k, _)| k == "account")
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    // Host names are case-insensitive, so discovery matches the account the same way.
    let found = state
        .accounts()
        .values()
        .find(|a| a.host_label() == host_label(&wanted))
        .map(|a| a.id.clone());
    match found {
        Some(id) => {
            let body: Map<String, Value> = domains(&id)
                .into_iter()
                .map(|(k, v)| (k.to_string(), Value::String(v)))
                .collect();
            Json(Value::Object(body)).into_response()
        }
        // The real answer for an unknown account is undocumented [I].
        None => (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": {"code": "INVALID_ACCOUNT", "message": format!("Account {wanted:?} was not found.")}})),
        )
            .into_response(),
    }
}
