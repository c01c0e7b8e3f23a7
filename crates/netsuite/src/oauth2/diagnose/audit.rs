//! The Login Audit Trail's Detail values of OAuth 2.0 attempts, as cause →
//! fix → where (ORA:subsect_158324637123, subsect_158711892221,
//! subsect_158711928134).

use onramp_core::profile::AuthMethod;
use onramp_core::Diagnosis;

use super::{
    AUDIT_TRAIL, EMPLOYEE_ACCESS, FEATURES, INTEGRATION_RECORD, M2M_SETUP, ONRAMP, ROLE_PERMISSIONS,
};

/// Diagnosis for a Login Audit Trail Detail value of an OAuth 2.0 attempt.
/// Some values mean different things per grant (ORA:subsect_158324637123,
/// subsect_158711928134), so the method in use picks the meaning.
pub fn audit_detail(method: AuthMethod, code: &str) -> Option<Diagnosis> {
    let m2m = method == AuthMethod::Oauth2M2m;
    let (cause, fix, where_) = match code.trim() {
        "RefreshTokenExpired" => (
            "The refresh token has expired (7 days for confidential clients, 48 hours by default for public clients), so NetSuite issues no new access token.",
            "Connect again (sign in and click Allow) to get a new pair of tokens.",
            ONRAMP,
        ),
        // With a bearer token, not with a client assertion (ORA:subsect_158324637123).
        "TokenRejected" if !m2m => (
            "A refresh token was sent where an access token belongs: the connector logged in with the refresh token.",
            "Make the connector send the access token in the Authorization header and use the refresh token only in the refresh request to the token endpoint.",
            "The connector's OAuth 2.0 settings",
        ),
        "InvalidSignature" if !m2m => (
            "The token's signature is invalid: it was changed or cut off when copied, or it was issued by another account.",
            "Connect again to get new tokens, and make sure the connector stores and sends them whole.",
            ONRAMP,
        ),
        "ScopeMismatched" | "InvalidScope" => (
            "The scopes requested are not all enabled on the integration record (or mcp was combined with other scopes).",
            "On the integration record tick the scopes the connector needs (REST Web Services, RESTlets, SuiteAnalytics Connect), save, and connect again.",
            INTEGRATION_RECORD,
        ),
        "InvalidRedirectURI" => (
            "The redirect URI sent is not exactly one of the redirect URIs on the integration record.",
            "Add Onramp's redirect URI exactly as shown (for the app: com.onramp.app://oauth/callback) to the integration record's Redirect URI field.",
            INTEGRATION_RECORD,
        ),
        "InvalidGrant" => (
            "The authorization code or refresh token is invalid, expired, already used or revoked, or the redirect URI / PKCE verifier does not match.",
            "Connect again to get a new code and tokens.",
            ONRAMP,
        ),
        "UnsupportedAlgo" => (
            "The client assertion was signed with an algorithm NetSuite does not accept (RS256 stopped working in 2025).",
            "Generate an ES256 (default) or PS256 key pair in Onramp, upload the new certificate, and use its Certificate ID.",
            M2M_SETUP,
        ),
        "TokenValidityTooBroad" => (
            "The client assertion's lifetime (exp − iat) is longer than NetSuite allows.",
            "Sign assertions valid for at most 3000 seconds (Onramp uses 300); update the connector's JWT lifetime.",
            M2M_SETUP,
        ),
        "TokenNotAcceptable" => (
            "NetSuite did not accept the client assertion's claims: its iat is in the future (this computer's clock is ahead) or its aud is not the account's token URL.",
            "Synchronise the computer's clock (NTP); make the connector use the account's own token URL as aud.",
            "Your operating system's Date & Time settings",
        ),
        "TokenExpired" => (
            "The client assertion was already expired when NetSuite received it: the computer's clock is probably behind, or an old assertion was reused.",
            "Synchronise the computer's clock (NTP) and sign a fresh assertion for every token request.",
            "Your operating system's Date & Time settings",
        ),
        "FeatureDisabled" => (
            "The OAuth 2.0 feature is turned off in this account.",
            "Tick OAuth 2.0 under Manage Authentication, accept the terms and save.",
            FEATURES,
        ),
        "IntegrationBlocked" => (
            "The integration record's State is Blocked, so NetSuite refuses every token for it.",
            "Set the integration record's State to Enabled and save.",
            INTEGRATION_RECORD,
        ),
        "EntityOrRoleDisabled" => (
            "The integration user or the chosen role is inactive (or the role is hidden on the user's View My Roles).",
            "Make sure the employee has Give Access ticked and the role assigned and active; then connect again.",
            EMPLOYEE_ACCESS,
        ),
        "InvalidState" => (
            "The state value was missing, malformed, reused, or does not belong to this sign-in attempt.",
            "Start the connection again from Onramp and complete it in one go; do not reuse an old address.",
            ONRAMP,
        ),
        "AuthorizationCodeGrantRequired" | "InvalidGrantType" => (
            "The integration record does not allow this grant type.",
            "On the integration record tick Authorization Code Grant (for sign-in) or Client Credentials (Machine to Machine) Grant (for certificates), then save.",
            INTEGRATION_RECORD,
        ),
        "UnknownIntegration" | "InvalidIntegration" | "ClientIdMismatch" | "ClientAuthenticationFailed" | "InvalidIssuer" => (
            "The Client ID or Client Secret does not match an integration record of this account (or the JWT iss is not the Client ID).",
            "Copy the Client ID again from the integration record; if the secret is lost, reset the credentials there and store the new ones in Onramp.",
            INTEGRATION_RECORD,
        ),
        "MissingKeyId" | "MissingKey" | "SignatureValidation" | "InvalidSignature" => (
            "NetSuite could not verify the client assertion with a certificate mapped to this integration: the Certificate ID (kid) is wrong, the mapping was removed (sandbox refresh clears it), or the key does not match the uploaded certificate.",
            "Upload the certificate Onramp generated for this integration, role and entity, and copy its Certificate ID into Onramp.",
            M2M_SETUP,
        ),
        "AccessTokenExpired" => (
            "The access token is older than 60 minutes.",
            "Refresh the token (or request a new M2M token) and retry.",
            ONRAMP,
        ),
        "TokenBlocked" | "InvalidTokenType" => (
            "The token is blocked, or is not an access token.",
            "Connect again to get new tokens.",
            ONRAMP,
        ),
        "AuthorizationExplicitlyDenied" => (
            "The user clicked Deny on NetSuite's consent page (or the chosen role cannot log in with OAuth 2.0 access tokens).",
            "Connect again and click Allow; if the role is missing, add the 'Log in using OAuth 2.0 Access Tokens' permission to the role.",
            ROLE_PERMISSIONS,
        ),
        "UnsupportedResponseType" | "InvalidRequest" => (
            "NetSuite received a malformed OAuth 2.0 request.",
            "Start again from Onramp; if it repeats, report the Detail value to support.",
            AUDIT_TRAIL,
        ),
        _ => return None,
    };
    Some(Diagnosis::new(cause, fix, where_))
}
