//! Rate limits: a short burst of light calls sent together, plus every 429/502/503 the
//! client absorbed during the run, so throttling is reported even when it healed.

use std::sync::Arc;

use onramp_core::{CheckResult, Diagnosis};

use super::{diagnose, needs_signin, with_errors, IntacctCtx};
use crate::client::RetryEvent;
use crate::errors::IntacctError;
use crate::xml::request::Function;

pub const ID: &str = "intacct.rate";
/// As many light calls as the client sends at once by default: one burst.
const BURST: usize = crate::client::DEFAULT_IN_FLIGHT;

pub async fn check(ctx: Arc<IntacctCtx>, id: &'static str, title: &'static str) -> CheckResult {
    let Some(client) = ctx.working().await else {
        return needs_signin(id, title);
    };
    // Sent together (as many at once as the client's allowance lets).
    let burst = (0..BURST).map(|_| client.execute_one(Function::GetApplications));
    let failure = futures::future::join_all(burst)
        .await
        .into_iter()
        .find_map(Result::err);
    let log = ctx.retry_log();
    let gave_up = log.iter().filter(|e| e.gave_up).count();
    if let Some(e) = &failure {
        if !matches!(
            e,
            IntacctError::RateLimited { .. } | IntacctError::Server { .. }
        ) {
            let r = CheckResult::fail(
                id,
                title,
                format!("A light request failed: {e}"),
                diagnose(&ctx, e),
            );
            return with_errors(r, e);
        }
    }
    if failure.is_some() || gave_up > 0 {
        let e = failure.unwrap_or(IntacctError::RateLimited {
            attempts: 0,
            errors: Vec::new(),
        });
        let r = CheckResult::fail(
            id,
            title,
            format!("Sage Intacct kept refusing requests after backing off ({gave_up} request(s) given up); a connector will be throttled the same way."),
            diagnose(&ctx, &e),
        );
        return with_retries(r, &log);
    }
    let throttled = log.iter().filter(|e| e.status == 429).count();
    let waited: u64 = log.iter().map(|e| e.waited_ms).sum();
    let r = if log.is_empty() {
        CheckResult::pass(
            id,
            title,
            "No rate limiting or transient gateway errors were met.",
        )
    } else if throttled > 0 {
        CheckResult::warn(
            id,
            title,
            format!("The gateway rate-limited this company {throttled} time(s) (HTTP 429, GW-0010); Onramp recovered by backing off ({waited} ms in total)."),
            Diagnosis::new(
                "The company's API level of service (performance tier) is being reached, possibly together with other integrations running now.",
                "Make sure the connector backs off and retries on HTTP 429; spread its sync over time, away from other integrations, and ask Sage about a higher performance tier if it happens often.",
                "Your Sage Intacct account manager (performance tier); API volume per integration: Company > Admin > Usage metrics > Usage insights > API usage",
            ),
        )
    } else {
        CheckResult::warn(
            id,
            title,
            format!("The gateway answered {} time(s) with a temporary error (HTTP 502/503); Onramp recovered by retrying.", log.len()),
            Diagnosis::new("Sage Intacct had a transient failure.", "No change needed; run the checks again later if other checks failed.", "Sage Intacct status page"),
        )
    };
    with_retries(r, &log)
}

/// Totals first (what a reader needs), then every retried answer.
fn with_retries(mut r: CheckResult, log: &[RetryEvent]) -> CheckResult {
    if log.is_empty() {
        return r;
    }
    let throttled = log.iter().filter(|e| e.status == 429).count();
    let waited: u64 = log.iter().map(|e| e.waited_ms).sum();
    r = r
        .with_evidence("Rate limited (HTTP 429)", format!("{throttled} time(s)"))
        .with_evidence("Waited before retrying", format!("{waited} ms in total"));
    for e in log {
        r = r.with_evidence("Retried", describe(e));
    }
    r
}

fn describe(e: &RetryEvent) -> String {
    let code = e
        .errorno
        .as_deref()
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    if e.gave_up {
        format!("HTTP {}{code}: gave up", e.status)
    } else {
        format!(
            "HTTP {}{code}: waited {} ms and retried",
            e.status, e.waited_ms
        )
    }
}
