//! The OAuth 2.0 client credentials certificate endpoint (since 2023.1;
//! Oracle help article_92130837826, article_11111634165, article_0209112025,
//! article_0209112818), on the RESTlets domain with a `rest_webservices` token:
//! - `GET  /services/rest/auth/oauth2/v1/clients/{clientId}/certificates`
//! - `POST /services/rest/auth/oauth2/v1/clients/{clientId}/certificates` with
//!   `{"fileContent": "-----BEGIN CERTIFICATE-----…", "role": 3, "entity": 7}`
//!   (Oracle's example; "as of 2023.2 … the payload is expected to be in JSON
//!   string format", blogs.oracle.com "How to programmatically manage OAuth 2.0
//!   (machine to machine) client credentials certificates")
//! - `POST …/certificates/{certificateId}/revoke`
//!
//! [I] The answers' bodies are not in the sources Onramp could read: the
//! simulator answers `{"certificateId": …, "validUntil": …}` for an upload
//! and `{"items": [{"certificateId", "role", "entity", "validUntil",
//! "revoked"}]}` for the list, and who may map a certificate for another
//! user, the permission key and the slots-full wording are settings
//! (`behaviour.certificates`).

use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use serde_json::{json, Value};

use super::super::{
    ctx::RequestCtx, errors, hosts::Service, records::permission_violation, state::NsState,
};
use super::certs::{public_key, CertificateMapping, MAX_ACTIVE};
use super::grants::random_token;
use super::{read_account, with_account};

/// Undocumented parts of the certificate endpoint, as scenario settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CertificateAnswers {
    /// Permission a non-administrator needs ("Manage own OAuth 2.0 Client
    /// Credentials certificates"; its key is not in the sources).
    pub permission: String,
    /// Whether an administrator may map certificates for other users.
    pub administrator_maps_for_others: bool,
    /// USER_ERROR detail when the integration record has five active certificates.
    pub slots_full: String,
}

impl Default for CertificateAnswers {
    fn default() -> Self {
        Self {
            permission: "ADMI_OAUTH2_OWN_CERTIFICATES".into(),
            administrator_maps_for_others: true,
            slots_full: format!(
                "The maximum number of active certificates ({MAX_ACTIVE}) for this integration record has been reached. Revoke a certificate before you add a new one."
            ),
        }
    }
}

type Caller = (String, u64, u64, bool);

/// The caller's account, user, role and whether it is an administrator.
fn caller(state: &NsState, ctx: &RequestCtx, headers: &HeaderMap) -> Result<Caller, Response> {
    ctx.require(Service::Restlets)?;
    let principal = super::super::auth::authenticate(state, ctx, headers, None)?;
    let accounts = state.accounts();
    let account = accounts
        .get(&principal.account)
        .ok_or_else(errors::invalid_login)?;
    let role = account
        .roles
        .get(&principal.role_id)
        .ok_or_else(errors::invalid_login)?;
    let rule = &state.behaviour.certificates;
    if !role.is_administrator() && role.level(&rule.permission) == 0 {
        return Err(errors::insufficient_permission(&permission_violation(
            &rule.permission,
        )));
    }
    Ok((
        principal.account,
        principal.employee_id,
        principal.role_id,
        role.is_administrator(),
    ))
}

fn row(m: &CertificateMapping) -> Value {
    let valid_until = public_key(&m.certificate_pem)
        .map(|k| super::super::rfc3339(k.not_after))
        .unwrap_or_default();
    json!({
        "certificateId": m.certificate_id, "role": m.role, "entity": m.entity,
        "validUntil": valid_until, "revoked": m.revoked,
    })
}

fn integration_id(a: &super::super::state::Account, client_id: &str) -> Result<String, Response> {
    a.integration_by_key(client_id)
        .map(|i| i.id.clone())
        .ok_or_else(|| errors::nonexistent_id_detail("No integration record has this client ID."))
}

pub async fn list(
    State(state): State<NsState>,
    Path((_host, client_id)): Path<(String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    let (account, ..) = match caller(&state, &ctx, &headers) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let outcome = read_account(&state, &account, |a| {
        let id = integration_id(a, &client_id)?;
        Ok::<_, Response>(
            a.oauth2
                .certificates
                .iter()
                .filter(|c| c.integration == id)
                .map(row)
                .collect::<Vec<_>>(),
        )
    });
    match outcome {
        Some(Ok(items)) => Json(json!({ "items": items })).into_response(),
        Some(Err(r)) => r,
        None => errors::invalid_login(),
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Upload {
    file_content: String,
    role: u64,
    entity: u64,
}

pub async fn upload(
    State(state): State<NsState>,
    Path((_host, client_id)): Path<(String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (account, employee, _, admin) = match caller(&state, &ctx, &headers) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Ok(u) = serde_json::from_slice::<Upload>(&body) else {
        return errors::invalid_content(
            "",
            "The body must be {\"fileContent\": …, \"role\": …, \"entity\": …}.",
        );
    };
    let rule = state.behaviour.certificates.clone();
    if u.entity != employee && !(admin && rule.administrator_maps_for_others) {
        return errors::insufficient_permission("You can manage only your own certificates.");
    }
    let key = match public_key(&u.file_content) {
        Ok(k) if k.not_after > state.clock.now() => k,
        Ok(_) => return errors::invalid_content("fileContent", "The certificate has expired."),
        Err(e) => {
            return errors::invalid_content("fileContent", &format!("Invalid certificate: {e}"))
        }
    };
    let outcome = with_account(&state, &account, |a| {
        let integration = integration_id(a, &client_id)?;
        if !a
            .employees
            .get(&u.entity)
            .is_some_and(|e| e.roles.contains(&u.role))
        {
            return Err(errors::invalid_content(
                "entity",
                &format!("The entity {} does not have the role {}.", u.entity, u.role),
            ));
        }
        let active = a
            .oauth2
            .certificates
            .iter()
            .filter(|c| c.integration == integration && !c.revoked)
            .count();
        if active >= MAX_ACTIVE {
            return Err(errors::user_error(&rule.slots_full));
        }
        let certificate_id = random_token(43);
        a.oauth2.certificates.push(CertificateMapping {
            account: a.id.clone(),
            integration,
            certificate_id: certificate_id.clone(),
            role: u.role,
            entity: u.entity,
            certificate_pem: u.file_content.clone(),
            revoked: false,
        });
        Ok(certificate_id)
    });
    match outcome {
        Some(Ok(id)) => Json(json!({
            "certificateId": id,
            "validUntil": super::super::rfc3339(key.not_after),
        }))
        .into_response(),
        Some(Err(r)) => r,
        None => errors::invalid_login(),
    }
}

pub async fn revoke(
    State(state): State<NsState>,
    Path((_host, client_id, certificate_id)): Path<(String, String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    let (account, employee, _, admin) = match caller(&state, &ctx, &headers) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let outcome = with_account(&state, &account, |a| {
        let integration = integration_id(a, &client_id)?;
        let m = a
            .oauth2
            .certificates
            .iter_mut()
            .find(|c| c.integration == integration && c.certificate_id == certificate_id)
            .ok_or_else(errors::nonexistent_id)?;
        if m.entity != employee && !admin {
            return Err(errors::insufficient_permission(
                "You can manage only your own certificates.",
            ));
        }
        m.revoked = true;
        Ok(())
    });
    match outcome {
        Some(Ok(())) => StatusCode::NO_CONTENT.into_response(),
        Some(Err(r)) => r,
        None => errors::invalid_login(),
    }
}
