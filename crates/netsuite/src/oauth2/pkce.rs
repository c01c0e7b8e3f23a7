//! PKCE (S256 only: NetSuite dropped `plain` in 2020.2) and the `state` value.

use oauth2::{CsrfToken, PkceCodeChallenge, PkceCodeVerifier};

use super::OAuthError;

/// 48 random bytes → a 64-character verifier, inside NetSuite's 43–128 range.
const VERIFIER_BYTES: u32 = 48;
/// 24 random bytes → 32 characters, above NetSuite's 22-character minimum.
const STATE_BYTES: u32 = 24;

/// A PKCE verifier and its S256 challenge for one authorization attempt.
pub struct Pkce {
    challenge: PkceCodeChallenge,
    verifier: PkceCodeVerifier,
}

impl Pkce {
    pub fn new_s256() -> Self {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256_len(VERIFIER_BYTES);
        Self {
            challenge,
            verifier,
        }
    }

    pub fn challenge(&self) -> &str {
        self.challenge.as_str()
    }

    pub fn method(&self) -> &str {
        self.challenge.method().as_str()
    }

    /// Sent only in the token request, never in a URL.
    pub fn verifier(&self) -> &str {
        self.verifier.secret()
    }

    pub(crate) fn challenge_value(&self) -> &PkceCodeChallenge {
        &self.challenge
    }
}

impl std::fmt::Debug for Pkce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkce")
            .field("challenge", &self.challenge.as_str())
            .finish_non_exhaustive()
    }
}

/// Checks a verifier against RFC 7636 / NetSuite: 43–128 of `[A-Za-z0-9-._~]`.
pub fn validate_verifier(v: &str) -> Result<(), OAuthError> {
    let ok_chars = v
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    if (43..=128).contains(&v.len()) && ok_chars {
        Ok(())
    } else {
        Err(OAuthError::InvalidInput(
            "a PKCE code_verifier must be 43–128 characters of A–Z, a–z, 0–9, '-', '.', '_' or '~'"
                .into(),
        ))
    }
}

/// The `state` sent with one authorize request and checked on return.
#[derive(Clone, PartialEq, Eq)]
pub struct State(String);

impl State {
    pub fn random() -> Self {
        Self(CsrfToken::new_random_len(STATE_BYTES).secret().clone())
    }

    /// Restores a state kept while the user was in the browser.
    pub fn from_saved(s: &str) -> Result<Self, OAuthError> {
        validate_state(s)?;
        Ok(Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares without short-circuiting on the first differing byte.
    pub fn matches(&self, returned: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), returned.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("State(***)")
    }
}

/// NetSuite: 22–1024 printable ASCII characters.
pub fn validate_state(s: &str) -> Result<(), OAuthError> {
    if (22..=1024).contains(&s.len()) && s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Ok(())
    } else {
        Err(OAuthError::InvalidInput(
            "an OAuth state must be 22–1024 printable ASCII characters".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use sha2::Digest;

    #[test]
    fn verifier_and_challenge_follow_rfc7636() {
        let p = Pkce::new_s256();
        validate_verifier(p.verifier()).unwrap();
        assert_eq!(p.method(), "S256");
        let expected = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(sha2::Sha256::digest(p.verifier().as_bytes()));
        assert_eq!(p.challenge(), expected);
        assert_ne!(Pkce::new_s256().verifier(), p.verifier());
    }

    #[test]
    fn rfc7636_appendix_b_vector() {
        // RFC 7636 Appendix B: the verifier and its S256 challenge.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        validate_verifier(verifier).unwrap();
        let challenge = PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(
            verifier.to_string(),
        ));
        assert_eq!(
            challenge.as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn verifier_rules() {
        assert!(validate_verifier(&"a".repeat(42)).is_err());
        assert!(validate_verifier(&"a".repeat(129)).is_err());
        assert!(validate_verifier(&format!("{}+", "a".repeat(43))).is_err());
        assert!(validate_verifier(&"a-._~".repeat(9)).is_ok());
    }

    #[test]
    fn state_rules() {
        let s = State::random();
        validate_state(s.as_str()).unwrap();
        assert!(s.matches(s.as_str()));
        assert!(!s.matches(State::random().as_str()));
        assert!(!s.matches(""));
        assert!(validate_state(&"x".repeat(21)).is_err());
        assert!(validate_state(&"x".repeat(1025)).is_err());
        assert!(validate_state(&format!("{}\u{7f}", "x".repeat(22))).is_err());
        assert_eq!(format!("{s:?}"), "State(***)");
    }
}
