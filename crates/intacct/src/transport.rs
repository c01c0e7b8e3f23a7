//! One HTTP exchange with the gateway: which answers are transient (429, 502,
//! 503: retried by the client), which are final (524 and other 5xx, HTML
//! pages, unreadable bodies), and which layer of an XML answer failed.

use std::time::Duration;

use onramp_core::http::{self, Expect, HttpError};
use url::Url;

use crate::errors::IntacctError;
use crate::xml::response::{self, Response};

pub(crate) async fn post_once(
    http_client: &reqwest::Client,
    url: &Url,
    host: &str,
    body: Vec<u8>,
    timeout_secs: u64,
) -> Result<(u16, Response), Outcome> {
    let resp = http_client
        .post(url.clone())
        .header(reqwest::header::CONTENT_TYPE, "application/xml")
        .header(reqwest::header::ACCEPT, "application/xml, text/xml")
        .body(body)
        .send()
        .await
        .map_err(|e| Fatal(http::classify(host, e, timeout_secs).into()))?;
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let transient = matches!(status, 429 | 502 | 503);
    let bytes = match http::read_body(resp, http::DEFAULT_MAX_BODY, Expect::Xml).await {
        Ok((_, b)) => b,
        Err(HttpError::HtmlPage { .. }) if transient => Vec::new(),
        // Cloudflare's 524 page or another 5xx outage page: say which status.
        Err(HttpError::HtmlPage { .. }) if status >= 500 => {
            return Err(Fatal(IntacctError::Server {
                status,
                retried: false,
            }))
        }
        // A body that stalls hits the same per-request timeout: say how long.
        Err(HttpError::Timeout { host, .. }) => {
            return Err(Fatal(
                HttpError::Timeout {
                    host,
                    secs: timeout_secs,
                }
                .into(),
            ))
        }
        Err(e) => return Err(Fatal(e.into())),
    };
    let parsed = if bytes.is_empty() {
        Err("empty body".to_string())
    } else {
        response::parse(&bytes)
    };
    if transient {
        let errors = parsed.map(|r| r.control_errors).unwrap_or_default();
        let errorno = errors.first().map(|e| e.errorno.clone());
        return Err(Transient {
            status,
            errorno,
            errors,
            retry_after,
        });
    }
    match parsed {
        Ok(r) => Ok((status, r)),
        Err(_) if status >= 500 => Err(Fatal(IntacctError::Server {
            status,
            retried: false,
        })),
        Err(e) if status != 200 => Err(Fatal(IntacctError::Protocol(format!(
            "HTTP {status} with an unreadable body ({e})"
        )))),
        Err(e) => Err(Fatal(IntacctError::Malformed(e))),
    }
}

pub(crate) use Outcome::{Fatal, Transient};

pub(crate) enum Outcome {
    Transient {
        status: u16,
        errorno: Option<String>,
        errors: Vec<crate::xml::response::ApiError>,
        retry_after: Option<u64>,
    },
    Fatal(IntacctError),
}

pub(crate) fn backoff(attempt: u32, retry_after: Option<u64>) -> Duration {
    if let Some(secs) = retry_after {
        return Duration::from_secs(secs.min(30));
    }
    let base = 250u64.saturating_mul(1 << attempt.min(6));
    let jitter = rand::random::<u64>() % (base / 2 + 1);
    Duration::from_millis((base + jitter).min(30_000))
}

/// Control failure, then authentication failure; results are left to the caller.
pub(crate) fn check_layers((http_status, resp): (u16, Response)) -> Result<Response, IntacctError> {
    let control_failed = resp.control.status == "failure"
        || (resp.control.status != "success" && !resp.control_errors.is_empty());
    if control_failed {
        return Err(IntacctError::Control {
            http_status,
            errors: resp.control_errors,
        });
    }
    match &resp.authentication {
        Some(a)
            if a.status == "failure" || (a.status != "success" && !resp.auth_errors.is_empty()) =>
        {
            Err(IntacctError::Authentication {
                errors: resp.auth_errors,
            })
        }
        None if resp.results.is_empty() => Err(IntacctError::Protocol(
            "the response has neither an authentication block nor results".into(),
        )),
        _ => Ok(resp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_checked_in_order() {
        let auth_fail = response::parse(b"<response><control><status>success</status></control><operation><authentication><status>failure</status></authentication><errormessage><error><errorno>XL03000006</errorno></error></errormessage></operation></response>").unwrap();
        assert!(matches!(
            check_layers((200, auth_fail)),
            Err(IntacctError::Authentication { .. })
        ));
        let gw = response::parse(b"<response><control><status>failure</status></control><errormessage><error><errorno>XMLGW_JPP0002</errorno><description>Sign-in information is incorrect. Please check your request.</description></error></errormessage></response>").unwrap();
        assert!(matches!(
            check_layers((401, gw)),
            Err(IntacctError::Control {
                http_status: 401,
                ..
            })
        ));
        // Missing control elements are tolerated when the rest succeeded.
        let partial = response::parse(b"<response><control></control><operation><authentication><status>success</status></authentication><result><status>success</status></result></operation></response>").unwrap();
        assert!(check_layers((200, partial)).is_ok());
    }

    #[test]
    fn backoff_grows_and_honours_retry_after() {
        assert_eq!(backoff(0, Some(2)), Duration::from_secs(2));
        assert_eq!(backoff(0, Some(999)), Duration::from_secs(30));
        let first = backoff(0, None);
        assert!(first >= Duration::from_millis(250) && first <= Duration::from_millis(375));
        assert!(backoff(3, None) >= Duration::from_millis(2000));
    }
}
