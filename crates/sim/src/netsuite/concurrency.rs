//! Account-wide governance: every request to an account's domains takes a slot
//! from that account's pool (shared by REST, SOAP and RESTlets) or is refused with
//! the documented 429. Also stamps the `Date` header from the simulated clock, so a
//! client can measure its clock skew even from a 401.

use axum::{
    extract::{Request, State},
    http::{header::DATE, HeaderValue},
    middleware::Next,
    response::Response,
};
use onramp_core::http::EndpointOverride;
use time::{format_description::FormatItem, macros::format_description, OffsetDateTime};

use super::{errors, hosts::NsHost, state::NsState};

const HTTP_DATE: &[FormatItem<'static>] = format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);

pub fn http_date(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(HTTP_DATE)
        .unwrap_or_default()
}

pub async fn govern(State(state): State<NsState>, req: Request, next: Next) -> Response {
    let pool = account_of(&state, req.uri().path()).and_then(|id| state.pools.get(&id).cloned());
    let permit = match pool.map(|p| p.try_acquire_owned()) {
        Some(Err(_)) => return stamped(&state, errors::concurrency_limit_exceeded()),
        Some(Ok(permit)) => Some(permit),
        None => None,
    };
    if !state.latency.is_zero() {
        tokio::time::sleep(state.latency).await;
    }
    let resp = next.run(req).await;
    drop(permit);
    stamped(&state, resp)
}

fn stamped(state: &NsState, mut resp: Response) -> Response {
    if let Ok(v) = HeaderValue::from_str(&http_date(state.clock.now())) {
        resp.headers_mut().insert(DATE, v);
    }
    resp
}

fn account_of(state: &NsState, transport_path: &str) -> Option<String> {
    let (host, _) = EndpointOverride::split_path(transport_path)?;
    let label = NsHost::parse(host)?.label?;
    state
        .accounts()
        .values()
        .find(|a| a.host_label() == label)
        .map(|a| a.id.clone())
}

/// Requests holding a slot of `account`'s pool right now.
pub fn in_flight(state: &NsState, account: &str) -> u32 {
    state.pools.get(account).map_or(0, |p| {
        state
            .concurrency_limit
            .saturating_sub(p.available_permits() as u32)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_date_is_imf_fixdate() {
        let t = OffsetDateTime::from_unix_timestamp(1_508_242_306).unwrap();
        assert_eq!(http_date(t), "Tue, 17 Oct 2017 12:11:46 GMT");
    }
}
