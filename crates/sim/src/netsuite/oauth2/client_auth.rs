//! Token-endpoint client authentication (HTTP Basic for confidential clients;
//! the client ID alone for public clients) and the documented error answers.

use axum::{
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::json;

use super::super::{model::IntegrationSpec, state::Account};
use super::record::same_secret;

/// `{"error": …}` with the status Oracle documents; `invalid_client` is a 401 with a Basic challenge.
pub fn oauth_error(account: &str, error: &str) -> Response {
    let status = if error == "invalid_client" {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::BAD_REQUEST
    };
    let mut resp = (status, Json(json!({ "error": error }))).into_response();
    if status == StatusCode::UNAUTHORIZED {
        if let Ok(v) = HeaderValue::from_str(&format!("Basic realm=\"{account}\"")) {
            resp.headers_mut().insert(header::WWW_AUTHENTICATE, v);
        }
    }
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Which integration record is calling, or the audit code of why it is refused.
pub fn authenticate(
    account: &Account,
    headers: &HeaderMap,
    form_client_id: Option<&str>,
) -> Result<IntegrationSpec, (&'static str, String)> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|h| h.len() > 6 && h[..6].eq_ignore_ascii_case("basic "));
    let (id, secret) = match basic {
        Some(h) => {
            let decoded = STANDARD
                .decode(h[6..].trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or((
                    "ClientAuthenticationFailed",
                    "the Basic credentials are not base64".to_string(),
                ))?;
            let (id, secret) = decoded.split_once(':').ok_or((
                "ClientAuthenticationFailed",
                "Basic credentials need client_id:client_secret".to_string(),
            ))?;
            // RFC 6749 §2.3.1: both halves are form-url-encoded before joining.
            (form_decode(id), Some(form_decode(secret)))
        }
        None => (
            form_client_id
                .ok_or((
                    "ClientAuthenticationFailed",
                    "no client authentication".to_string(),
                ))?
                .to_string(),
            None,
        ),
    };
    if form_client_id.is_some_and(|f| f != id) {
        return Err((
            "ClientIdMismatch",
            "client_id in the body differs from the Basic credentials".into(),
        ));
    }
    let integration = account.integration_by_key(&id).ok_or((
        "UnknownIntegration",
        format!("no integration record has client ID {id}"),
    ))?;
    let secret = secret.filter(|s| !s.is_empty());
    match (integration.oauth2.public_client, secret) {
        (true, None) => Ok(integration.clone()),
        (true, Some(_)) => Err((
            "ClientAuthenticationFailed",
            "a public client sends no client secret".into(),
        )),
        (false, Some(s)) if same_secret(&s, &integration.consumer_secret) => {
            Ok(integration.clone())
        }
        (false, Some(_)) => Err(("ClientAuthenticationFailed", "wrong client secret".into())),
        (false, None) => Err((
            "ClientAuthenticationFailed",
            "a confidential client must authenticate with HTTP Basic".into(),
        )),
    }
}

fn form_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}
