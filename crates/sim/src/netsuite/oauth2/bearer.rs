//! Bearer tokens on resource calls: issued by this simulator, unexpired, not
//! revoked, for this account, with the scope the API needs, and still backed
//! by an enabled integration and an active entity and role.

use axum::{
    http::{header::WWW_AUTHENTICATE, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use super::super::{auth::Principal, ctx::RequestCtx, hosts::Service, state::NsState};
use super::read_account;
use super::record::{self, Who};

/// Why a bearer token was refused; answers as Oracle documents.
#[derive(Debug)]
pub struct BearerFailure {
    realm: String,
}

impl IntoResponse for BearerFailure {
    fn into_response(self) -> Response {
        let challenge = format!(
            "Bearer realm=\"{}\", error=\"invalid_token\", error_description=\"Invalid login attempt.\"",
            self.realm
        );
        let mut resp = StatusCode::UNAUTHORIZED.into_response();
        if let Ok(v) = HeaderValue::from_str(&challenge) {
            resp.headers_mut().insert(WWW_AUTHENTICATE, v);
        }
        resp
    }
}

/// Verifies `Authorization: Bearer ...` for a resource request on `ctx`'s host.
pub fn verify_bearer(
    state: &NsState,
    ctx: &RequestCtx,
    header: &str,
) -> Result<Principal, BearerFailure> {
    let token = header.get(7..).unwrap_or_default().trim();
    let realm = ctx.account.clone().unwrap_or_default();
    let fail = |detail: &str, who: &Who, note: &str| {
        record::failure(state, &realm, ctx, detail, who, note);
        BearerFailure {
            realm: realm.clone(),
        }
    };
    let Some(account) = ctx.account.clone() else {
        return Err(fail(
            "InvalidSignature",
            &Who::default(),
            "no account uses this domain",
        ));
    };
    let now = state.clock.now();
    // The certificate endpoint sits on the RESTlets domain but wants a REST
    // web services token (Oracle help article_92130837826).
    let needed = match ctx.ns.service {
        Service::Restlets if !ctx.path.starts_with("/services/rest/auth/") => "restlets",
        _ => "rest_webservices",
    };
    let token = super::grants::key(token);
    let outcome = read_account(state, &account, |a| {
        let Some(g) = a.oauth2.access_tokens.get(&token).cloned() else {
            // ORA:subsect_158324637123: "Login attempted with a refresh token" is
            // TokenRejected; a token NetSuite did not sign fails its signature.
            return Err(if a.oauth2.refresh_tokens.contains_key(&token) {
                (
                    "TokenRejected".to_string(),
                    Who::default(),
                    "a refresh token was sent as the bearer token".to_string(),
                )
            } else {
                (
                    "InvalidSignature".to_string(),
                    Who::default(),
                    "not an access token issued by this account".to_string(),
                )
            });
        };
        let integration = a.integration_by_id(&g.integration).cloned();
        let who = integration
            .as_ref()
            .map(Who::app)
            .unwrap_or_default()
            .person(a, g.employee, g.role);
        if g.revoked {
            let detail = state.scenario.oauth2.revoked_token_detail.clone();
            return Err((detail, who, "the token was revoked".into()));
        }
        if now >= g.expires_at {
            return Err((
                "AccessTokenExpired".to_string(),
                who,
                "access tokens last 60 minutes".into(),
            ));
        }
        let Some(integration) = integration else {
            return Err((
                "InvalidIntegration".to_string(),
                who,
                "the integration record is gone".into(),
            ));
        };
        record::gate(a, &integration).map_err(|d| (d.to_string(), who.clone(), String::new()))?;
        record::check_principal(a, g.employee, g.role)
            .map_err(|n| ("EntityOrRoleDisabled".to_string(), who.clone(), n))?;
        if !g.scopes.iter().any(|s| s == needed) {
            return Err((
                "ScopeMismatched".to_string(),
                who,
                format!("this API needs the {needed} scope"),
            ));
        }
        Ok((
            Principal {
                account: a.id.clone(),
                employee_id: g.employee,
                role_id: g.role,
                integration: g.integration,
            },
            who,
        ))
    });
    match outcome {
        Some(Ok((principal, who))) => {
            record::success(state, &account, ctx, &who);
            Ok(principal)
        }
        Some(Err((detail, who, note))) => Err(fail(&detail, &who, &note)),
        None => Err(fail("InvalidSignature", &Who::default(), "no such account")),
    }
}
