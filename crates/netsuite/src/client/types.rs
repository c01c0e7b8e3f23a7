//! Response shapes of the REST endpoints the checks use.

use std::time::SystemTime;

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::ClockObservation;
use crate::errors::NetSuiteError;

/// `{"serverTime":"2025-03-26T16:21:00.000Z"}` with its millisecond clock.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerTime {
    pub raw: String,
    pub clock: Option<ClockObservation>,
}

impl ServerTime {
    /// An answer without a `serverTime` (an empty 200 from a proxy, say) is
    /// refused: only NetSuite's own answer proves the sign-in worked.
    pub fn from_json(
        body: &Value,
        sent: SystemTime,
        received: SystemTime,
    ) -> Result<Self, NetSuiteError> {
        let raw = body
            .get("serverTime")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| NetSuiteError::NotJson {
                status: 200,
                snippet: "an answer without \"serverTime\"".into(),
            })?
            .to_string();
        let clock = OffsetDateTime::parse(&raw, &Rfc3339)
            .ok()
            .map(|t| ClockObservation::new(SystemTime::from(t), sent, received));
        Ok(Self { raw, clock })
    }
}

/// A page of a record collection or a SuiteQL result.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    pub count: u64,
    pub has_more: bool,
    pub offset: u64,
    pub total_results: Option<u64>,
    pub items: Vec<Value>,
}

fn number(v: Option<&Value>) -> Option<u64> {
    // SuiteQL returns numbers as strings; accept both.
    v.and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
}

impl Collection {
    pub fn from_json(body: Value) -> Result<Self, NetSuiteError> {
        let Some(items) = body.get("items").and_then(Value::as_array) else {
            return Err(NetSuiteError::NotJson {
                status: 200,
                snippet: "a collection without \"items\"".into(),
            });
        };
        Ok(Self {
            count: number(body.get("count")).unwrap_or(items.len() as u64),
            has_more: body
                .get("hasMore")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            offset: number(body.get("offset")).unwrap_or(0),
            total_results: number(body.get("totalResults")),
            items: items.clone(),
        })
    }
}

/// `integrationLimitType` of `governanceLimits` (Oracle help article_0625010817).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitType {
    /// A limit has been allocated to the integration (`integrationConcurrencyLimit`).
    IntegrationSpecific,
    /// No limit of its own: it shares the account's unallocated pool.
    AccountLimit,
    /// An internal application; NetSuite does not show its limit.
    Internal,
    /// A value Oracle does not document, kept as sent.
    Other(String),
}

impl LimitType {
    fn parse(s: &str) -> Self {
        match s {
            "integrationSpecific" => Self::IntegrationSpecific,
            "accountLimit" => Self::AccountLimit,
            "internal" => Self::Internal,
            other => Self::Other(other.to_string()),
        }
    }
}

/// `GET /system/v1/governanceLimits`.
#[derive(Debug, Clone, PartialEq)]
pub struct GovernanceLimits {
    pub account_concurrency_limit: Option<u64>,
    /// What every integration without a limit of its own shares.
    pub account_unallocated_concurrency_limit: Option<u64>,
    /// Present only when the limit type is `integrationSpecific`.
    pub integration_concurrency_limit: Option<u64>,
    pub integration_limit_type: Option<LimitType>,
}

impl GovernanceLimits {
    pub fn from_json(raw: Value) -> Self {
        Self {
            account_concurrency_limit: number(raw.get("accountConcurrencyLimit")),
            account_unallocated_concurrency_limit: number(
                raw.get("accountUnallocatedConcurrencyLimit"),
            ),
            integration_concurrency_limit: number(raw.get("integrationConcurrencyLimit")),
            integration_limit_type: raw
                .get("integrationLimitType")
                .and_then(Value::as_str)
                .map(LimitType::parse),
        }
    }

    /// Concurrent requests this integration may really send: its own limit,
    /// or the unallocated pool it shares with every integration without one.
    /// `None` for an internal application or an answer missing the figure.
    pub fn headroom(&self) -> Option<u64> {
        match self.integration_limit_type.as_ref()? {
            LimitType::IntegrationSpecific => self.integration_concurrency_limit,
            LimitType::AccountLimit => self.account_unallocated_concurrency_limit,
            LimitType::Internal | LimitType::Other(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn suiteql_strings_are_numbers() {
        let c = Collection::from_json(json!({"links":[],"count":"2","hasMore":true,"offset":"0","totalResults":"143","items":[{"permkey":"LIST_CURRENCY","permlevel":"4"},{}]})).unwrap();
        assert_eq!((c.count, c.has_more, c.total_results), (2, true, Some(143)));
        assert!(Collection::from_json(json!({"count":1})).is_err());
    }

    #[test]
    fn server_time_parses_rfc3339() {
        let now = SystemTime::now();
        let t = ServerTime::from_json(&json!({"serverTime":"2025-03-26T16:21:00.000Z"}), now, now)
            .unwrap();
        assert_eq!(t.raw, "2025-03-26T16:21:00.000Z");
        assert!(t.clock.unwrap().skew_secs() < 0);
        // An empty 200 (no body) or a blank time is not a sign-in.
        assert!(ServerTime::from_json(&Value::Null, now, now).is_err());
        assert!(ServerTime::from_json(&json!({"serverTime": " "}), now, now).is_err());
    }

    #[test]
    fn governance_limits_from_oracles_three_samples() {
        // The three responses of ORA:article_0625010817, verbatim.
        let specific = GovernanceLimits::from_json(json!({
            "accountConcurrencyLimit": 5,
            "accountUnallocatedConcurrencyLimit": 3,
            "integrationConcurrencyLimit": 2,
            "integrationLimitType": "integrationSpecific"
        }));
        assert_eq!(specific.account_concurrency_limit, Some(5));
        assert_eq!(
            specific.integration_limit_type,
            Some(LimitType::IntegrationSpecific)
        );
        assert_eq!(specific.headroom(), Some(2));
        let shared = GovernanceLimits::from_json(json!({
            "accountConcurrencyLimit": 5,
            "accountUnallocatedConcurrencyLimit": 3,
            "integrationLimitType": "accountLimit"
        }));
        assert_eq!(shared.integration_concurrency_limit, None);
        assert_eq!(shared.headroom(), Some(3));
        let internal = GovernanceLimits::from_json(json!({
            "accountConcurrencyLimit": 5,
            "accountUnallocatedConcurrencyLimit": 3,
            "integrationLimitType": "internal"
        }));
        assert_eq!(internal.integration_limit_type, Some(LimitType::Internal));
        assert_eq!(internal.headroom(), None);
    }
}
