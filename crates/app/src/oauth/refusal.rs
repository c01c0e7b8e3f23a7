//! A token NetSuite would not issue, as the failing `netsuite.auth` result a
//! run reports, the same from the app and the CLI.

use onramp_core::profile::AuthMethod;
use onramp_core::{CheckResult, Diagnosis};
use onramp_netsuite::checks::{audit_detail_diagnosis, AUTH};
use onramp_netsuite::oauth2::diagnose::{diagnose, Stage};
use onramp_netsuite::oauth2::OAuthError;

const AUTH_TITLE: &str = "Sign-in with the integration's credentials";

/// A refused refresh (authorization code flow).
pub fn refresh(e: &OAuthError, audit_detail: Option<&str>) -> CheckResult {
    refused(
        "refreshed access token",
        e,
        diagnose(Stage::Refresh, e),
        audit_detail,
        AuthMethod::Oauth2Code,
    )
}

/// A refused client credentials (M2M) token for the mapping `certificate_id`.
pub fn m2m(e: &OAuthError, certificate_id: &str, audit_detail: Option<&str>) -> CheckResult {
    let mut d = diagnose(Stage::ClientCredentials, e);
    if e.error_code() == Some("invalid_grant") {
        // NetSuite answers a wrong Certificate ID and a wrong key alike.
        d.cause = format!(
            "{} Most often Certificate ID '{certificate_id}' is not the one NetSuite shows for this mapping (Detail MissingKey), or the certificate uploaded is not the one made with this private key (Detail InvalidSignature).",
            d.cause
        );
    }
    refused(
        "client credentials (M2M) token",
        e,
        d,
        audit_detail,
        AuthMethod::Oauth2M2m,
    )
}

/// A Login Audit Trail Detail the user read names the reason more exactly,
/// read with the meaning it has for the sign-in method in use.
fn refused(
    what: &str,
    e: &OAuthError,
    d: Diagnosis,
    audit_detail: Option<&str>,
    method: AuthMethod,
) -> CheckResult {
    let d = audit_detail
        .and_then(|a| audit_detail_diagnosis(method, a))
        .unwrap_or(d);
    let mut r = CheckResult::fail(
        AUTH,
        AUTH_TITLE,
        format!("NetSuite did not issue the OAuth 2.0 {what}: {e}"),
        d,
    );
    if let Some(code) = e.error_code() {
        r = r.with_evidence("OAuth error", code);
    }
    if let Some(detail) = audit_detail {
        r = r.with_evidence("Login Audit Trail Detail", detail.trim());
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_is_a_failing_auth_check_with_the_oauth_error() {
        let e = OAuthError::Token {
            status: 400,
            error: "invalid_grant".into(),
            description: None,
        };
        let r = refresh(&e, None);
        assert_eq!(r.id, AUTH);
        assert_eq!(r.status, onramp_core::CheckStatus::Fail);
        assert!(
            r.diagnosis.as_ref().unwrap().cause.contains("7 days"),
            "{:?}",
            r.diagnosis
        );
        assert!(r.evidence.iter().any(|ev| ev.value == "invalid_grant"));
        let m = m2m(&e, "CERT9", None);
        assert!(m
            .diagnosis
            .unwrap()
            .cause
            .contains("Certificate ID 'CERT9'"));
    }
}
