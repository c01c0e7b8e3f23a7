//! `netsuite.concurrency`: the account's limit when the role may read it
//! (administrators), otherwise what this run saw. Throttling during the run is
//! reported, never a failure: retries absorb it and the pool is shared with
//! every other integration on the account.

use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{pass, paths, warn, Ctx};

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let client = c.facts.client();
    let ours = client.governor().limit();
    let limits = client.governance_limits().await;
    let stats = client.governor().stats();
    let seen = format!(
        "{} requests so far, at most {ours} at once; {} answered 429 (concurrency limit)",
        stats.requests, stats.throttled
    );
    let account_limit = limits
        .as_ref()
        .ok()
        .and_then(|l| l.account_concurrency_limit);
    let result = match account_limit {
        Some(limit) if limit <= 1 => warn(
            format!("The account allows only {limit} concurrent request(s); the connector will queue behind every other integration."),
            headroom(),
        ),
        Some(limit) => pass(format!("The account allows {limit} concurrent requests across all integrations.")),
        None if stats.throttled > 0 => warn(
            format!("NetSuite throttled this run {} time(s): the account's request pool is busy or small.", stats.throttled),
            headroom(),
        ),
        None => pass("No throttling seen; the account's limit is visible to administrators only (governanceLimits)."),
    };
    result.with_evidence("This run", seen)
}

fn headroom() -> Diagnosis {
    Diagnosis::new(
        "SOAP, REST and RESTlet calls of all integrations share one account-wide pool (5 on the smallest tiers; each SuiteCloud Plus license adds 10).",
        "Give this integration its own share of the limit, or schedule heavy jobs apart; retries with backoff absorb short bursts.",
        paths::INTEGRATION_GOVERNANCE,
    )
}
