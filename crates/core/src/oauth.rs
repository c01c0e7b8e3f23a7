//! An OAuth 2.0 token response as real services send it. RFC 6749 makes
//! `expires_in` a number, but NetSuite sends the string `"3600"` (Oracle's
//! samples; a public client failed on it against a 2025.2 account,
//! modelcontextprotocol/typescript-sdk#1120), so both are read here, once, for
//! every ERP. A lifetime that makes no sense is refused with a message, never
//! trusted or allowed to overflow a date.

use serde::Deserialize;
use serde_json::Value;
use time::Duration;

/// Longer lifetimes are cut to this: no access token Onramp uses lives a day.
pub const MAX_LIFETIME: Duration = Duration::days(1);

/// The fields of a successful token response Onramp reads.
#[derive(Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default)]
    expires_in: Option<Value>,
    /// Space-separated, when the service reports it.
    #[serde(default)]
    pub scope: Option<String>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse").finish_non_exhaustive()
    }
}

impl TokenResponse {
    /// Parses a body; the error never quotes the body (it holds the new tokens).
    pub fn parse(body: &[u8]) -> Result<Self, String> {
        let parsed: Self = serde_json::from_slice(body).map_err(|e| {
            format!(
                "the token response is not the JSON OAuth 2.0 describes ({:?} at line {}, column {})",
                e.classify(),
                e.line(),
                e.column()
            )
        })?;
        if parsed.access_token.trim().is_empty() {
            return Err("the token response has an empty access_token".into());
        }
        Ok(parsed)
    }

    /// The access token's lifetime: `Ok(None)` when not given.
    pub fn expires_in(&self) -> Result<Option<Duration>, String> {
        self.expires_in.as_ref().map(lifetime).transpose()
    }

    pub fn scopes(&self) -> Vec<String> {
        self.scope
            .as_deref()
            .unwrap_or_default()
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// A number or numeric string of seconds, saturated at `MAX_LIFETIME`.
pub fn lifetime(v: &Value) -> Result<Duration, String> {
    let secs: f64 = match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) => s.trim().parse::<f64>().unwrap_or(f64::NAN),
        _ => f64::NAN,
    };
    if !secs.is_finite() {
        return Err(format!(
            "the token response's expires_in ({}) is not a number of seconds",
            shown(v)
        ));
    }
    if secs <= 0.0 {
        return Err(format!(
            "the token response says the access token expires in {} seconds, so it cannot be used",
            shown(v)
        ));
    }
    let max = MAX_LIFETIME.whole_seconds() as f64;
    Ok(Duration::seconds(secs.min(max) as i64))
}

/// The value as a short quote: never long, never a secret (it is a lifetime field).
fn shown(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        s.chars().take(40).chain("…".chars()).collect()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> TokenResponse {
        TokenResponse::parse(body.as_bytes()).unwrap()
    }

    #[test]
    fn number_and_numeric_string_are_both_read() {
        let s = parse(r#"{"access_token":"a","expires_in":"3600","token_type":"Bearer"}"#);
        assert_eq!(s.expires_in(), Ok(Some(Duration::seconds(3600))));
        let n = parse(r#"{"access_token":"a","expires_in":3600}"#);
        assert_eq!(n.expires_in(), Ok(Some(Duration::seconds(3600))));
        assert_eq!(parse(r#"{"access_token":"a"}"#).expires_in(), Ok(None));
        assert_eq!(
            parse(r#"{"access_token":"a","expires_in":null}"#).expires_in(),
            Ok(None)
        );
        assert_eq!(
            parse(r#"{"access_token":"a","expires_in":" 60 "}"#).expires_in(),
            Ok(Some(Duration::seconds(60)))
        );
    }

    #[test]
    fn absurd_lifetimes_saturate_or_are_refused_without_panicking() {
        let max = Ok(Some(MAX_LIFETIME));
        for huge in [
            format!("{}", i64::MAX),
            format!("\"{}\"", i64::MAX),
            format!("{}", u64::MAX),
            "1e300".into(),
            "\"99999999999999999999999999\"".into(),
        ] {
            let r = parse(&format!(r#"{{"access_token":"a","expires_in":{huge}}}"#));
            assert_eq!(r.expires_in(), max, "{huge}");
        }
        for bad in [
            "-5", "\"-1\"", "0", "\"soon\"", "true", "[1]", "\"NaN\"", "\"inf\"",
        ] {
            let r = parse(&format!(r#"{{"access_token":"a","expires_in":{bad}}}"#));
            let e = r.expires_in().unwrap_err();
            assert!(e.contains("expires"), "{bad}: {e}");
        }
    }

    #[test]
    fn a_parse_error_never_quotes_the_body() {
        let body = br#"{"access_token":"SECRET-ACCESS","refresh_token":7}"#;
        let e = TokenResponse::parse(body).unwrap_err();
        assert!(!e.contains("SECRET"), "{e}");
        assert!(TokenResponse::parse(br#"{"access_token":"  "}"#).is_err());
        let ok = parse(r#"{"access_token":"SECRET-ACCESS","scope":"a b"}"#);
        assert!(!format!("{ok:?}").contains("SECRET"));
        assert_eq!(ok.scopes(), ["a", "b"]);
    }
}
