//! OAuth 2.0 failures as cause → fix → where. NetSuite's token endpoint says
//! little (`invalid_grant`), so the same error means different things per step;
//! the Login Audit Trail's Detail column names the real reason.

use onramp_core::http::HttpError;
use onramp_core::profile::AuthMethod;
use onramp_core::Diagnosis;

use super::OAuthError;

mod audit;
pub use audit::audit_detail;

pub const INTEGRATION_RECORD: &str =
    "Setup > Integration > Manage Integrations > (your integration) > Edit > Authentication";
pub const FEATURES: &str = "Setup > Company > Enable Features > SuiteCloud > Manage Authentication";
pub const AUDIT_TRAIL: &str = "Setup > Users/Roles > User Management > View Login Audit Trail";
pub const ROLE_PERMISSIONS: &str =
    "Setup > Users/Roles > Manage Roles > (the integration role) > Permissions > Setup";
pub const M2M_SETUP: &str =
    "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";
const EMPLOYEE_ACCESS: &str = "Lists > Employees > Employees > (the integration user) > Access";
const ONRAMP: &str = "Onramp > this setup > Connect";

/// Which step of the OAuth 2.0 flow failed: the same error value differs by step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Authorize,
    CodeExchange,
    Refresh,
    ClientCredentials,
    Revoke,
}

/// Diagnosis for an error returned by the client in a given step.
pub fn diagnose(stage: Stage, err: &OAuthError) -> Diagnosis {
    match err {
        OAuthError::Authorize { error, .. } => authorize_error(error),
        OAuthError::StateMismatch => code_flow("InvalidState"),
        OAuthError::Token { error, .. } => token_error(stage, error),
        OAuthError::ClockSkew { skew_seconds, .. } => clock_skew(*skew_seconds),
        OAuthError::InvalidInput(msg) => Diagnosis::new(msg.clone(), "Correct the value and try again.", ONRAMP),
        OAuthError::Protocol { detail, .. } => Diagnosis::new(
            format!("NetSuite's answer was not a valid OAuth 2.0 response ({detail})."),
            "Check that the account ID is right and that no proxy rewrites the response, then try again.",
            ONRAMP,
        ),
        OAuthError::Http(h) => http_error(h),
        OAuthError::Crypto(msg) => Diagnosis::new(
            msg.clone(),
            "Generate a new key pair and certificate in Onramp, upload the certificate, and update the Certificate ID.",
            M2M_SETUP,
        ),
    }
}

/// Diagnosis when NetSuite shows an error page and never redirects back.
pub fn no_redirect() -> Diagnosis {
    Diagnosis::new(
        "NetSuite showed an error page instead of returning to Onramp: the Client ID is unknown in this account, or the redirect URI is not exactly one of those on the integration record.",
        "Copy the Client ID again, and add the redirect URI exactly as Onramp shows it (scheme, host and path, no trailing differences) to the integration record's Redirect URI field.",
        INTEGRATION_RECORD,
    )
}

/// A clock more than a minute off makes assertions look expired or not yet valid.
pub fn clock_skew(skew_seconds: i64) -> Diagnosis {
    let direction = if skew_seconds > 0 {
        "ahead of"
    } else {
        "behind"
    };
    Diagnosis::new(
        format!(
            "This computer's clock is {} s {direction} NetSuite's, so the JWT's iat/exp look {} to NetSuite.",
            skew_seconds.abs(),
            if skew_seconds > 0 { "in the future" } else { "already expired" }
        ),
        "Turn on automatic time synchronisation (NTP) on this computer, then request a token again.",
        "Your operating system's Date & Time settings",
    )
}

fn authorize_error(error: &str) -> Diagnosis {
    match error {
        "access_denied" => code_flow("AuthorizationExplicitlyDenied"),
        "invalid_scope" => code_flow("ScopeMismatched"),
        "unsupported_response_type" => code_flow("UnsupportedResponseType"),
        // RFC 6749 4.1.2.1: this client may not use the authorization code grant.
        "unauthorized_client" => Diagnosis::new(
            "The integration record does not allow sign-in with the authorization code grant (Authorization Code Grant is not ticked), or the record is not an OAuth 2.0 integration.",
            "On the integration record's Authentication subtab, under OAuth 2.0, tick Authorization Code Grant and the scopes the connector needs, save, and connect again.",
            INTEGRATION_RECORD,
        ),
        "invalid_request" => Diagnosis::new(
            "NetSuite refused the sign-in request as malformed (PKCE, state or a parameter it does not accept).",
            "Start the connection again from Onramp; if it repeats, look up the Detail of the failed attempt.",
            AUDIT_TRAIL,
        ),
        other => unknown(other),
    }
}

fn token_error(stage: Stage, error: &str) -> Diagnosis {
    match (stage, error) {
        (Stage::Refresh, "invalid_grant") => Diagnosis::new(
            "The refresh token is no longer valid: it expired (7 days for confidential clients, 48 hours by default for public clients), was already used once (public clients rotate it), or was revoked.",
            "Connect again (sign in and click Allow); Onramp stores the new tokens. For a public client, keep only the newest refresh token.",
            ONRAMP,
        ),
        (Stage::CodeExchange, "invalid_grant") => Diagnosis::new(
            "NetSuite refused the authorization code: codes are single-use and expire within minutes, and the redirect URI and PKCE code_verifier must match the sign-in request.",
            "Start the connection again and paste the new address right away, only once.",
            ONRAMP,
        ),
        // NetSuite does not say which assertion check failed; only the audit trail does.
        (Stage::ClientCredentials, "invalid_grant" | "invalid_request" | "invalid_client") => Diagnosis::new(
            "NetSuite refused the signed client assertion; the Login Audit Trail's Detail column says why (UnsupportedAlgo, TokenValidityTooBroad, TokenExpired, MissingKey, InvalidSignature, FeatureDisabled, IntegrationBlocked…).",
            "Open the Login Audit Trail, find the failed attempt of the integration user, and follow the fix Onramp shows for its Detail value.",
            AUDIT_TRAIL,
        ),
        (_, "invalid_client") => code_flow("ClientAuthenticationFailed"),
        (_, "unauthorized_client" | "unsupported_grant_type") => {
            code_flow("AuthorizationCodeGrantRequired")
        }
        (_, "invalid_scope") => code_flow("ScopeMismatched"),
        (_, "invalid_grant") => code_flow("InvalidGrant"),
        (_, "invalid_request") => code_flow("InvalidRequest"),
        (_, other) => unknown(other),
    }
}

/// A code of the authorization code flow this module always knows.
fn code_flow(code: &str) -> Diagnosis {
    audit_detail(AuthMethod::Oauth2Code, code).expect("a code this module diagnoses")
}

fn unknown(error: &str) -> Diagnosis {
    Diagnosis::new(
        format!("NetSuite answered '{error}', which Onramp does not recognise."),
        "Look up the failed attempt's Detail in the Login Audit Trail.",
        AUDIT_TRAIL,
    )
}

fn http_error(h: &HttpError) -> Diagnosis {
    match h {
        HttpError::HtmlPage { .. } => Diagnosis::new(
            h.to_string(),
            "Check the account ID (a wrong one leads to a login page) and that no proxy or captive portal intercepts NetSuite traffic.",
            ONRAMP,
        ),
        _ => Diagnosis::new(
            h.to_string(),
            "Check the network connection and any proxy, then try again.",
            "Your network settings",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(error: &str) -> OAuthError {
        OAuthError::Token {
            status: 400,
            error: error.into(),
            description: None,
        }
    }

    #[test]
    fn invalid_grant_depends_on_the_step() {
        let refresh = diagnose(Stage::Refresh, &token("invalid_grant"));
        assert!(refresh.cause.contains("7 days") && refresh.cause.contains("48 hours"));
        let code = diagnose(Stage::CodeExchange, &token("invalid_grant"));
        assert!(code.cause.contains("single-use"));
        let m2m = diagnose(Stage::ClientCredentials, &token("invalid_grant"));
        assert_eq!(m2m.where_, AUDIT_TRAIL);
    }

    #[test]
    fn audit_codes_point_to_the_right_place() {
        let cases = [
            ("ScopeMismatched", INTEGRATION_RECORD),
            ("InvalidRedirectURI", INTEGRATION_RECORD),
            ("UnsupportedAlgo", M2M_SETUP),
            ("TokenValidityTooBroad", M2M_SETUP),
            ("FeatureDisabled", FEATURES),
            ("IntegrationBlocked", INTEGRATION_RECORD),
            ("EntityOrRoleDisabled", EMPLOYEE_ACCESS),
            ("MissingKeyId", M2M_SETUP),
        ];
        for (code, place) in cases {
            let d = audit_detail(AuthMethod::Oauth2M2m, code).unwrap();
            assert_eq!(d.where_, place, "{code}");
        }
        assert!(audit_detail(AuthMethod::Oauth2M2m, "UnsupportedAlgo")
            .unwrap()
            .fix
            .contains("ES256"));
        assert!(audit_detail(AuthMethod::Oauth2M2m, "TokenValidityTooBroad")
            .unwrap()
            .fix
            .contains("3000"));
        assert!(audit_detail(AuthMethod::Oauth2Code, "NoSuchCode").is_none());
        // Not Oracle codes: nothing invents a meaning for them.
        assert!(audit_detail(AuthMethod::Oauth2Code, "TokenRevoked").is_none());
    }

    /// ORA:subsect_158324637123 (REST/RESTlets) and subsect_158711928134 (refresh).
    #[test]
    fn the_same_detail_means_what_the_grant_makes_it_mean() {
        let code = |c| audit_detail(AuthMethod::Oauth2Code, c).unwrap();
        let m2m = |c| audit_detail(AuthMethod::Oauth2M2m, c).unwrap();
        assert!(code("TokenRejected")
            .cause
            .contains("refresh token was sent"));
        assert!(code("InvalidSignature")
            .cause
            .contains("signature is invalid"));
        assert_eq!(m2m("InvalidSignature").where_, M2M_SETUP);
        let expired = code("RefreshTokenExpired");
        assert!(expired.cause.contains("refresh token has expired"));
        assert!(expired.fix.contains("Connect again"));
    }

    #[test]
    fn authorize_errors_and_state() {
        let denied = diagnose(
            Stage::Authorize,
            &OAuthError::Authorize {
                error: "access_denied".into(),
                description: None,
            },
        );
        assert!(denied.cause.contains("Deny"));
        let scope = diagnose(
            Stage::Authorize,
            &OAuthError::Authorize {
                error: "invalid_scope".into(),
                description: None,
            },
        );
        assert_eq!(scope.where_, INTEGRATION_RECORD);
        assert!(diagnose(Stage::Authorize, &OAuthError::StateMismatch)
            .cause
            .contains("state"));
        assert!(no_redirect().fix.contains("Redirect URI"));
        let grant = diagnose(
            Stage::Authorize,
            &OAuthError::Authorize {
                error: "unauthorized_client".into(),
                description: None,
            },
        );
        assert!(grant.fix.contains("Authorization Code Grant"));
        assert_eq!(grant.where_, INTEGRATION_RECORD);
    }

    #[test]
    fn clock_skew_says_which_way() {
        assert!(clock_skew(400).cause.contains("ahead of"));
        assert!(clock_skew(-400).cause.contains("behind"));
        let d = diagnose(
            Stage::ClientCredentials,
            &OAuthError::ClockSkew {
                skew_seconds: 900,
                error: "invalid_grant".into(),
            },
        );
        assert!(d.fix.contains("NTP"));
    }

    #[test]
    fn client_and_grant_errors() {
        let c = diagnose(Stage::CodeExchange, &token("invalid_client"));
        assert!(c.cause.contains("Client ID"));
        let g = diagnose(Stage::ClientCredentials, &token("unauthorized_client"));
        assert!(g.fix.contains("Client Credentials"));
    }
}
