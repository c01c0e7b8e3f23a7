//! Client credentials (M2M): a JWT assertion signed with the private key whose
//! certificate is mapped in NetSuite, exchanged for a 60-minute access token.
//! There is no refresh token: a new assertion is signed for every token.

use std::time::Duration as StdDuration;

use base64::Engine;
use jsonwebtoken::{EncodingKey, Header};
use onramp_core::http::Endpoints;
use onramp_core::{Redactor, Secret};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use url::Url;

use super::keygen::KeyAlgorithm;
use super::tokens::AccessTokenIdentity;
use super::transport::{lifetime, token_response, Transport};
use super::{token_url, validate_scopes, OAuthError, Scope};
use crate::accounts::Account;

pub const CLIENT_ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/// NetSuite wants `exp` less than an hour after `iat`; Onramp stays well inside (≤ 3000 s).
pub const MAX_ASSERTION_LIFETIME: Duration = Duration::seconds(3000);
/// An assertion is used at once, so a short life limits the damage if one leaks.
pub const DEFAULT_ASSERTION_LIFETIME: Duration = Duration::seconds(300);
/// Beyond this difference from the server's `Date`, a refusal is blamed on the clock.
const CLOCK_TOLERANCE_SECS: i64 = 60;

#[derive(Debug, Clone)]
pub struct M2mConfig {
    pub account: Account,
    /// The integration record's Client ID.
    pub client_id: String,
    /// The Certificate ID NetSuite shows for the mapping; becomes the JWT `kid`.
    pub certificate_id: String,
    pub algorithm: KeyAlgorithm,
    /// PKCS#8 PEM from the keychain.
    pub private_key_pem: Secret<String>,
    pub scopes: Vec<Scope>,
    pub assertion_lifetime: Duration,
    pub endpoints: Endpoints,
    pub timeout: StdDuration,
}

/// The claims of the client assertion, as Oracle's sample shows them.
#[derive(Debug, Serialize, Deserialize)]
pub struct AssertionClaims {
    pub iss: String,
    pub scope: Vec<String>,
    pub aud: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
}

#[derive(Debug, Clone)]
pub struct M2mToken {
    pub access_token: Secret<String>,
    pub expires_at: OffsetDateTime,
    /// Who the token acts as, when NetSuite issued a JWT (display only).
    pub identity: Option<AccessTokenIdentity>,
}

pub struct M2mClient {
    config: M2mConfig,
    key: EncodingKey,
    transport: Transport,
}

impl M2mClient {
    pub fn new(config: M2mConfig) -> Result<Self, OAuthError> {
        validate_scopes(&config.scopes)?;
        for (value, what) in [
            (&config.client_id, "Client ID"),
            (&config.certificate_id, "Certificate ID"),
        ] {
            if value.trim().is_empty() || value.trim().contains(char::is_whitespace) {
                return Err(OAuthError::InvalidInput(format!(
                    "the {what} must be one word without spaces; copy it again from NetSuite"
                )));
            }
        }
        if config.assertion_lifetime <= Duration::ZERO
            || config.assertion_lifetime > MAX_ASSERTION_LIFETIME
        {
            return Err(OAuthError::InvalidInput(
                "the assertion lifetime must be between 1 and 3000 seconds".into(),
            ));
        }
        let pem = config.private_key_pem.expose().trim().as_bytes();
        let key = match config.algorithm {
            KeyAlgorithm::Es256 => EncodingKey::from_ec_pem(pem),
            KeyAlgorithm::Ps256 => EncodingKey::from_rsa_pem(pem),
        }
        .map_err(|e| {
            OAuthError::Crypto(format!(
                "the stored private key is not a {} key in PEM form: {e}",
                config.algorithm.as_str()
            ))
        })?;
        let transport = Transport::new(config.endpoints.clone(), config.timeout)?;
        Ok(Self {
            config,
            key,
            transport,
        })
    }

    pub fn token_url(&self) -> Url {
        token_url(&self.config.account)
    }

    /// Signs a fresh assertion; `aud` is always the real token URL.
    pub fn assertion(&self, now: OffsetDateTime) -> Result<Secret<String>, OAuthError> {
        let mut header = Header::new(self.config.algorithm.jwt_algorithm());
        header.typ = Some("JWT".into());
        header.kid = Some(self.config.certificate_id.trim().to_string());
        let iat = now.unix_timestamp();
        let claims = AssertionClaims {
            iss: self.config.client_id.trim().to_string(),
            scope: self
                .config
                .scopes
                .iter()
                .map(|s| s.as_str().to_string())
                .collect(),
            aud: self.token_url().to_string(),
            iat,
            exp: iat + self.config.assertion_lifetime.whole_seconds(),
            jti: random_jti(),
        };
        jsonwebtoken::encode(&header, &claims, &self.key)
            .map(Secret::new)
            .map_err(|e| OAuthError::Crypto(format!("could not sign the client assertion: {e}")))
    }

    /// Requests an access token with `grant_type=client_credentials`.
    pub async fn token(&self, now: OffsetDateTime) -> Result<M2mToken, OAuthError> {
        let assertion = self.assertion(now)?;
        let form = [
            ("grant_type", "client_credentials"),
            ("client_assertion_type", CLIENT_ASSERTION_TYPE),
            ("client_assertion", assertion.expose().as_str()),
        ];
        let reply = self
            .transport
            .post_form(&self.token_url(), &form, None)
            .await?;
        let redactor = Redactor::new().with(assertion.expose());
        let parsed = match token_response(&reply, &redactor) {
            Ok(p) => p,
            Err(err) => {
                let skew = reply.server_date.map(|d| (now - d).whole_seconds());
                return Err(match (skew, err) {
                    (Some(s), OAuthError::Token { error, .. })
                        if s.abs() > CLOCK_TOLERANCE_SECS =>
                    {
                        OAuthError::ClockSkew {
                            skew_seconds: s,
                            error,
                        }
                    }
                    (_, err) => err,
                });
            }
        };
        Ok(M2mToken {
            expires_at: now + lifetime(&parsed)?,
            identity: AccessTokenIdentity::decode(&parsed.access_token),
            access_token: Secret::new(parsed.access_token),
        })
    }
}

fn random_jti() -> String {
    let mut bytes = [0u8; 18];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth2::keygen::generate;

    #[test]
    fn assertion_has_the_documented_header_and_claims() {
        let now = OffsetDateTime::now_utc();
        let g = generate(KeyAlgorithm::Es256, "t", 30, now).unwrap();
        let client = M2mClient::new(M2mConfig {
            account: Account::parse("1234567_SB1").unwrap(),
            client_id: "cid".into(),
            certificate_id: "cert-1".into(),
            algorithm: KeyAlgorithm::Es256,
            private_key_pem: g.private_key_pem,
            scopes: vec![Scope::RestWebServices, Scope::Restlets],
            assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
            endpoints: Endpoints::default(),
            timeout: StdDuration::from_secs(5),
        })
        .unwrap();
        let jwt = client.assertion(now).unwrap();
        let header = jsonwebtoken::decode_header(jwt.expose()).unwrap();
        assert_eq!(header.alg, jsonwebtoken::Algorithm::ES256);
        assert_eq!(header.typ.as_deref(), Some("JWT"));
        assert_eq!(header.kid.as_deref(), Some("cert-1"));
        let claims: AssertionClaims =
            jsonwebtoken::dangerous::insecure_decode_claims(jwt.expose()).unwrap();
        assert_eq!(claims.iss, "cid");
        assert_eq!(claims.scope, ["rest_webservices", "restlets"]);
        assert_eq!(
            claims.aud,
            "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token"
        );
        assert_eq!(claims.exp - claims.iat, 300);
        assert!(claims.jti.len() >= 20);
    }
}
