//! Clock skew from the server's HTTP `Date` (1-second resolution), available
//! on every answer including a refused login, where it matters most: TBA
//! timestamps more than 5 minutes off are rejected as `InvalidTimestamp`.

use std::time::{Duration, SystemTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockObservation {
    pub server: SystemTime,
    /// Midpoint between sending and receiving on this computer.
    pub local: SystemTime,
}

impl ClockObservation {
    pub fn new(server: SystemTime, sent: SystemTime, received: SystemTime) -> Self {
        let rtt = received.duration_since(sent).unwrap_or_default();
        Self {
            server,
            local: sent + rtt / 2,
        }
    }

    pub fn from_date_header(value: &str, sent: SystemTime, received: SystemTime) -> Option<Self> {
        let server = httpdate::parse_http_date(value.trim()).ok()?;
        Some(Self::new(server, sent, received))
    }

    /// Server minus local, in seconds: positive when this computer is behind.
    pub fn skew_secs(&self) -> i64 {
        match self.server.duration_since(self.local) {
            Ok(ahead) => secs_rounded(ahead),
            Err(e) => -secs_rounded(e.duration()),
        }
    }
}

fn secs_rounded(d: Duration) -> i64 {
    (d.as_millis() as i64 + 500) / 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skew_from_date_header() {
        let sent = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        let received = sent + Duration::from_secs(2);
        let behind =
            ClockObservation::from_date_header("Sun, 06 Nov 1994 08:59:38 GMT", sent, received)
                .unwrap();
        assert_eq!(behind.skew_secs(), 600);
        let ahead =
            ClockObservation::from_date_header("Sun, 06 Nov 1994 08:39:38 GMT", sent, received)
                .unwrap();
        assert_eq!(ahead.skew_secs(), -600);
        assert!(ClockObservation::from_date_header("yesterday", sent, received).is_none());
    }
}
