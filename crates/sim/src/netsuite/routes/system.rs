//! `/services/rest/system/v1/...`: server time and governance limits.

use axum::{extract::State, http::HeaderMap, response::Response};
use serde_json::json;

use super::{json_ok, Singular};
use crate::netsuite::{
    ctx::RequestCtx, errors, gate::rest_caller, hosts::Service, rfc3339_millis, state::NsState,
};

/// "No explicit permissions": the first proof that authentication works.
pub async fn server_time(
    State(state): State<NsState>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.require(Service::SuiteTalk) {
        return r;
    }
    match rest_caller(&state, &ctx, &headers) {
        Ok(_) => json_ok(
            Singular,
            json!({ "serverTime": rfc3339_millis(state.clock.now()) }),
        ),
        Err(r) => r,
    }
}

/// Administrator only.
pub async fn governance_limits(
    State(state): State<NsState>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.require(Service::SuiteTalk) {
        return r;
    }
    match rest_caller(&state, &ctx, &headers) {
        Ok((_, role)) if role.is_administrator() => json_ok(
            Singular,
            json!({ "accountConcurrencyLimit": state.concurrency_limit }),
        ),
        Ok(_) => errors::insufficient_permission(errors::NO_PERMISSION_DETAIL),
        Err(r) => r,
    }
}
