//! Takes secrets out of server text before Onramp shows, logs or stores it.
//! Servers echo what they were sent (a token in an error detail, a password in
//! an error text) and token endpoints answer with new tokens, so every body or
//! message that reaches an error, a diagnosis, evidence or a log goes through
//! here first: the known secret values of the current setup are replaced, and
//! so are the values of token-shaped fields in JSON, form, query and XML text.

/// What a removed value reads as.
pub const REDACTED: &str = "[redacted]";

/// JSON keys whose string values are secrets.
const JSON_FIELDS: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "client_assertion",
    "code_verifier",
    "password",
    "sessionid",
    "token_secret",
    "consumer_secret",
];

/// Form and query-string names whose values are secrets (the authorization code too).
const QUERY_FIELDS: &[&str] = &[
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "client_assertion",
    "code_verifier",
    "code",
    "token",
    "password",
    "sessionid",
    "oauth_token",
    "oauth_signature",
];

/// XML elements whose text is a secret (Intacct's control and login blocks).
const XML_FIELDS: &[&str] = &["password", "sessionid", "access_token", "refresh_token"];

/// Shorter values are not redacted by value: they would match ordinary words.
const MIN_SECRET_LEN: usize = 4;

/// Knows the secret values of the current setup; `redact` removes them and
/// every token-shaped field from a text.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

impl Redactor {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a secret value (and its URL-encoded form, as it appears in forms and URLs).
    pub fn add(&mut self, secret: &str) {
        let s = secret.trim();
        if s.len() < MIN_SECRET_LEN {
            return;
        }
        let encoded: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
        for v in [s.to_string(), encoded] {
            if !self.secrets.contains(&v) {
                self.secrets.push(v);
            }
        }
        // Longest first, so a secret containing another is removed whole.
        self.secrets.sort_by_key(|v| std::cmp::Reverse(v.len()));
    }

    pub fn with(mut self, secret: &str) -> Self {
        self.add(secret);
        self
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = redact_fields(text);
        for s in &self.secrets {
            if out.contains(s.as_str()) {
                out = out.replace(s.as_str(), REDACTED);
            }
        }
        out
    }

    /// A body as text (lossy), redacted, cut to `max` characters for messages.
    pub fn snippet(&self, body: &[u8], max: usize) -> String {
        let text = self.redact(&String::from_utf8_lossy(body));
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match one_line.chars().count() {
            0 => "(empty body)".into(),
            n if n > max => one_line.chars().take(max).chain("…".chars()).collect(),
            _ => one_line,
        }
    }
}

/// Replaces the values of token-shaped fields, whatever the text's format.
pub fn redact_fields(text: &str) -> String {
    let mut out = text.to_string();
    for f in JSON_FIELDS {
        out = redact_json_field(&out, f);
    }
    for f in QUERY_FIELDS {
        out = redact_query_field(&out, f);
    }
    for f in XML_FIELDS {
        out = redact_xml_field(&out, f);
    }
    redact_auth_schemes(&out)
}

/// Byte ranges `[start, end)` of values to replace, applied back to front.
fn replace_ranges(text: &str, mut ranges: Vec<(usize, usize)>) -> String {
    ranges.sort_unstable();
    ranges.dedup();
    let mut out = text.to_string();
    for (start, end) in ranges.into_iter().rev() {
        if start < end && out.is_char_boundary(start) && out.is_char_boundary(end) {
            out.replace_range(start..end, REDACTED);
        }
    }
    out
}

/// Starts of case-insensitive (ASCII) matches of `needle`.
fn find_all(haystack: &str, needle: &str) -> Vec<usize> {
    let hay = haystack.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    hay.match_indices(&needle).map(|(i, _)| i).collect()
}

/// `"name" : "value"` (value may be cut off at the end of a snippet).
fn redact_json_field(text: &str, name: &str) -> String {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    for at in find_all(text, &format!("\"{name}\"")) {
        let mut i = at + name.len() + 2;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        ranges.push((start, end.min(bytes.len())));
    }
    replace_ranges(text, ranges)
}

/// `name=value` in a form body, query string or header-like text.
fn redact_query_field(text: &str, name: &str) -> String {
    let bytes = text.as_bytes();
    let boundary = |b: u8| {
        matches!(b, b'?' | b'&' | b';' | b',' | b'"' | b'\'' | b'(' | b'#')
            || b.is_ascii_whitespace()
    };
    let mut ranges = Vec::new();
    for at in find_all(text, &format!("{name}=")) {
        if at > 0 && !boundary(bytes[at - 1]) {
            continue;
        }
        let start = at + name.len() + 1;
        let mut end = start;
        while end < bytes.len()
            && !matches!(
                bytes[end],
                b'&' | b'"' | b'\'' | b'<' | b'#' | b',' | b')' | b';'
            )
            && !bytes[end].is_ascii_whitespace()
        {
            end += 1;
        }
        ranges.push((start, end));
    }
    replace_ranges(text, ranges)
}

/// `<name>value</name>`, and an unclosed element at the end of a snippet.
fn redact_xml_field(text: &str, name: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let close = format!("</{name}>");
    let mut ranges = Vec::new();
    for at in find_all(text, &format!("<{name}>")) {
        let start = at + name.len() + 2;
        let end = lower[start..]
            .find(&close)
            .map_or(text.len(), |i| start + i);
        ranges.push((start, end));
    }
    replace_ranges(text, ranges)
}

/// `Bearer <token>` and `Basic <credentials>` (not a challenge's `realm="…"`).
fn redact_auth_schemes(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    for scheme in ["bearer ", "basic "] {
        for at in find_all(text, scheme) {
            let start = at + scheme.len();
            let mut end = start;
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric()
                    || matches!(bytes[end], b'-' | b'.' | b'_' | b'~' | b'+' | b'/' | b'='))
            {
                end += 1;
            }
            let challenge = bytes.get(end) == Some(&b'"');
            if end - start >= 8 && !challenge {
                ranges.push((start, end));
            }
        }
    }
    replace_ranges(text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_fields_are_removed_in_every_format() {
        let json = r#"{"access_token": "eyJabc.def.ghi", "refresh_token":"r\"x", "expires_in":"3600","error":"invalid_grant"}"#;
        let r = redact_fields(json);
        assert!(!r.contains("eyJabc") && !r.contains("r\\\"x"), "{r}");
        assert!(r.contains(r#""expires_in":"3600""#) && r.contains("invalid_grant"));

        let form =
            "grant_type=authorization_code&code=SplxlOBe&code_verifier=abcdefgh&redirect_uri=x";
        let r = redact_fields(form);
        assert!(!r.contains("SplxlOBe") && !r.contains("abcdefgh"), "{r}");
        assert!(r.contains("grant_type=authorization_code") && r.contains("redirect_uri=x"));

        let url = "com.onramp.app://oauth/callback?state=s&role=3&code=9f8e7d6c5b";
        assert!(!redact_fields(url).contains("9f8e7d6c5b"));

        let xml = "<login><userid>u</userid><password>Hunter22!</password></login><sessionid>SESS";
        let r = redact_fields(xml);
        assert!(!r.contains("Hunter22!") && !r.contains("SESS"), "{r}");
        assert!(r.contains("<userid>u</userid>"));

        let header = r#"Authorization: Bearer eyJhbGciOi.payload.sig; WWW-Authenticate: Bearer realm="123456""#;
        let r = redact_fields(header);
        assert!(
            !r.contains("eyJhbGciOi") && r.contains(r#"realm="123456""#),
            "{r}"
        );
    }

    #[test]
    fn a_value_cut_off_by_a_snippet_is_still_removed() {
        let cut = r#"{"access_token":"eyJraWQiOiJzLlNZU1RFTS4y"#;
        assert!(!redact_fields(cut).contains("eyJraWQ"));
        assert!(!redact_fields("<password>abc").contains("abc"));
    }

    #[test]
    fn known_secrets_are_removed_wherever_they_appear() {
        let r = Redactor::new().with("s3cr3t-value").with("abc");
        let text = "Invalid login for s3cr3t-value (form: s3cr3t%2Dvalue) abc";
        let out = r.redact(text);
        assert!(!out.contains("s3cr3t-value"), "{out}");
        // Too short to redact by value without eating ordinary words.
        assert!(out.contains("abc"));
        let enc = Redactor::new().with("a b+c/d=e");
        assert!(!enc.redact("x=a+b%2Bc%2Fd%3De").contains("%2Bc%2Fd"));
    }

    #[test]
    fn snippets_are_redacted_before_they_are_cut() {
        let r = Redactor::new();
        let body = br#"{"access_token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","expires_in":"soon"}"#;
        let s = r.snippet(body, 40);
        assert!(!s.contains("AAAA"), "{s}");
        assert_eq!(r.snippet(b"  ", 40), "(empty body)");
        assert!(r.snippet("é".repeat(100).as_bytes(), 10).ends_with('…'));
    }
}
