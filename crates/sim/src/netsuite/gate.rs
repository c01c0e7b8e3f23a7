//! The checks every REST web services call passes after login: the REST Web
//! Services feature and the role's REST Web Services permission.

use axum::{http::HeaderMap, response::Response};

use super::{
    auth::{self, Principal},
    ctx::RequestCtx,
    errors,
    model::{RestDisabledAnswer, RoleSpec},
    state::NsState,
};

pub const REST_FEATURE: &str = "REST_WEB_SERVICES";
pub const REST_PERMISSION: &str = "ADMI_RESTWEBSERVICES";

/// The caller of a REST web services request and its role, or the error response.
pub fn rest_caller(
    state: &NsState,
    ctx: &RequestCtx,
    headers: &HeaderMap,
) -> Result<(Principal, RoleSpec), Response> {
    let principal = auth::authenticate(state, ctx, headers, None)?;
    let accounts = state.accounts();
    let account = accounts
        .get(&principal.account)
        .ok_or_else(errors::invalid_login)?;
    if !account.has_feature(REST_FEATURE) {
        drop(accounts);
        return Err(match state.behaviour.rest_feature_disabled {
            RestDisabledAnswer::InvalidLogin => {
                auth::record_failure(
                    state,
                    ctx,
                    "FeatureDisabled",
                    "REST Web Services is off (Setup > Company > Enable Features > SuiteCloud)",
                );
                errors::invalid_login()
            }
            RestDisabledAnswer::InsufficientPermission => errors::insufficient_permission(
                "The REST Web Services feature is not enabled in this account. Enable it in Setup > Company > Enable Features > SuiteCloud.",
            ),
        });
    }
    let role = account
        .roles
        .get(&principal.role_id)
        .cloned()
        .ok_or_else(errors::invalid_login)?;
    if role.level(REST_PERMISSION) == 0 {
        return Err(errors::user_error(errors::NO_PERMISSION_DETAIL));
    }
    Ok((principal, role))
}
