//! OAuth 2.0 for NetSuite: authorization code + PKCE (the default for new
//! integrations), client credentials (M2M) with a certificate, the diagnoses of
//! OAuth failures and the TBA → OAuth 2.0 migration guide.
//!
//! Every URL here is the real NetSuite URL; `Endpoints` only changes where the
//! request is sent (Practice mode), never what is signed or compared.

pub mod code;
pub mod diagnose;
pub mod error;
pub mod import;
pub mod keygen;
pub mod m2m;
pub mod migration;
pub mod pem;
pub mod pkce;
pub mod redirect;
pub mod tokens;
mod transport;

pub use code::{AuthorizationRequest, CodeClient, CodeClientConfig};
pub use error::OAuthError;
pub use keygen::{generate, CertificateInfo, GeneratedCertificate, KeyAlgorithm};
pub use m2m::{M2mClient, M2mConfig};
pub use pkce::{Pkce, State};
pub use redirect::{AuthorizationResponse, RedirectUri};
pub use tokens::{granted_scopes, AccessTokenIdentity, ClientKind, TokenOwner, TokenSet};

/// Re-exported so front ends pass "now" without depending on `time` themselves.
pub use time::OffsetDateTime;
use url::Url;

use crate::accounts::Account;

/// RFC 3339 (UTC), as the app and the CLI show expiry dates.
pub fn format_time(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

/// Keychain names (`SecretKey::name`) of a setup's OAuth 2.0 secrets, defined
/// with the other setup secrets in core.
pub use onramp_core::state::netsuite_oauth2 as secret_names;

/// The scopes NetSuite grants to OAuth 2.0 integrations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    RestWebServices,
    Restlets,
    SuiteAnalytics,
    /// The AI connector scope; NetSuite requires it to be requested alone.
    Mcp,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::RestWebServices => "rest_webservices",
            Scope::Restlets => "restlets",
            Scope::SuiteAnalytics => "suite_analytics",
            Scope::Mcp => "mcp",
        }
    }

    pub fn parse(s: &str) -> Result<Self, OAuthError> {
        Ok(match s.trim() {
            "rest_webservices" => Scope::RestWebServices,
            "restlets" => Scope::Restlets,
            "suite_analytics" => Scope::SuiteAnalytics,
            "mcp" => Scope::Mcp,
            other => {
                return Err(OAuthError::InvalidInput(format!(
                    "'{other}' is not a NetSuite OAuth 2.0 scope (rest_webservices, restlets, suite_analytics or mcp)"
                )))
            }
        })
    }
}

/// Checks a requested scope list against NetSuite's rules before any request.
pub fn validate_scopes(scopes: &[Scope]) -> Result<(), OAuthError> {
    if scopes.is_empty() {
        return Err(OAuthError::InvalidInput(
            "request at least one scope, e.g. rest_webservices".into(),
        ));
    }
    if scopes.contains(&Scope::Mcp) && scopes.len() > 1 {
        return Err(OAuthError::InvalidInput(
            "NetSuite only grants the mcp scope on its own; request it without other scopes".into(),
        ));
    }
    Ok(())
}

/// Space-separated, as the authorize request carries it.
pub fn scope_string(scopes: &[Scope]) -> String {
    scopes
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `https://<acct>.app.netsuite.com/app/login/oauth2/authorize.nl`.
pub fn authorize_url(account: &Account) -> Url {
    real_url(&account.app_host(), "/app/login/oauth2/authorize.nl")
}

/// `https://<acct>.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token`.
pub fn token_url(account: &Account) -> Url {
    real_url(&account.rest_host(), "/services/rest/auth/oauth2/v1/token")
}

/// `…/services/rest/auth/oauth2/v1/revoke`.
pub fn revoke_url(account: &Account) -> Url {
    real_url(&account.rest_host(), "/services/rest/auth/oauth2/v1/revoke")
}

fn real_url(host: &str, path: &str) -> Url {
    Url::parse(&format!("https://{host}{path}"))
        .expect("hosts derived from a parsed account ID form valid URLs")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_the_documented_hosts() {
        let acct = Account::parse("1234567_SB1").unwrap();
        assert_eq!(
            authorize_url(&acct).as_str(),
            "https://1234567-sb1.app.netsuite.com/app/login/oauth2/authorize.nl"
        );
        assert_eq!(
            token_url(&acct).as_str(),
            "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token"
        );
        assert!(revoke_url(&acct).as_str().ends_with("/oauth2/v1/revoke"));
    }

    #[test]
    fn mcp_must_be_alone() {
        assert!(validate_scopes(&[Scope::Mcp]).is_ok());
        assert!(validate_scopes(&[Scope::Mcp, Scope::Restlets]).is_err());
        assert!(validate_scopes(&[]).is_err());
        assert_eq!(
            scope_string(&[Scope::RestWebServices, Scope::Restlets]),
            "rest_webservices restlets"
        );
        assert!(Scope::parse("openid").is_err());
    }
}
