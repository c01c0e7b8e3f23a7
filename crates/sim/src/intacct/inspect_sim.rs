//! Simulator-only endpoints: a non-secret summary of the company, the log of
//! why requests were refused (Practice mode shows it), session expiry on demand,
//! and an administrator's password change.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use super::state::{lock, IntacctState};

pub async fn state(State(state): State<Arc<IntacctState>>) -> Json<Value> {
    let sc = &state.scenario;
    let users: Vec<Value> = state
        .users()
        .iter()
        .map(|u| {
            json!({
                "login_id": u.login_id, "user_type": u.user_type, "admin": u.admin,
                "status": u.status, "web_services_only": u.logindisabled, "roles": u.roles,
                "entities": u.entities,
            })
        })
        .collect();
    let sessions = lock(&state.sessions).len();
    Json(json!({
        "company_id": sc.company.id,
        "pod_endpoint": format!("https://{}.intacct.com/ia/xml/xmlgw.phtml", sc.pod),
        "web_services": sc.company.web_services,
        "demo_expired": sc.company.demo_expired,
        "permission_mode": sc.company.permission_mode,
        "applications": sc.company.applications,
        "senders": sc.senders.iter().map(|s| &s.id).collect::<Vec<_>>(),
        "authorized_senders": sc.company.authorized_senders,
        "entities": sc.company.entities,
        "users": users,
        "roles": sc.roles,
        "active_sessions": sessions,
        "rate_limit": sc.rate_limit,
        "faults": sc.faults,
        "gateway_requests": state.gateway_requests.load(std::sync::atomic::Ordering::Relaxed),
    }))
}

pub async fn log(State(state): State<Arc<IntacctState>>) -> Json<Value> {
    let entries: Vec<_> = lock(&state.log).iter().cloned().collect();
    Json(json!({ "entries": entries }))
}

/// Lets Practice mode and tests reproduce an expired session without waiting.
pub async fn expire_sessions(State(state): State<Arc<IntacctState>>) -> Json<Value> {
    let past = state.now() - time::Duration::seconds(1);
    let mut sessions = lock(&state.sessions);
    let expired = sessions.len();
    sessions.values_mut().for_each(|s| s.expires = past);
    Json(json!({ "expired": expired }))
}

#[derive(serde::Deserialize)]
pub struct PasswordChange {
    pub user: String,
    pub password: String,
}

/// An administrator sets a user's new password (Company > Admin > Users >
/// Edit): from the next sign-in on, only the new one is accepted.
pub async fn change_password(
    State(state): State<Arc<IntacctState>>,
    Json(change): Json<PasswordChange>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let user = state
        .scenario
        .find_user(&change.user)
        .map(|u| u.login_id.clone());
    let Some(user) = user.filter(|_| !change.password.is_empty()) else {
        let why = format!("no user {:?}, or an empty password", change.user);
        return (
            axum::http::StatusCode::BAD_REQUEST,
            Json(json!({ "simulator": why })),
        )
            .into_response();
    };
    lock(&state.changed_passwords).insert(user, crate::kept::key(&change.password));
    state.keep();
    Json(json!({ "changed": change.user })).into_response()
}
