//! The M2M key pair and self-signed certificate the user uploads to NetSuite
//! (Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials
//! (M2M) Setup). EC P-256 (ES256) by default; RSA 3072 (PS256) as the alternative.

use onramp_core::{CheckResult, Diagnosis, Secret};
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, KeyUsagePurpose};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use super::OAuthError;

/// NetSuite shortens certificates valid for longer than two years.
pub const MAX_VALIDITY_DAYS: i64 = 730;
/// Since 2026.1 an integration record holds at most five active certificates.
pub const MAX_ACTIVE_CERTIFICATES: usize = 5;
/// Warn this long before a certificate expires, so rotation is not an outage.
const EXPIRY_WARNING: Duration = Duration::days(30);
const MAPPING_PATH: &str =
    "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";

/// The JWT algorithms Onramp offers. RS256 is deliberately absent: NetSuite rejects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithm {
    /// ECDSA P-256 with SHA-256: small keys, fast, the default.
    Es256,
    /// RSA-PSS with SHA-256 over a 3072-bit key.
    Ps256,
}

impl KeyAlgorithm {
    pub fn jwt_algorithm(self) -> jsonwebtoken::Algorithm {
        match self {
            KeyAlgorithm::Es256 => jsonwebtoken::Algorithm::ES256,
            KeyAlgorithm::Ps256 => jsonwebtoken::Algorithm::PS256,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            KeyAlgorithm::Es256 => "ES256",
            KeyAlgorithm::Ps256 => "PS256",
        }
    }

    /// Which algorithm a stored PKCS#8 private key is for (EC → ES256, RSA → PS256).
    pub fn detect(private_key_pem: &str) -> Option<Self> {
        let pem = private_key_pem.trim().as_bytes();
        if jsonwebtoken::EncodingKey::from_ec_pem(pem).is_ok() {
            Some(KeyAlgorithm::Es256)
        } else if jsonwebtoken::EncodingKey::from_rsa_pem(pem).is_ok() {
            Some(KeyAlgorithm::Ps256)
        } else {
            None
        }
    }

    pub fn parse(s: &str) -> Result<Self, OAuthError> {
        match s.trim().to_ascii_uppercase().as_str() {
            "ES256" => Ok(KeyAlgorithm::Es256),
            "PS256" => Ok(KeyAlgorithm::Ps256),
            "RS256" => Err(OAuthError::InvalidInput(
                "NetSuite no longer accepts RS256 for M2M; use ES256 (default) or PS256".into(),
            )),
            other => Err(OAuthError::InvalidInput(format!(
                "'{other}' is not offered; choose ES256 or PS256"
            ))),
        }
    }
}

/// Facts about a certificate the checks and the UI show (nothing secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateInfo {
    pub algorithm: KeyAlgorithm,
    pub subject: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// SHA-256 of the DER certificate, hex, to match it with what NetSuite lists.
    pub fingerprint_sha256: String,
}

pub struct GeneratedCertificate {
    /// PKCS#8 PEM: goes to the keychain, never to disk unless the user asks (CLI --key-out).
    pub private_key_pem: Secret<String>,
    /// The certificate to upload to NetSuite.
    pub certificate_pem: String,
    pub info: CertificateInfo,
}

/// Generates a key pair and a self-signed certificate valid from `now` for `validity_days`.
pub fn generate(
    algorithm: KeyAlgorithm,
    common_name: &str,
    validity_days: i64,
    now: OffsetDateTime,
) -> Result<GeneratedCertificate, OAuthError> {
    if !(1..=MAX_VALIDITY_DAYS).contains(&validity_days) {
        return Err(OAuthError::InvalidInput(format!(
            "certificate validity must be 1–{MAX_VALIDITY_DAYS} days (NetSuite allows at most two years)"
        )));
    }
    let key = match algorithm {
        KeyAlgorithm::Es256 => KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256),
        KeyAlgorithm::Ps256 => rsa_key_pair(),
    }
    .map_err(crypto)?;
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(crypto)?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name.trim());
    params.distinguished_name = dn;
    params.not_before = now - Duration::minutes(5); // tolerate small clock differences
                                                    // Counted from not_before: the whole validity stays within NetSuite's two years.
    params.not_after = params.not_before + Duration::days(validity_days);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    let cert = params.self_signed(&key).map_err(crypto)?;
    Ok(GeneratedCertificate {
        private_key_pem: Secret::new(key.serialize_pem()),
        certificate_pem: cert.pem(),
        info: CertificateInfo {
            algorithm,
            subject: format!("CN={}", common_name.trim()),
            not_before: params.not_before,
            not_after: params.not_after,
            fingerprint_sha256: hex(&Sha256::digest(cert.der())),
        },
    })
}

/// ring cannot generate RSA keys, so RustCrypto makes it and rcgen signs with it.
/// The self-signature uses sha256WithRSAEncryption (rcgen has no PSS); NetSuite reads
/// only the public key from the certificate, and the JWT itself is signed with PSS.
fn rsa_key_pair() -> Result<KeyPair, rcgen::Error> {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 3072)
        .map_err(|_| rcgen::Error::KeyGenerationUnavailable)?;
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|_| rcgen::Error::KeyGenerationUnavailable)?;
    KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256)
}

fn crypto(e: rcgen::Error) -> OAuthError {
    OAuthError::Crypto(format!("could not create the key or certificate: {e}"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The certificate's lifecycle as a check: expired (fail), expiring soon or
/// at the active-certificate limit (warn), else pass.
pub fn certificate_check(
    info: &CertificateInfo,
    active_certificates: usize,
    now: OffsetDateTime,
) -> CheckResult {
    const ID: &str = "netsuite.m2m_certificate";
    const TITLE: &str = "M2M certificate";
    let expiry = super::format_time(info.not_after);
    let result = if now >= info.not_after {
        CheckResult::fail(
            ID,
            TITLE,
            format!("The {} certificate expired on {expiry}.", info.algorithm.as_str()),
            Diagnosis::new(
                "NetSuite refuses client-credentials tokens signed with an expired certificate's key.",
                "Generate a new key pair and certificate in Onramp, upload it for the same integration, role and entity, then update the Certificate ID.",
                MAPPING_PATH,
            ),
        )
    } else if info.not_after - now <= EXPIRY_WARNING {
        let days = (info.not_after - now).whole_days();
        CheckResult::warn(
            ID,
            TITLE,
            format!("The certificate expires in {days} day(s), on {expiry}."),
            Diagnosis::new(
                "When the certificate expires the connector can no longer get tokens.",
                "Rotate now: generate a new certificate, upload it, switch the connector to the new Certificate ID, then revoke the old mapping.",
                MAPPING_PATH,
            ),
        )
    } else if active_certificates >= MAX_ACTIVE_CERTIFICATES {
        CheckResult::warn(
            ID,
            TITLE,
            format!("The integration record already has {active_certificates} active certificates."),
            Diagnosis::new(
                "NetSuite allows at most five active certificates per integration record, so the next rotation upload will be refused.",
                "Revoke mappings that are no longer used before uploading a new certificate.",
                MAPPING_PATH,
            ),
        )
    } else {
        CheckResult::pass(
            ID,
            TITLE,
            format!("The certificate is valid until {expiry}."),
        )
    };
    result
        .with_evidence("Algorithm", info.algorithm.as_str())
        .with_evidence("Valid until", expiry)
        .with_evidence("SHA-256 fingerprint", info.fingerprint_sha256.clone())
        .with_evidence("Active certificates", active_certificates.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::CheckStatus;

    #[test]
    fn es256_certificate_and_key_are_usable() {
        let now = OffsetDateTime::now_utc();
        let g = generate(KeyAlgorithm::Es256, "Onramp M2M", 365, now).unwrap();
        assert!(g.certificate_pem.starts_with("-----BEGIN CERTIFICATE-----"));
        assert!(g
            .private_key_pem
            .expose()
            .starts_with("-----BEGIN PRIVATE KEY-----"));
        assert_eq!(format!("{:?}", g.private_key_pem), "***");
        assert_eq!(
            KeyAlgorithm::detect(g.private_key_pem.expose()),
            Some(KeyAlgorithm::Es256)
        );
        assert_eq!(KeyAlgorithm::detect(&g.certificate_pem), None);
        assert_eq!(g.info.not_after, g.info.not_before + Duration::days(365));
        assert_eq!(g.info.fingerprint_sha256.len(), 64);
        // The key signs an ES256 JWT with jsonwebtoken.
        let key =
            jsonwebtoken::EncodingKey::from_ec_pem(g.private_key_pem.expose().as_bytes()).unwrap();
        let header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
        jsonwebtoken::encode(&header, &serde_json::json!({"a": 1}), &key).unwrap();
    }

    #[test]
    fn validity_is_capped_at_two_years_and_rs256_is_not_offered() {
        let now = OffsetDateTime::now_utc();
        // What the certificate itself says, read back from its PEM.
        let g = generate(KeyAlgorithm::Es256, "x", MAX_VALIDITY_DAYS, now).unwrap();
        let read = crate::checks::certificate::parse_certificate(&g.certificate_pem)
            .unwrap()
            .info;
        assert!(read.not_after - read.not_before <= Duration::days(730));
        assert!(read.not_before <= now);
        assert!(generate(KeyAlgorithm::Es256, "x", 731, now).is_err());
        assert!(generate(KeyAlgorithm::Es256, "x", 0, now).is_err());
        assert!(KeyAlgorithm::parse("rs256")
            .unwrap_err()
            .to_string()
            .contains("RS256"));
        assert_eq!(KeyAlgorithm::parse(" ps256 ").unwrap(), KeyAlgorithm::Ps256);
    }

    #[test]
    fn certificate_check_reports_expiry_and_the_five_certificate_limit() {
        let now = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let info = |days: i64| CertificateInfo {
            algorithm: KeyAlgorithm::Es256,
            subject: "CN=x".into(),
            not_before: now - Duration::days(1),
            not_after: now + Duration::days(days),
            fingerprint_sha256: "00".into(),
        };
        assert_eq!(
            certificate_check(&info(-1), 1, now).status,
            CheckStatus::Fail
        );
        assert_eq!(
            certificate_check(&info(10), 1, now).status,
            CheckStatus::Warn
        );
        let full = certificate_check(&info(300), 5, now);
        assert_eq!(full.status, CheckStatus::Warn);
        assert!(full.diagnosis.unwrap().cause.contains("five"));
        assert_eq!(
            certificate_check(&info(300), 2, now).status,
            CheckStatus::Pass
        );
    }
}
