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

/// Administrator only. The shapes are Oracle's three samples (help
/// article_0625010817), e.g. for an integration with its own limit:
/// { "accountConcurrencyLimit": 5, "accountUnallocatedConcurrencyLimit": 3,
///   "integrationConcurrencyLimit": 2, "integrationLimitType": "integrationSpecific" }
/// and without one (no `integrationConcurrencyLimit`):
/// { "accountConcurrencyLimit": 5, "accountUnallocatedConcurrencyLimit": 3,
///   "integrationLimitType": "accountLimit" }
pub async fn governance_limits(
    State(state): State<NsState>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = ctx.require(Service::SuiteTalk) {
        return r;
    }
    let (principal, role) = match rest_caller(&state, &ctx, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    if !role.is_administrator() {
        return errors::insufficient_permission(errors::NO_PERMISSION_DETAIL);
    }
    let accounts = state.accounts();
    let Some(account) = accounts.get(&principal.account) else {
        return errors::invalid_login();
    };
    let account_limit = state.concurrency_limit;
    let allocated: u32 = account
        .integrations
        .iter()
        .filter_map(|i| i.concurrency_limit)
        .sum();
    // "The minimum unallocated concurrency limit value is one" (help bridgehead_156224824287).
    let unallocated = account_limit.saturating_sub(allocated).max(1);
    let own = account
        .integration_by_id(&principal.integration)
        .and_then(|i| i.concurrency_limit);
    let body = match own {
        Some(limit) => json!({
            "accountConcurrencyLimit": account_limit,
            "accountUnallocatedConcurrencyLimit": unallocated,
            "integrationConcurrencyLimit": limit,
            "integrationLimitType": "integrationSpecific"
        }),
        None => json!({
            "accountConcurrencyLimit": account_limit,
            "accountUnallocatedConcurrencyLimit": unallocated,
            "integrationLimitType": "accountLimit"
        }),
    };
    json_ok(Singular, body)
}
