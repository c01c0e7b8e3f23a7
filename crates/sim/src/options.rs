//! Run-time options of a simulator instance, independent of the scenario:
//! where to listen, artificial latency, the NetSuite concurrency pool, the clock
//! and where the simulated accounts keep what they issued.

use std::path::PathBuf;
use std::time::Duration;

use time::OffsetDateTime;

#[derive(Debug, Clone, Default)]
pub struct SimOptions {
    /// Port on 127.0.0.1; `None` picks a free one.
    pub port: Option<u16>,
    /// Added to every ERP request (not to `/__sim/...`), inside the concurrency slot.
    pub latency: Duration,
    /// NetSuite account-wide concurrency pool; `None` uses the scenario's value.
    pub concurrency_limit: Option<u32>,
    /// Overrides the scenario's clock offset (seconds the simulated service is ahead).
    pub clock_offset_secs: Option<i64>,
    /// Freezes the simulated clock at this instant (tests at exact time edges).
    pub fixed_now: Option<OffsetDateTime>,
    /// Who may drive a started simulator (see `gate`).
    pub access: Access,
    /// Bounds on connections (see `serve`).
    pub limits: Limits,
    /// A folder where the simulated accounts keep what changed in them through
    /// the APIs (`netsuite.json`, `intacct.json`), so a restarted simulator
    /// honours it as the real service would; `None` forgets it at shutdown.
    pub memory: Option<PathBuf>,
}

/// How many connections a started simulator keeps open at once, and how long
/// a client may take to send a request's headers (slow clients are closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_connections: usize,
    pub header_read_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: 256,
            header_read_timeout: Duration::from_secs(10),
        }
    }
}

/// The first path segment every request must carry. A random one (the
/// default) means only whoever was handed `SimHandle::base_url` can reach the
/// simulator: not a web page in the user's browser, not another program.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Access {
    /// A fresh random secret per start.
    #[default]
    RandomSecret,
    /// A given secret (URL-safe characters only).
    Secret(String),
    /// No secret: requests go straight to `/<host>/...` (tests of the bare router).
    Open,
}

impl SimOptions {
    /// The clock a service should use, given the offset its scenario asks for.
    pub fn clock(&self, scenario_offset_secs: i64) -> SimClock {
        SimClock {
            fixed: self.fixed_now,
            offset_secs: self.clock_offset_secs.unwrap_or(scenario_offset_secs),
        }
    }
}

/// The simulated service's notion of "now": the real clock shifted by an offset,
/// or a frozen instant. Clients measure their skew against it.
#[derive(Debug, Clone, Copy)]
pub struct SimClock {
    fixed: Option<OffsetDateTime>,
    offset_secs: i64,
}

impl SimClock {
    pub fn now(&self) -> OffsetDateTime {
        match self.fixed {
            Some(t) => t,
            None => OffsetDateTime::now_utc() + time::Duration::seconds(self.offset_secs),
        }
    }

    pub fn offset_secs(&self) -> i64 {
        self.offset_secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_offset_overrides_scenario_and_fixed_clock_wins() {
        let opts = SimOptions {
            clock_offset_secs: Some(-30),
            ..Default::default()
        };
        let clock = opts.clock(600);
        assert_eq!(clock.offset_secs(), -30);
        let drift = (clock.now() - OffsetDateTime::now_utc()).whole_seconds();
        assert!((-32..=-28).contains(&drift), "drift {drift}");

        let at = OffsetDateTime::from_unix_timestamp(1_508_242_306).unwrap();
        let frozen = SimOptions {
            fixed_now: Some(at),
            ..Default::default()
        }
        .clock(600);
        assert_eq!(frozen.now(), at);
    }
}
