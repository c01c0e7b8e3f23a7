//! `netsuite.concurrency`: the concurrency this integration really has, when
//! governanceLimits may be read (administrators only), otherwise what this run
//! saw. An integration without a limit of its own shares the account's
//! unallocated pool with every other such integration. Throttling during the
//! run is reported, never a failure: retries absorb it.

use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{pass, paths, warn, Ctx};
use crate::client::{GovernanceLimits, LimitType};

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let client = c.facts.client();
    let ours = client.governor().limit();
    let own = c.facts.limits().await;
    let stats = client.governor().stats();
    let seen = format!(
        "{} requests so far, at most {ours} at once; {} answered 429 (concurrency limit)",
        stats.requests, stats.throttled
    );
    let result = match own.as_ref() {
        Ok(limits) => from_limits(limits, true),
        // The administrator's sign-in shows the account's figures; its limit
        // type is that of the administrator's own integration, not this one's.
        Err(_) => match c.facts.admin() {
            Some(admin) => match admin.governance_limits().await {
                Ok(limits) => from_limits(&limits, false),
                Err(_) => from_run(stats.throttled),
            },
            None => from_run(stats.throttled),
        },
    };
    result.with_evidence("This run", seen)
}

fn from_limits(l: &GovernanceLimits, this_integration: bool) -> CheckResult {
    let account = l
        .account_concurrency_limit
        .map_or("an unknown number of".into(), |n| n.to_string());
    let unallocated = l.account_unallocated_concurrency_limit;
    let headroom = if this_integration {
        l.headroom()
    } else {
        unallocated
    };
    let how = match (this_integration, l.integration_limit_type.as_ref()) {
        (true, Some(LimitType::IntegrationSpecific)) => "its own limit".to_string(),
        (true, Some(LimitType::Internal)) => {
            return pass(format!("NetSuite treats this integration as internal and does not show its limit; the account allows {account} concurrent requests."))
        }
        _ => format!(
            "the account's unallocated pool, shared by every integration without a limit of its own (account limit {account})"
        ),
    };
    let result = match headroom {
        Some(n) if n <= 1 => warn(
            format!("This integration may send {n} concurrent request(s), from {how}: it will queue behind the others."),
            headroom_advice(),
        ),
        Some(n) => pass(format!("This integration may send {n} concurrent requests, from {how}.")),
        None => pass(format!("The account allows {account} concurrent requests across all integrations.")),
    };
    let result = match l.account_concurrency_limit {
        Some(n) => result.with_evidence("Account concurrency limit", n.to_string()),
        None => result,
    };
    match unallocated {
        Some(n) => result.with_evidence("Unallocated (shared) concurrency limit", n.to_string()),
        None => result,
    }
}

fn from_run(throttled: u64) -> CheckResult {
    if throttled > 0 {
        return warn(
            format!("NetSuite throttled this run {throttled} time(s): the account's request pool is busy or small."),
            headroom_advice(),
        );
    }
    pass("No throttling seen; the account's limits are visible to administrators only (governanceLimits).")
}

fn headroom_advice() -> Diagnosis {
    Diagnosis::new(
        "SOAP, REST and RESTlet calls of all integrations share one account-wide pool (5 on the smallest tiers; each SuiteCloud Plus license adds 10); integrations without a limit of their own share what is not allocated.",
        "Give this integration its own share of the limit, or schedule heavy jobs apart; retries with backoff absorb short bursts.",
        paths::INTEGRATION_GOVERNANCE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::CheckStatus;
    use serde_json::json;

    #[test]
    fn headroom_is_the_integrations_own_limit_or_the_shared_pool() {
        // Oracle's samples (ORA:article_0625010817), verbatim.
        let specific = GovernanceLimits::from_json(json!({
            "accountConcurrencyLimit": 5,
            "accountUnallocatedConcurrencyLimit": 3,
            "integrationConcurrencyLimit": 2,
            "integrationLimitType": "integrationSpecific"
        }));
        let r = from_limits(&specific, true);
        assert_eq!(r.status, CheckStatus::Pass);
        assert!(
            r.summary
                .contains("2 concurrent requests, from its own limit"),
            "{}",
            r.summary
        );
        let shared = GovernanceLimits::from_json(json!({
            "accountConcurrencyLimit": 5,
            "accountUnallocatedConcurrencyLimit": 3,
            "integrationLimitType": "accountLimit"
        }));
        let r = from_limits(&shared, true);
        assert!(
            r.summary
                .contains("3 concurrent requests, from the account's unallocated pool"),
            "{}",
            r.summary
        );
        let internal = GovernanceLimits::from_json(json!({
            "accountConcurrencyLimit": 5,
            "accountUnallocatedConcurrencyLimit": 3,
            "integrationLimitType": "internal"
        }));
        assert!(from_limits(&internal, true).summary.contains("internal"));
        // Read with an administrator's sign-in: its limit type is not this integration's.
        let r = from_limits(&specific, false);
        assert!(r.summary.contains("3 concurrent requests"), "{}", r.summary);
    }
}
