//! Redirect policy for credential-bearing requests. reqwest drops the
//! Authorization header when a redirect leaves the host, but a 307/308 re-sends
//! the body, and ERP requests carry secrets there too (refresh tokens, client
//! assertions, Intacct passwords, client secrets). So a redirect is followed
//! only to the same origin (scheme, host and port): never to another server and
//! never from HTTPS to HTTP. A refusal names where the server pointed.

use reqwest::redirect::{Attempt, Policy};
use url::Url;

/// Same-origin redirects followed before giving up (a loop ends here).
const MAX_REDIRECTS: usize = 10;

/// Why a redirect was not followed; carried inside reqwest's error.
#[derive(Debug, thiserror::Error)]
#[error("redirect to {to} refused")]
pub(super) struct Refused {
    pub to: String,
    pub downgrade: bool,
}

pub(super) fn policy() -> Policy {
    Policy::custom(decide)
}

fn decide(attempt: Attempt) -> reqwest::redirect::Action {
    let Some(from) = attempt.previous().last().cloned() else {
        return attempt.stop();
    };
    let to = attempt.url().clone();
    if let Some(refused) = check(&from, &to) {
        return attempt.error(refused);
    }
    if attempt.previous().len() > MAX_REDIRECTS {
        return attempt.error("too many redirects (a redirect loop)");
    }
    attempt.follow()
}

/// `None` when `to` may be followed from `from`.
pub(super) fn check(from: &Url, to: &Url) -> Option<Refused> {
    if from.origin() == to.origin() {
        return None;
    }
    Some(Refused {
        to: redacted(to),
        downgrade: from.scheme() == "https" && to.scheme() != "https",
    })
}

/// The address without user info, query or fragment: those can carry secrets.
pub(super) fn redacted(url: &Url) -> String {
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.set_query(None);
    u.set_fragment(None);
    u.to_string()
}

/// The refusal inside a reqwest error, if that is what stopped the request.
pub(super) fn refused(e: &reqwest::Error) -> Option<&Refused> {
    if !e.is_redirect() {
        return None;
    }
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(inner) = src {
        if let Some(r) = inner.downcast_ref::<Refused>() {
            return Some(r);
        }
        src = inner.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any Location a server sends (that parses as a URL): only the same
        /// origin is followed, and the named target never carries a query,
        /// fragment or user info.
        #[test]
        fn redirect_targets_are_judged_and_redacted(
            scheme in prop_oneof![Just("https"), Just("http"), Just("ftp"), Just("file")],
            user in "[a-z]{0,5}(:[a-z]{0,5})?",
            host in prop_oneof![Just("a.example".to_string()), Just("127.0.0.1".to_string()), "[a-z0-9.-]{1,20}"],
            port in proptest::option::of(1u16..),
            rest in "[/?#a-zA-Z0-9=&%._~-]{0,40}",
        ) {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            let at = if user.is_empty() { String::new() } else { format!("{user}@") };
            let Ok(to) = Url::parse(&format!("{scheme}://{at}{host}{port}/{rest}")) else {
                return Ok(());
            };
            let from = Url::parse("https://a.example/x").unwrap();
            match check(&from, &to) {
                None => prop_assert_eq!(from.origin(), to.origin()),
                Some(r) => {
                    prop_assert!(!r.to.contains('?') && !r.to.contains('#'));
                    prop_assert!(!r.to.contains('@'), "{}", r.to);
                    prop_assert_eq!(r.downgrade, to.scheme() != "https");
                }
            }
        }
    }

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn same_origin_is_followed_and_everything_else_refused() {
        assert!(check(&u("https://a.example/x"), &u("https://a.example/y?z=1")).is_none());
        let port = check(&u("http://127.0.0.1:1/x"), &u("http://127.0.0.1:2/x")).unwrap();
        assert!(!port.downgrade);
        let host = check(&u("https://a.example/x"), &u("https://b.example/x")).unwrap();
        assert_eq!(host.to, "https://b.example/x");
        let down = check(&u("https://a.example/x"), &u("http://a.example/x")).unwrap();
        assert!(down.downgrade);
    }

    #[test]
    fn the_named_target_carries_no_query_or_user_info() {
        let r = check(
            &u("https://a.example/"),
            &u("https://user:pw@evil.example:8443/p?code=SECRET#frag"),
        )
        .unwrap();
        assert_eq!(r.to, "https://evil.example:8443/p");
    }
}
