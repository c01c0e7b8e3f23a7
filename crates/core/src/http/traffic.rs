//! What a run costs the ERP account: how many requests it sent and how many
//! were in flight at once. The account's request pool is shared with the
//! customer's live connector, so runs report both (run records, benchmarks).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use specta::Type;

/// Counts one run's requests; clones share the counts.
#[derive(Debug, Clone, Default)]
pub struct Traffic(Arc<Counts>);

#[derive(Debug, Default)]
struct Counts {
    requests: AtomicU64,
    in_flight: AtomicU32,
    peak: AtomicU32,
}

/// A run's requests as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Type)]
pub struct TrafficStats {
    /// HTTP requests sent, retries included.
    pub requests: u32,
    /// Most requests in flight at the same moment.
    pub peak_concurrency: u32,
}

/// One request in flight; dropping it ends the request.
#[must_use = "the request counts as in flight until this is dropped"]
pub struct InFlight(Arc<Counts>);

impl Traffic {
    /// Marks a request as sent and in flight until the guard is dropped.
    pub fn begin(&self) -> InFlight {
        let c = &self.0;
        c.requests.fetch_add(1, Ordering::Relaxed);
        let now = c.in_flight.fetch_add(1, Ordering::AcqRel) + 1;
        c.peak.fetch_max(now, Ordering::AcqRel);
        InFlight(self.0.clone())
    }

    pub fn stats(&self) -> TrafficStats {
        TrafficStats {
            requests: u32::try_from(self.0.requests.load(Ordering::Relaxed)).unwrap_or(u32::MAX),
            peak_concurrency: self.0.peak.load(Ordering::Acquire),
        }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_requests_and_the_most_at_once() {
        let t = Traffic::default();
        let shared = t.clone();
        let a = t.begin();
        let b = shared.begin();
        drop(a);
        let c = t.begin();
        drop((b, c));
        let _d = t.begin();
        assert_eq!(
            t.stats(),
            TrafficStats {
                requests: 4,
                peak_concurrency: 2
            }
        );
    }
}
