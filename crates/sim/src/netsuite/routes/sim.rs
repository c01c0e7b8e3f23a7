//! Simulator-only endpoints (`/__sim/netsuite/...`): what Practice mode shows and
//! what support uses to stage a reproduction. Never any secret.

use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use serde_json::json;

use crate::netsuite::{concurrency::in_flight, rfc3339_millis, state::NsState};

pub fn router() -> Router<NsState> {
    Router::new()
        .route("/__sim/netsuite/login-audit-trail", get(audit_trail))
        .route("/__sim/netsuite/state", get(summary))
        .route("/__sim/netsuite/sandbox-refresh", post(sandbox_refresh))
        .route("/__sim/netsuite/tokens/revoke", post(revoke_token))
}

async fn audit_trail(State(state): State<NsState>) -> Response {
    Json(json!({ "rows": state.audit.rows() })).into_response()
}

/// Accounts, features, roles, employees and token names; never secrets.
async fn summary(State(state): State<NsState>) -> Response {
    let accounts = state.accounts();
    let list: Vec<_> = accounts
        .values()
        .map(|a| {
            json!({
                "id": a.id,
                "company_name": a.company_name,
                "kind": a.kind,
                "host_label": a.host_label(),
                "features": a.features,
                "roles": a.roles.values().collect::<Vec<_>>(),
                "employees": a.employees.values().collect::<Vec<_>>(),
                "integrations": a.integrations.iter().map(|i| json!({
                    "id": i.id, "name": i.name, "state": i.state, "tba": i.tba,
                })).collect::<Vec<_>>(),
                "tokens": a.tokens.values().map(|t| json!({
                    "name": t.name, "employee": t.employee, "role": t.role,
                    "integration": t.integration, "revoked": t.revoked,
                })).collect::<Vec<_>>(),
                "record_types": a.records.keys().collect::<Vec<_>>(),
                "in_flight": in_flight(&state, &a.id),
            })
        })
        .collect();
    Json(json!({
        "now": rfc3339_millis(state.clock.now()),
        "clock_offset_secs": state.clock.offset_secs(),
        "concurrency_limit": state.concurrency_limit,
        "accounts": list,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct RefreshQuery {
    account: String,
}

async fn sandbox_refresh(State(state): State<NsState>, Query(q): Query<RefreshQuery>) -> Response {
    match state.refresh_sandbox(&q.account) {
        Ok(()) => Json(json!({"refreshed": q.account})).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, Json(json!({"simulator": e}))).into_response(),
    }
}

#[derive(Deserialize)]
struct RevokeQuery {
    account: String,
    /// The token's name, as Setup > Users/Roles > Access Tokens lists it.
    name: String,
}

/// The administrator's Revoke on the Access Tokens page: the token is refused
/// from the next request on (`token_rejected` in the Login Audit Trail).
async fn revoke_token(State(state): State<NsState>, Query(q): Query<RevokeQuery>) -> Response {
    match state.revoke_token(&q.account, &q.name) {
        Ok(n) => Json(json!({"revoked": n})).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, Json(json!({"simulator": e}))).into_response(),
    }
}
