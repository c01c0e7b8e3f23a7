//! Cause → fix → where for the Login Audit Trail's Detail column, by the
//! sign-in method in use (the same value means different things per method).

use onramp_core::profile::AuthMethod;
use onramp_core::Diagnosis;

use super::paths;

/// Cause → fix → where for a Detail value of the Login Audit Trail. The same
/// value means different things per sign-in method (TokenRejected is a revoked
/// TBA token but a refresh token used as an access token with OAuth 2.0), so
/// the method in use picks the meaning.
pub fn audit_detail_diagnosis(method: AuthMethod, detail: &str) -> Option<Diagnosis> {
    match method {
        AuthMethod::Tba => tba_detail(detail),
        oauth => crate::oauth2::diagnose::audit_detail(oauth, detail),
    }
}

/// TBA's Detail values (ORA:subsect_156935170194 and the TBA troubleshooting pages).
fn tba_detail(detail: &str) -> Option<Diagnosis> {
    let d = |c: &str, f: &str, w: &str| Some(Diagnosis::new(c, f, w));
    match detail.trim() {
        "InvalidSignature" => d(
            "The signature did not match: a consumer secret or token secret is wrong, or the account ID (realm) is spelled differently from NetSuite's (sandboxes: 123456_SB1).",
            "Copy the consumer key/secret from the integration record and the token ID/secret from the token again (secrets are shown only once: create a new token if lost), and use the account ID exactly as Company Information shows it.",
            paths::ACCESS_TOKENS,
        ),
        "InvalidTimestamp" => d(
            "The request's timestamp is more than 5 minutes away from NetSuite's clock.",
            "Turn on automatic time (NTP) on the computer or server that calls NetSuite.",
            "The operating system's date and time settings",
        ),
        "NonceUsed" | "nonce_used" => d(
            "A nonce was used twice: the caller retried a request without signing it again.",
            "Sign every attempt, retries included, with a fresh nonce and timestamp.",
            "The connector's retry settings",
        ),
        "token_rejected" | "TokenRejected" => d(
            "The token is revoked, or belongs to another integration record, user, role or account (tokens are never copied to sandboxes and are wiped on sandbox refresh).",
            "Create a new access token for this integration record, user and role, and enter its token ID and secret.",
            paths::ACCESS_TOKENS,
        ),
        "consumer_key_refused" | "IntegrationBlocked" => d(
            "The integration record is Blocked.",
            "Open the integration record and set State to Enabled.",
            paths::MANAGE_INTEGRATIONS,
        ),
        "consumer_key_unknown" | "UnknownIntegration" | "InvalidIntegration" => d(
            "This account has no integration record with this consumer key (it was created in another account, or deleted).",
            "Create the integration record in this account and use its consumer key and secret.",
            paths::MANAGE_INTEGRATIONS,
        ),
        "FeatureDisabled" => d(
            "Token-based Authentication is not enabled on the account.",
            "Enable Token-based Authentication (Manage Authentication section) and save.",
            paths::ENABLE_FEATURES,
        ),
        "permission_denied" | "EntityOrRoleDisabled" => d(
            "The user is inactive or has no access, the role is inactive, or the role lacks 'Log in using Access Tokens' (an inactive user's tokens stop working).",
            "On the employee, check Give Access and clear Inactive; on the role, clear Inactive and add Setup > 'Log in using Access Tokens' at Full.",
            &format!("{} and {}", paths::EMPLOYEES, paths::role_permission_tab("Setup")),
        ),
        "temporary_locked" => d(
            "The user is locked out after too many failed logins.",
            "Wait for the lock to expire or ask an administrator to unlock the user.",
            paths::EMPLOYEES,
        ),
        "UnknownAlgorithm" => d(
            "The request was signed with an algorithm NetSuite no longer accepts (HMAC-SHA1 ended in 2023.1).",
            "Sign with HMAC-SHA256.",
            "The connector's authentication settings",
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth2::diagnose;
    use onramp_core::profile::AuthMethod;

    #[test]
    fn the_method_in_use_picks_the_meaning() {
        let m2m = audit_detail_diagnosis(AuthMethod::Oauth2M2m, " MissingKey ").unwrap();
        assert_eq!(m2m.where_, diagnose::M2M_SETUP);
        let scope = audit_detail_diagnosis(AuthMethod::Oauth2Code, "ScopeMismatched").unwrap();
        assert_eq!(scope.where_, diagnose::INTEGRATION_RECORD);
        // TBA: a revoked or foreign token; a wrong secret or realm.
        let tba = |c| audit_detail_diagnosis(AuthMethod::Tba, c).unwrap();
        assert!(tba("TokenRejected").cause.contains("revoked"));
        assert!(tba("InvalidSignature").cause.contains("realm"));
        assert_eq!(tba("InvalidSignature").where_, paths::ACCESS_TOKENS);
        // OAuth 2.0: a refresh token used to log in; a bad bearer token.
        let code = |c| audit_detail_diagnosis(AuthMethod::Oauth2Code, c).unwrap();
        assert!(code("TokenRejected").cause.contains("refresh token"));
        assert!(!code("InvalidSignature").cause.contains("realm"));
        assert!(code("RefreshTokenExpired").fix.contains("Connect again"));
        // Not Oracle codes.
        for made_up in ["TokenRevoked", "realm_mismatch", "NotACode"] {
            assert!(audit_detail_diagnosis(AuthMethod::Tba, made_up).is_none());
            assert!(audit_detail_diagnosis(AuthMethod::Oauth2Code, made_up).is_none());
        }
    }
}
