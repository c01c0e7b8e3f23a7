//! NetSuite governs by concurrent requests per account (5 on the smallest
//! tiers, one pool shared by SOAP, REST and RESTlets). One `Governor` is shared
//! by every check of a run so the run never exceeds the limit itself; 429s
//! from other integrations on the same account are retried with jittered backoff.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use onramp_core::http::{InFlight, Traffic};
use rand::Rng;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub const DEFAULT_CONCURRENCY: usize = 5;

#[derive(Debug, Clone)]
pub struct Governor {
    semaphore: Arc<Semaphore>,
    limit: usize,
    /// Lowered after each 429: the account's pool is smaller or busier than
    /// `limit`, so fewer requests in flight avoid throttling the rest of the run.
    effective: Arc<AtomicUsize>,
    stats: Arc<Counters>,
    traffic: Traffic,
}

#[derive(Debug, Default)]
struct Counters {
    requests: AtomicU64,
    throttled: AtomicU64,
}

/// A request's slot in the pool; dropping it frees the slot.
pub struct Slot {
    _permit: OwnedSemaphorePermit,
    _in_flight: InFlight,
}

/// What a run cost, for the benchmark and the concurrency check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GovernanceStats {
    /// HTTP requests sent, retries included.
    pub requests: u64,
    /// Answers that were 429 / CONCURRENCY_LIMIT_EXCEEDED.
    pub throttled: u64,
    /// Most requests in flight at the same moment.
    pub peak_concurrency: u32,
}

impl Governor {
    pub fn new(limit: usize) -> Self {
        let limit = limit.max(1);
        Self {
            semaphore: Arc::new(Semaphore::new(limit)),
            limit,
            effective: Arc::new(AtomicUsize::new(limit)),
            stats: Arc::default(),
            traffic: Traffic::default(),
        }
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Waits for a slot; the slot frees it when dropped.
    pub async fn acquire(&self) -> Slot {
        self.stats.requests.fetch_add(1, Ordering::Relaxed);
        // The semaphore is never closed, so acquiring cannot fail.
        let permit = self
            .semaphore
            .clone()
            .acquire_owned()
            .await
            .expect("governor semaphore is never closed");
        Slot {
            _permit: permit,
            _in_flight: self.traffic.begin(),
        }
    }

    /// Slots currently usable (the limit, less one per 429 seen, at least 1).
    pub fn effective_limit(&self) -> usize {
        self.effective.load(Ordering::Relaxed)
    }

    /// Records a 429 and takes one slot out of use for the rest of the run.
    pub async fn record_throttled(&self) {
        self.stats.throttled.fetch_add(1, Ordering::Relaxed);
        let shrunk = self
            .effective
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n > 1).then(|| n - 1)
            })
            .is_ok();
        if shrunk {
            if let Ok(permit) = self.semaphore.clone().acquire_owned().await {
                permit.forget();
            }
        }
    }

    /// Never more than `n` requests in flight from now on (at least 1): the
    /// headroom `governanceLimits` reports for this integration. Slots in use
    /// are taken out as they are freed.
    pub async fn cap(&self, n: usize) {
        let n = n.max(1);
        while self
            .effective
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |cur| {
                (cur > n).then(|| cur - 1)
            })
            .is_ok()
        {
            if let Ok(permit) = self.semaphore.clone().acquire_owned().await {
                permit.forget();
            }
        }
    }

    pub fn stats(&self) -> GovernanceStats {
        GovernanceStats {
            requests: self.stats.requests.load(Ordering::Relaxed),
            throttled: self.stats.throttled.load(Ordering::Relaxed),
            peak_concurrency: self.traffic.stats().peak_concurrency,
        }
    }
}

impl Default for Governor {
    fn default() -> Self {
        Self::new(DEFAULT_CONCURRENCY)
    }
}

/// Exponential backoff with jitter: attempt 0 waits 200–400 ms, doubling up to
/// 3.2–6.4 s, so parallel checks that were throttled together spread out.
pub fn backoff(attempt: u32) -> Duration {
    let base_ms = 200u64 << attempt.min(4);
    let jitter = rand::thread_rng().gen_range(0..=base_ms);
    Duration::from_millis(base_ms + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_bounded() {
        for attempt in 0..10 {
            let d = backoff(attempt).as_millis() as u64;
            let base = 200u64 << attempt.min(4);
            assert!((base..=2 * base).contains(&d), "attempt {attempt}: {d}");
        }
    }

    #[tokio::test]
    async fn never_more_than_limit_in_flight() {
        let g = Governor::new(2);
        let a = g.acquire().await;
        let _b = g.acquire().await;
        let third = tokio::time::timeout(Duration::from_millis(50), g.acquire()).await;
        assert!(third.is_err(), "a third permit was granted with limit 2");
        drop(a);
        let third = tokio::time::timeout(Duration::from_millis(500), g.acquire()).await;
        assert!(third.is_ok());
        assert_eq!(g.stats().requests, 4);
        assert_eq!(Governor::new(0).limit(), 1);
    }

    #[tokio::test]
    async fn a_cap_takes_slots_out_of_use() {
        let g = Governor::new(5);
        g.cap(2).await;
        assert_eq!(g.effective_limit(), 2);
        let _a = g.acquire().await;
        let _b = g.acquire().await;
        let third = tokio::time::timeout(Duration::from_millis(50), g.acquire()).await;
        assert!(third.is_err(), "a capped slot was handed out");
        // A cap above the current limit changes nothing.
        g.cap(4).await;
        assert_eq!(g.effective_limit(), 2);
        assert_eq!(g.stats().peak_concurrency, 2);
    }

    #[tokio::test]
    async fn throttling_shrinks_but_never_below_one() {
        let g = Governor::new(3);
        g.record_throttled().await;
        assert_eq!(g.effective_limit(), 2);
        let _a = g.acquire().await;
        let _b = g.acquire().await;
        let third = tokio::time::timeout(Duration::from_millis(50), g.acquire()).await;
        assert!(third.is_err(), "a slot taken out of use was handed out");
        drop((_a, _b));
        g.record_throttled().await;
        g.record_throttled().await;
        assert_eq!(g.effective_limit(), 1);
        assert_eq!(g.stats().throttled, 3);
        let only = tokio::time::timeout(Duration::from_millis(500), g.acquire()).await;
        assert!(only.is_ok());
    }
}
