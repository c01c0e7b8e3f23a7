//! What a NetSuite route knows about its request: the real URL the client meant
//! (`https://{host}{path}`, rebuilt from the `/{host}/...` transport path) and the
//! account that host belongs to.

use axum::{
    extract::FromRequestParts,
    http::{request::Parts, Method, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use onramp_core::http::EndpointOverride;
use serde_json::json;

use super::{
    hosts::{NsHost, Service},
    state::NsState,
};

#[derive(Debug, Clone)]
pub struct RequestCtx {
    /// Lowercase host, as the signature base string uses it.
    pub host: String,
    pub ns: NsHost,
    /// Account whose domain this is (exact NetSuite spelling), if it exists.
    pub account: Option<String>,
    pub method: Method,
    /// Path on the real host (`/services/rest/...`).
    pub path: String,
    pub query: Option<String>,
}

impl RequestCtx {
    /// `https://host/path`: the signature base-string URI.
    pub fn base_url(&self) -> String {
        format!("https://{}{}", self.host, self.path)
    }

    /// `METHOD https://host/path` for the audit trail.
    pub fn describe(&self) -> String {
        format!("{} {}", self.method, self.base_url())
    }

    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query
            .as_deref()
            .map(super::tba::form_pairs)
            .unwrap_or_default()
    }

    /// This endpoint only exists on one kind of NetSuite domain.
    pub fn require(&self, service: Service) -> Result<(), Response> {
        if self.ns.service == service {
            Ok(())
        } else {
            Err(not_served(&self.host, &self.path))
        }
    }
}

fn not_served(host: &str, path: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"simulator": format!("NetSuite does not serve https://{host}{path}")})),
    )
        .into_response()
}

impl FromRequestParts<NsState> for RequestCtx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &NsState) -> Result<Self, Response> {
        let transport = parts.uri.path();
        let Some((host, path)) = EndpointOverride::split_path(transport) else {
            return Err(not_served("?", transport));
        };
        let Some(ns) = NsHost::parse(host) else {
            return Err(not_served(host, path));
        };
        let account = ns.label.as_ref().and_then(|label| {
            state
                .accounts()
                .values()
                .find(|a| &a.host_label() == label)
                .map(|a| a.id.clone())
        });
        Ok(Self {
            host: host.to_ascii_lowercase(),
            ns,
            account,
            method: parts.method.clone(),
            path: path.to_string(),
            query: parts.uri.query().map(str::to_string),
        })
    }
}
