//! Bearer-protected REST object probes (`GET /ia/api/v1/objects/...`): they
//! honour the same role permissions as the XML gateway (403 when missing).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::auth::entity_access;
use super::rest::unknown_host;
use super::scenario::UserStatus;
use super::state::{lock, IntacctState};

fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({
        "ia::result": { "ia::error": { "code": code, "message": message } },
        "ia::meta": { "totalCount": 1, "totalSuccess": 0, "totalError": 1 }
    });
    (status, Json(body)).into_response()
}

pub async fn objects(
    State(state): State<Arc<IntacctState>>,
    Path((host, path)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    state.delay().await;
    if let Some(r) = unknown_host(&state, &host) {
        return r;
    }
    let sc = &state.scenario;
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let token = lock(&state.tokens).get(bearer).cloned();
    let Some(token) = token.filter(|t| t.expires > state.now()) else {
        state.record(
            "objects",
            "http",
            "missing, unknown or expired bearer token",
        );
        return api_error(
            StatusCode::UNAUTHORIZED,
            "invalidToken",
            "The access token is missing, invalid or expired.",
        );
    };
    let Some(user) = state
        .user(&token.user)
        .filter(|u| u.status == UserStatus::Active)
    else {
        return api_error(
            StatusCode::UNAUTHORIZED,
            "invalidToken",
            "The token's user is no longer active.",
        );
    };
    let entity = headers
        .get("X-IA-API-Param-Entity")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .unwrap_or(token.entity);
    if let Err(reason) = entity_access(&state, &user, &entity) {
        state.record("objects", "http", reason.clone());
        return api_error(StatusCode::FORBIDDEN, "permissionDenied", &reason);
    }
    let path = path.trim_matches('/');
    let Some(object) = sc.rest.objects.get(path) else {
        state.record("objects", "http", format!("no REST object {path}"));
        return api_error(
            StatusCode::NOT_FOUND,
            "notFound",
            &format!("Object {path} was not found."),
        );
    };
    if !sc.may_list(&user, object) {
        state.record(
            "objects",
            "http",
            format!("user '{}' has no List right on {object}", user.login_id),
        );
        return api_error(
            StatusCode::FORBIDDEN,
            "permissionDenied",
            &format!("You do not have permission to list {path}."),
        );
    }
    let rows = state.rows_of(object).unwrap_or_default();
    let result: Vec<_> = rows
        .iter()
        .map(|r| {
            let key = r.get("RECORDNO").cloned().unwrap_or_default();
            json!({ "key": key, "id": key, "href": format!("/objects/{path}/{key}") })
        })
        .collect();
    state.record("objects", "ok", format!("listed {path}"));
    let meta = json!({ "totalCount": result.len(), "start": 1, "pageSize": 100, "next": null, "previous": null });
    Json(json!({ "ia::result": result, "ia::meta": meta })).into_response()
}
