//! The API session from `getAPISession`: its id, its pod-specific endpoint and
//! when it expires (taken from `sessiontimeout` on every response).

use onramp_core::Secret;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use url::Url;

use crate::errors::IntacctError;
use crate::xml::Node;

/// Refresh a session when fewer than this many seconds remain.
pub const REFRESH_MARGIN: Duration = Duration::minutes(5);

#[derive(Debug, Clone)]
pub struct Session {
    pub id: Secret<String>,
    /// The real gateway URL for this session (pod-specific).
    pub endpoint: Url,
    /// Entity the session is bound to; empty for top level.
    pub location_id: String,
    pub expires_at: Option<OffsetDateTime>,
}

impl Session {
    /// Reads `<data><api>` of a getAPISession result.
    pub fn from_data(data: &Node, timeout: Option<&str>) -> Result<Self, IntacctError> {
        let api = data.child("api").ok_or_else(|| {
            IntacctError::Protocol("getAPISession returned no <api> block".into())
        })?;
        let id = api.child_text("sessionid").unwrap_or_default();
        if id.is_empty() {
            return Err(IntacctError::Protocol(
                "getAPISession returned no session id".into(),
            ));
        }
        let endpoint = check_endpoint(&api.child_text("endpoint").unwrap_or_default())?;
        Ok(Session {
            id: Secret::new(id),
            endpoint,
            location_id: api.child_text("locationid").unwrap_or_default(),
            expires_at: timeout.and_then(parse_time),
        })
    }

    pub fn needs_refresh(&self, now: OffsetDateTime) -> bool {
        match self.expires_at {
            Some(t) => t - now < REFRESH_MARGIN,
            None => false,
        }
    }
}

pub fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s.trim(), &Rfc3339).ok()
}

/// Only HTTPS endpoints on an intacct.com host are followed, like the official SDKs.
pub fn check_endpoint(raw: &str) -> Result<Url, IntacctError> {
    let bad = |why: &str| {
        IntacctError::Protocol(format!(
            "getAPISession returned an unusable endpoint {raw:?}: {why}"
        ))
    };
    let url = Url::parse(raw.trim()).map_err(|e| bad(&e.to_string()))?;
    if url.scheme() != "https" {
        return Err(bad("not HTTPS"));
    }
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    if !(host == "intacct.com" || host.ends_with(".intacct.com")) {
        return Err(bad("not an intacct.com host"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_fixture_session_and_its_timeout() {
        let data = Node::parse(b"<data><api><sessionid>fAkESesSiOnId..</sessionid><endpoint>https://na12.intacct.com/ia/xml/xmlgw.phtml</endpoint><locationid></locationid></api></data>").unwrap();
        let s = Session::from_data(&data, Some("2015-10-23T20:58:27-07:00")).unwrap();
        assert_eq!(s.id.expose(), "fAkESesSiOnId..");
        assert_eq!(s.endpoint.host_str(), Some("na12.intacct.com"));
        let exp = s.expires_at.unwrap();
        assert!(!s.needs_refresh(exp - Duration::minutes(6)));
        assert!(s.needs_refresh(exp - Duration::minutes(4)));
        assert!(s.needs_refresh(exp + Duration::minutes(1)));
    }

    #[test]
    fn refuses_foreign_or_plain_http_endpoints() {
        assert!(check_endpoint("https://evil.example.com/ia/xml/xmlgw.phtml").is_err());
        assert!(check_endpoint("http://api.intacct.com/ia/xml/xmlgw.phtml").is_err());
        assert!(check_endpoint("https://notintacct.com/x").is_err());
        assert!(check_endpoint("https://api.intacct.com/ia/xml/xmlgw.phtml").is_ok());
    }
}
