//! Redirect URIs (https or a custom app scheme, never plain http) and the
//! parsing of the address NetSuite redirects to, whether it arrives by deep
//! link or is pasted by the user.

use onramp_core::redact::redact_fields;
use url::Url;

use super::pkce::State;
use super::OAuthError;

/// Schemes that are neither https nor an app's own scheme.
const REFUSED_SCHEMES: &[&str] = &[
    "http",
    "ftp",
    "file",
    "data",
    "javascript",
    "about",
    "blob",
    "ws",
    "wss",
    "mailto",
];

/// A redirect URI as registered on the integration record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectUri(Url);

impl RedirectUri {
    pub fn parse(input: &str) -> Result<Self, OAuthError> {
        let trimmed = input.trim();
        let url = Url::parse(trimmed).map_err(|e| {
            OAuthError::InvalidInput(format!(
                "'{trimmed}' is not a valid redirect URI ({e}); use https://… or an app scheme such as com.onramp.app://oauth/callback"
            ))
        })?;
        let scheme = url.scheme();
        if scheme == "http" {
            return Err(OAuthError::InvalidInput(format!(
                "NetSuite does not accept plain http:// redirect URIs ('{trimmed}'); use https://… or an app scheme such as com.onramp.app://oauth/callback"
            )));
        }
        if REFUSED_SCHEMES.contains(&scheme) {
            return Err(OAuthError::InvalidInput(format!(
                "'{scheme}:' cannot receive an OAuth redirect; use https://… or an app scheme such as com.onramp.app://oauth/callback"
            )));
        }
        if scheme == "https" && url.host_str().is_none_or(str::is_empty) {
            return Err(OAuthError::InvalidInput(format!(
                "the redirect URI '{trimmed}' has no host"
            )));
        }
        if url.fragment().is_some() {
            return Err(OAuthError::InvalidInput(
                "a redirect URI cannot contain a '#' fragment".into(),
            ));
        }
        Ok(Self(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn url(&self) -> &Url {
        &self.0
    }

    /// Same scheme, host, port and path: query and fragment are where NetSuite's answer goes.
    fn same_target(&self, other: &Url) -> bool {
        let a = &self.0;
        a.scheme().eq_ignore_ascii_case(other.scheme())
            && a.host_str().map(str::to_ascii_lowercase)
                == other.host_str().map(str::to_ascii_lowercase)
            && a.port_or_known_default() == other.port_or_known_default()
            && a.path().trim_end_matches('/') == other.path().trim_end_matches('/')
    }
}

/// What a successful authorize redirect carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationResponse {
    /// Single-use authorization code; exchanged at once.
    pub code: String,
    /// Internal ID of the role the user chose on the consent page.
    pub role: Option<String>,
    /// Internal ID of the employee (entity) who consented.
    pub entity: Option<String>,
    /// The account ID (company) the consent was given in.
    pub company: Option<String>,
}

/// Parses the redirected address, checking it is ours and belongs to this attempt.
pub fn parse_redirect(
    input: &str,
    expected: &RedirectUri,
    state: &State,
) -> Result<AuthorizationResponse, OAuthError> {
    // Pasted addresses often carry line breaks or spaces from wrapping; URLs never contain them.
    let cleaned: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if cleaned.is_empty() {
        return Err(OAuthError::InvalidInput(
            "nothing was pasted; copy the whole address from the browser's address bar after you click Allow".into(),
        ));
    }
    let url = Url::parse(&cleaned).map_err(|_| {
        OAuthError::InvalidInput(
            "that is not a complete address; copy the whole address (starting with the scheme, e.g. com.onramp.app://) from the browser after you click Allow".into(),
        )
    })?;
    if !expected.same_target(&url) {
        return Err(OAuthError::InvalidInput(format!(
            "the address does not lead to this app's redirect URI {}; paste the address NetSuite sent you to after you clicked Allow",
            expected.as_str()
        )));
    }
    let get = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let Some(returned) = get("state") {
        if !state.matches(&returned) {
            return Err(OAuthError::StateMismatch);
        }
    }
    if let Some(error) = get("error") {
        // The redirect is server text: a code or token quoted in it stays out.
        return Err(OAuthError::Authorize {
            error: redact_fields(&error),
            description: get("error_description").map(|d| redact_fields(&d)),
        });
    }
    if get("state").is_none() {
        return Err(OAuthError::StateMismatch);
    }
    let code = get("code").ok_or_else(|| {
        OAuthError::InvalidInput(
            "the address has no authorization code; it may have been cut off when copied. Copy the whole address again".into(),
        )
    })?;
    Ok(AuthorizationResponse {
        code,
        role: get("role"),
        entity: get("entity"),
        company: get("company"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REDIRECT: &str = "com.onramp.app://oauth/callback";

    fn setup() -> (RedirectUri, State) {
        (
            RedirectUri::parse(REDIRECT).unwrap(),
            State::from_saved("abcdefghijklmnopqrstuvwxyz").unwrap(),
        )
    }

    #[test]
    fn redirect_uri_rules() {
        assert!(RedirectUri::parse("https://example.com/cb").is_ok());
        assert!(RedirectUri::parse("  com.onramp.app://oauth/callback\n").is_ok());
        let e = RedirectUri::parse("http://example.com/cb").unwrap_err();
        assert!(e.to_string().contains("http://"), "{e}");
        assert!(RedirectUri::parse("javascript:alert(1)").is_err());
        assert!(RedirectUri::parse("https://example.com/cb#x").is_err());
        assert!(RedirectUri::parse("not a url").is_err());
    }

    #[test]
    fn pasted_url_with_whitespace_is_parsed() {
        let (r, s) = setup();
        let pasted = "  com.onramp.app://oauth/callback?state=abcdefghijklmnopqrstuvwxyz&role=1000\n&entity=12&company=1234567&code=xyz123  ";
        let resp = parse_redirect(pasted, &r, &s).unwrap();
        assert_eq!(resp.code, "xyz123");
        assert_eq!(resp.role.as_deref(), Some("1000"));
        assert_eq!(resp.entity.as_deref(), Some("12"));
        assert_eq!(resp.company.as_deref(), Some("1234567"));
    }

    #[test]
    fn state_mismatch_and_missing_state_are_refused() {
        let (r, s) = setup();
        let other = "com.onramp.app://oauth/callback?state=zzzzzzzzzzzzzzzzzzzzzzzzzz&code=x";
        assert!(matches!(
            parse_redirect(other, &r, &s),
            Err(OAuthError::StateMismatch)
        ));
        let none = "com.onramp.app://oauth/callback?code=x";
        assert!(matches!(
            parse_redirect(none, &r, &s),
            Err(OAuthError::StateMismatch)
        ));
    }

    #[test]
    fn error_redirect_is_reported() {
        let (r, s) = setup();
        let denied =
            "com.onramp.app://oauth/callback?state=abcdefghijklmnopqrstuvwxyz&error=access_denied";
        let e = parse_redirect(denied, &r, &s).unwrap_err();
        assert_eq!(e.error_code(), Some("access_denied"));
    }

    #[test]
    fn foreign_or_partial_addresses_are_refused() {
        let (r, s) = setup();
        let foreign = "https://evil.example/cb?state=abcdefghijklmnopqrstuvwxyz&code=x";
        assert!(parse_redirect(foreign, &r, &s).is_err());
        assert!(parse_redirect("code=x&state=y", &r, &s).is_err());
        assert!(parse_redirect("   ", &r, &s).is_err());
        let no_code = "com.onramp.app://oauth/callback?state=abcdefghijklmnopqrstuvwxyz";
        assert!(parse_redirect(no_code, &r, &s)
            .unwrap_err()
            .to_string()
            .contains("no authorization code"));
    }
}
