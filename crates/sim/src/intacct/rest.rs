//! OAuth 2.0 for the REST API (authorization code with PKCE S256, client
//! credentials) with RFC 6749 JSON errors; the tokens it issues are accepted
//! by `rest_objects`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Form, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::auth::entity_access;
use super::known_host;
use super::scenario::{RestClient, UserStatus};
use super::state::{lock, random_id, AuthCode, IntacctState, Token};

type Shared = State<Arc<IntacctState>>;
type Params = HashMap<String, String>;

fn oauth_error(status: StatusCode, code: &str, description: &str) -> Response {
    let body = json!({ "error": code, "error_description": description });
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

pub(super) fn unknown_host(state: &IntacctState, host: &str) -> Option<Response> {
    (!known_host(&state.scenario, host)).then(|| {
        state.record(
            "rest",
            "http",
            format!("no Intacct endpoint on host {host}"),
        );
        (StatusCode::NOT_FOUND, format!("unknown host {host}")).into_response()
    })
}

fn client<'a>(state: &'a IntacctState, id: &str) -> Option<&'a RestClient> {
    state
        .scenario
        .rest
        .clients
        .iter()
        .find(|c| c.client_id == id)
}

/// Consent page stand-in: approves at once as the client's consent user.
pub async fn authorize(
    State(state): Shared,
    Path(host): Path<String>,
    Query(q): Query<Params>,
) -> Response {
    state.delay().await;
    if let Some(r) = unknown_host(&state, &host) {
        return r;
    }
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let Some(c) = client(&state, &get("client_id")) else {
        state.record("oauth2/authorize", "oauth", "unknown client_id");
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "Unknown client_id.",
        );
    };
    let redirect_uri = get("redirect_uri");
    if !c.redirect_uris.contains(&redirect_uri) {
        state.record(
            "oauth2/authorize",
            "oauth",
            format!("redirect_uri '{redirect_uri}' is not registered"),
        );
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "redirect_uri does not match the registered value.",
        );
    }
    let back = |params: &[(&str, &str)]| {
        let mut url = url::Url::parse(&redirect_uri).expect("registered redirect URIs are URLs");
        url.query_pairs_mut().extend_pairs(params.iter().copied());
        if let Some(s) = q.get("state") {
            url.query_pairs_mut().append_pair("state", s);
        }
        Redirect::to(url.as_str()).into_response()
    };
    if get("response_type") != "code" {
        state.record("oauth2/authorize", "oauth", "response_type is not code");
        return back(&[("error", "unsupported_response_type")]);
    }
    let challenge = q.get("code_challenge").cloned();
    if challenge.is_some() && get("code_challenge_method") != "S256" {
        state.record(
            "oauth2/authorize",
            "oauth",
            "code_challenge_method is not S256",
        );
        return back(&[
            ("error", "invalid_request"),
            ("error_description", "code_challenge_method must be S256"),
        ]);
    }
    let authorised = state
        .scenario
        .company
        .authorized_senders
        .iter()
        .any(|s| s.id == c.sender_id && s.active);
    if !authorised {
        state.record(
            "oauth2/authorize",
            "oauth",
            format!("sender '{}' is not authorised in the company", c.sender_id),
        );
        return back(&[
            ("error", "access_denied"),
            (
                "error_description",
                "The company has not authorized this application's sender ID.",
            ),
        ]);
    }
    let user = c
        .consent_user
        .clone()
        .unwrap_or_else(|| state.scenario.practice.user_id.clone());
    let code = random_id(32);
    let grant = AuthCode {
        client_id: c.client_id.clone(),
        redirect_uri: redirect_uri.clone(),
        challenge,
        user,
        expires: state.now() + time::Duration::minutes(10),
    };
    lock(&state.codes).insert(code.clone(), grant);
    state.record("oauth2/authorize", "ok", "consent granted");
    back(&[("code", &code)])
}

/// Client authentication from the form or HTTP Basic.
fn client_auth(headers: &HeaderMap, form: &Params) -> (String, Option<String>) {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b.trim()).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            s.split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        });
    match basic {
        Some((id, secret)) => (id, Some(secret)),
        None => (
            form.get("client_id").cloned().unwrap_or_default(),
            form.get("client_secret").cloned(),
        ),
    }
}

pub async fn token(
    State(state): Shared,
    Path(host): Path<String>,
    headers: HeaderMap,
    Form(form): Form<Params>,
) -> Response {
    state.delay().await;
    if let Some(r) = unknown_host(&state, &host) {
        return r;
    }
    let result = match form.get("grant_type").map(String::as_str) {
        None => Err((
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "grant_type is required.".to_string(),
        )),
        Some("client_credentials") => client_credentials(&state, &headers, &form),
        Some("authorization_code") => authorization_code(&state, &headers, &form),
        Some(other) => Err((
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!("grant_type {other} is not supported."),
        )),
    };
    match result {
        Ok(t) => {
            let lifetime = state.scenario.rest.token_lifetime_secs;
            let access = random_id(48);
            let t = Token {
                expires: state.now() + time::Duration::seconds(lifetime as i64),
                ..t
            };
            state.record(
                "oauth2/token",
                "ok",
                format!("token issued for '{}'", t.user),
            );
            lock(&state.tokens).insert(access.clone(), t);
            // RFC 6749 5.1 fields; the type of expires_in is a scenario setting [I].
            let expires_in = if state.scenario.rest.expires_in_as_text {
                json!(lifetime.to_string())
            } else {
                json!(lifetime)
            };
            let body =
                json!({ "access_token": access, "token_type": "Bearer", "expires_in": expires_in });
            (
                StatusCode::OK,
                [(header::CACHE_CONTROL, "no-store")],
                Json(body),
            )
                .into_response()
        }
        Err((status, code, description)) => {
            state.record("oauth2/token", "oauth", format!("{code}: {description}"));
            oauth_error(status, code, &description)
        }
    }
}

type Grant = Result<Token, (StatusCode, &'static str, String)>;

fn bad_grant(text: impl Into<String>) -> (StatusCode, &'static str, String) {
    (StatusCode::BAD_REQUEST, "invalid_grant", text.into())
}

fn authenticated_client<'a>(
    state: &'a IntacctState,
    headers: &HeaderMap,
    form: &Params,
    secret_required: bool,
) -> Result<&'a RestClient, (StatusCode, &'static str, String)> {
    let (id, secret) = client_auth(headers, form);
    let invalid = || {
        (
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Client authentication failed.".to_string(),
        )
    };
    let c = client(state, &id).ok_or_else(invalid)?;
    match secret {
        Some(s) if s == c.client_secret => Ok(c),
        None if !secret_required => Ok(c),
        _ => Err(invalid()),
    }
}

fn client_credentials(state: &IntacctState, headers: &HeaderMap, form: &Params) -> Grant {
    let sc = &state.scenario;
    let c = authenticated_client(state, headers, form, true)?;
    let username = form.get("username").cloned().unwrap_or_default();
    let (user_id, rest) = username.split_once('@').ok_or_else(|| {
        bad_grant("username must be userId@companyId or userId@companyId|entityId.")
    })?;
    let (company, entity) = rest.split_once('|').unwrap_or((rest, ""));
    if !sc.same_id(&sc.company.id, company) {
        return Err(bad_grant(format!("Company {company} was not found.")));
    }
    if !sc
        .company
        .authorized_senders
        .iter()
        .any(|s| s.id == c.sender_id && s.active)
    {
        return Err(bad_grant(
            "The company has not authorized this application's sender ID.",
        ));
    }
    let user = state
        .user(user_id)
        .filter(|u| u.status == UserStatus::Active)
        .ok_or_else(|| {
            bad_grant(format!(
                "User {user_id} is not an active user of the company."
            ))
        })?;
    if sc.rest.client_credentials_needs_web_services_user && !user.logindisabled {
        return Err(bad_grant(format!(
            "User {user_id} is not a Web Services user."
        )));
    }
    entity_access(state, &user, entity).map_err(bad_grant)?;
    Ok(Token {
        user: user.login_id.clone(),
        entity: entity.to_string(),
        expires: state.now(),
    })
}

fn authorization_code(state: &IntacctState, headers: &HeaderMap, form: &Params) -> Grant {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    let code = get("code");
    let grant = lock(&state.codes)
        .remove(&code)
        .ok_or_else(|| bad_grant("The authorization code is invalid or was already used."))?;
    // PKCE lets a public client omit its secret.
    let c = authenticated_client(state, headers, form, grant.challenge.is_none())?;
    if grant.client_id != c.client_id {
        return Err(bad_grant(
            "The authorization code was issued to another client.",
        ));
    }
    if grant.expires <= state.now() {
        return Err(bad_grant("The authorization code has expired."));
    }
    if grant.redirect_uri != get("redirect_uri") {
        return Err(bad_grant(
            "redirect_uri does not match the authorization request.",
        ));
    }
    if let Some(challenge) = &grant.challenge {
        let verifier = get("code_verifier");
        let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        if verifier.is_empty() || &computed != challenge {
            return Err(bad_grant(
                "PKCE verification failed: code_verifier does not match code_challenge.",
            ));
        }
    }
    Ok(Token {
        user: grant.user,
        entity: String::new(),
        expires: state.now(),
    })
}
