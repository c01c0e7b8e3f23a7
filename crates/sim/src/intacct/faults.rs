//! Outages and limits in front of the gateway: the per-scenario rate window
//! (HTTP 429 / GW-0010) and injected 5xx, Cloudflare 524 and HTML pages.

use std::time::{Duration, Instant};

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::respond;
use super::scenario::FaultKind;
use super::state::{lock, random_id, IntacctState};

pub const XML: &str = "text/xml; charset=UTF-8";

pub fn xml(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, XML)], body).into_response()
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=UTF-8")],
        body,
    )
        .into_response()
}

/// The injected fault for gateway request number `n` (1-based), if any.
pub fn fault_for(state: &IntacctState, n: u64) -> Option<FaultKind> {
    state
        .scenario
        .faults
        .iter()
        .find(|f| f.on_requests.is_empty() || f.on_requests.contains(&n))
        .map(|f| f.kind)
}

/// Faults answered without XML processing; `ServiceOffline` is handled per function.
pub fn http_fault(kind: FaultKind) -> Option<Response> {
    Some(match kind {
        FaultKind::Http502 => html(StatusCode::BAD_GATEWAY, page("502 Bad Gateway", "")),
        FaultKind::Http503 => html(
            StatusCode::SERVICE_UNAVAILABLE,
            page(
                "503 Service Unavailable",
                "The server is temporarily unable to service your request.",
            ),
        ),
        FaultKind::Cloudflare524 => html(
            StatusCode::from_u16(524).unwrap_or(StatusCode::GATEWAY_TIMEOUT),
            page(
                "api.intacct.com | 524: A timeout occurred",
                "<div id=\"cf-error-details\" class=\"cf-error-details-wrapper\">\
                 <h1>A timeout occurred</h1><span>Error code 524</span>\
                 <p>The origin web server timed out responding to this request.</p></div>",
            ),
        ),
        FaultKind::MaintenanceHtml => html(
            StatusCode::OK,
            page(
                "Sage Intacct - Scheduled Maintenance",
                "<h1>Sage Intacct is undergoing scheduled maintenance</h1>\
                 <p>We will be back shortly. Thank you for your patience.</p>",
            ),
        ),
        FaultKind::ServiceOffline => return None,
    })
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head><body>{body}</body></html>\n"
    )
}

/// Counts a request against the rate window; `Some(429 response)` when over it.
pub fn rate_limited(state: &IntacctState) -> Option<Response> {
    let limit = state.scenario.rate_limit.as_ref()?;
    let window = Duration::from_millis(limit.window_ms);
    let now = Instant::now();
    let mut seen = lock(&state.rate_window);
    while seen
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        seen.pop_front();
    }
    if seen.len() >= limit.requests as usize {
        let text = state
            .scenario
            .texts
            .rate_limited
            .replace("{request_id}", &random_id(12));
        return Some(xml(
            StatusCode::TOO_MANY_REQUESTS,
            respond::gateway_error("GW-0010", &text),
        ));
    }
    seen.push_back(now);
    None
}
