//! `POST …/services/rest/auth/oauth2/v1/token` and `…/revoke`.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::Value;
use sha2::{Digest, Sha256};
use time::Duration;

use super::super::{ctx::RequestCtx, hosts::Service, state::NsState, tba};
use super::client_auth::{authenticate, oauth_error};
use super::grants::{
    access_jwt, key, random_token, token_body, AccessGrant, RefreshGrant, ACCESS_LIFETIME,
    CONFIDENTIAL_REFRESH_LIFETIME,
};
use super::record::{self, Who};
use super::{m2m, with_account};

pub type Form = BTreeMap<String, String>;

/// A refusal: the audit code, a note for the learner, and the OAuth error value.
pub struct Refused {
    pub detail: &'static str,
    pub note: String,
    pub error: String,
    pub who: Box<Who>,
}

impl Refused {
    pub fn new(detail: &'static str, error: &str, who: &Who, note: impl Into<String>) -> Self {
        Self {
            detail,
            note: note.into(),
            error: error.to_string(),
            who: Box::new(who.clone()),
        }
    }
}

pub async fn token(
    State(state): State<NsState>,
    ctx: RequestCtx,
    headers: HeaderMap,
    body: String,
) -> Response {
    let Some(account) = token_host_account(&ctx) else {
        return oauth_error(&ctx.host, "invalid_request");
    };
    let Some(form) = parse_form(&body) else {
        record::failure(
            &state,
            &account,
            &ctx,
            "InvalidRequest",
            &Who::default(),
            "malformed or repeated form parameters",
        );
        return oauth_error(&account, "invalid_request");
    };
    let result = match form.get("grant_type").map(String::as_str) {
        Some("authorization_code") => code_or_refresh(&state, &account, &headers, &form, true),
        Some("refresh_token") => code_or_refresh(&state, &account, &headers, &form, false),
        Some("client_credentials") => m2m::client_credentials(&state, &account, &form),
        None => Err(Refused::new(
            "InvalidRequest",
            "invalid_request",
            &Who::default(),
            "grant_type is missing",
        )),
        Some(other) => Err(Refused::new(
            "InvalidGrantType",
            "unsupported_grant_type",
            &Who::default(),
            format!("grant_type {other}"),
        )),
    };
    match result {
        Ok((body, who)) => {
            record::success(&state, &account, &ctx, &who);
            let mut resp = (StatusCode::OK, Json(body)).into_response();
            resp.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            resp
        }
        Err(r) => {
            record::failure(&state, &account, &ctx, r.detail, &r.who, &r.note);
            oauth_error(&account, &r.error)
        }
    }
}

/// The token endpoint lives on the account's SuiteTalk (and RESTlets) domain.
pub fn token_host_account(ctx: &RequestCtx) -> Option<String> {
    matches!(ctx.ns.service, Service::SuiteTalk | Service::Restlets)
        .then(|| ctx.account.clone())
        .flatten()
}

fn parse_form(body: &str) -> Option<Form> {
    let pairs = tba::form_pairs(body);
    let n = pairs.len();
    let form: Form = pairs.into_iter().collect();
    (form.len() == n).then_some(form)
}

pub(super) fn code_or_refresh(
    state: &NsState,
    account: &str,
    headers: &HeaderMap,
    form: &Form,
    code: bool,
) -> Result<(Value, Who), Refused> {
    let now = state.clock.now();
    let refused_client = state.scenario.oauth2.refused_client_error.clone();
    with_account(state, account, |a| {
        let client = authenticate(a, headers, form.get("client_id").map(String::as_str))
            .map_err(|(d, note)| Refused::new(d, "invalid_client", &Who::default(), note))?;
        let who = Who::app(&client);
        record::gate(a, &client).map_err(|d| Refused::new(d, &refused_client, &who, ""))?;
        let bad = |detail, note: &str| Refused::new(detail, "invalid_grant", &who, note);
        let (employee, role, scopes, old_refresh) = if code {
            if !client.oauth2.auth_code_grant {
                return Err(Refused::new(
                    "AuthorizationCodeGrantRequired",
                    "unauthorized_client",
                    &who,
                    "",
                ));
            }
            let value = form.get("code").ok_or_else(|| {
                Refused::new("InvalidRequest", "invalid_request", &who, "code is missing")
            })?;
            // Single use: a code is gone after its first presentation, valid or not.
            let g = a
                .oauth2
                .codes
                .remove(&key(value))
                .ok_or_else(|| bad("InvalidGrant", "unknown or already used code"))?;
            if g.integration != client.id {
                return Err(bad("InvalidGrant", "the code was issued to another client"));
            }
            if now >= g.expires_at {
                return Err(bad("InvalidGrant", "the code has expired"));
            }
            if form.get("redirect_uri") != Some(&g.redirect_uri) {
                return Err(bad(
                    "InvalidGrant",
                    "redirect_uri differs from the authorize request",
                ));
            }
            match (&g.challenge, form.get("code_verifier")) {
                (Some(c), Some(v)) if pkce_matches(c, v) => {}
                (Some(_), _) => {
                    return Err(bad(
                        "InvalidGrant",
                        "code_verifier does not match the code_challenge",
                    ))
                }
                (None, Some(_)) => {
                    return Err(bad(
                        "InvalidGrant",
                        "no code_challenge was sent with the authorize request",
                    ))
                }
                (None, None) => {}
            }
            (g.employee, g.role, g.scopes, None)
        } else {
            let value = form.get("refresh_token").ok_or_else(|| {
                Refused::new(
                    "InvalidRequest",
                    "invalid_request",
                    &who,
                    "refresh_token is missing",
                )
            })?;
            let g = a
                .oauth2
                .refresh_tokens
                .get_mut(&key(value))
                .ok_or_else(|| bad("InvalidGrant", "unknown refresh token"))?;
            if g.integration != client.id || g.dead {
                return Err(bad(
                    "InvalidGrant",
                    "the refresh token is used, revoked or another client's",
                ));
            }
            // ORA:subsect_158711928134: an expired refresh token logs RefreshTokenExpired.
            if now >= g.expires_at {
                return Err(bad("RefreshTokenExpired", "the refresh token has expired"));
            }
            if g.public {
                g.dead = true; // one-time use: rotated below
            }
            (
                g.employee,
                g.role,
                g.scopes.clone(),
                Some((key(value), g.clone())),
            )
        };
        let who = who.person(a, employee, role);
        record::check_principal(a, employee, role)
            .map_err(|note| Refused::new("EntityOrRoleDisabled", "invalid_grant", &who, note))?;
        let new_refresh = match &old_refresh {
            None => Some(new_refresh_grant(
                &client, employee, role, &scopes, now, now,
            )),
            Some((_, old)) if old.public => {
                let cap = old.consented_at + Duration::hours(client.oauth2.max_rotation_hours);
                if now >= cap {
                    let note = "the Maximum Time For Token Rotation has passed: consent again";
                    return Err(Refused::new("InvalidGrant", "invalid_grant", &who, note));
                }
                let mut g =
                    new_refresh_grant(&client, employee, role, &scopes, old.consented_at, now);
                g.expires_at = g.expires_at.min(cap);
                Some(g)
            }
            Some(_) => None, // confidential: the same refresh token stays valid
        };
        let refresh_value = new_refresh.map(|g| {
            let v = random_token(48);
            a.oauth2.refresh_tokens.insert(key(&v), g);
            v
        });
        let source = refresh_value
            .as_deref()
            .map(key)
            .or(old_refresh.map(|(k, _)| k));
        let grant = AccessGrant {
            integration: client.id.clone(),
            employee,
            role,
            scopes,
            expires_at: now + ACCESS_LIFETIME,
            refresh: source,
            revoked: false,
        };
        let access = access_jwt(state, account, &client.consumer_key, &grant, now);
        a.oauth2.access_tokens.insert(key(&access), grant);
        Ok((token_body(&access, refresh_value.as_deref()), who))
    })
    .unwrap_or_else(|| {
        Err(Refused::new(
            "InvalidRequest",
            "invalid_request",
            &Who::default(),
            "no such account",
        ))
    })
}

fn new_refresh_grant(
    client: &super::super::model::IntegrationSpec,
    employee: u64,
    role: u64,
    scopes: &[String],
    consented_at: time::OffsetDateTime,
    now: time::OffsetDateTime,
) -> RefreshGrant {
    let public = client.oauth2.public_client;
    let lifetime = if public {
        Duration::hours(client.oauth2.refresh_token_hours.clamp(1, 720))
    } else {
        CONFIDENTIAL_REFRESH_LIFETIME
    };
    RefreshGrant {
        integration: client.id.clone(),
        employee,
        role,
        scopes: scopes.to_vec(),
        expires_at: now + lifetime,
        consented_at,
        public,
        dead: false,
    }
}

/// RFC 7636 S256: BASE64URL(SHA256(verifier)) == challenge, verifier 43–128 unreserved chars.
pub(super) fn pkce_matches(challenge: &str, verifier: &str) -> bool {
    let ok = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    ok && record::same_secret(
        &URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())),
        challenge,
    )
}

/// Revokes a refresh token and the access tokens issued from it (RFC 7009: unknown tokens are fine).
pub async fn revoke(
    State(state): State<NsState>,
    ctx: RequestCtx,
    headers: HeaderMap,
    body: String,
) -> Response {
    let Some(account) = token_host_account(&ctx) else {
        return oauth_error(&ctx.host, "invalid_request");
    };
    let Some(form) = parse_form(&body) else {
        return oauth_error(&account, "invalid_request");
    };
    let outcome = with_account(&state, &account, |a| {
        let client = authenticate(a, &headers, form.get("client_id").map(String::as_str))?;
        let Some(token) = form.get("token").map(|t| key(t)) else {
            return Err(("InvalidRequest", "token is missing".to_string()));
        };
        if let Some(g) = a
            .oauth2
            .refresh_tokens
            .get_mut(&token)
            .filter(|g| g.integration == client.id)
        {
            g.dead = true;
        }
        for g in a.oauth2.access_tokens.values_mut() {
            if g.refresh.as_deref() == Some(token.as_str()) {
                g.revoked = true;
            }
        }
        if let Some(g) = a
            .oauth2
            .access_tokens
            .get_mut(&token)
            .filter(|g| g.integration == client.id)
        {
            g.revoked = true;
        }
        Ok(())
    });
    match outcome {
        Some(Ok(())) => StatusCode::OK.into_response(),
        Some(Err((detail, note))) => {
            record::failure(&state, &account, &ctx, detail, &Who::default(), &note);
            let error = if detail == "InvalidRequest" {
                "invalid_request"
            } else {
                "invalid_client"
            };
            oauth_error(&account, error)
        }
        None => oauth_error(&account, "invalid_request"),
    }
}
