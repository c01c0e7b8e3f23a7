//! `netsuite.m2m_certificate` from the certificate file the user uploaded:
//! its expiry (via `oauth2::keygen::certificate_check`) and whether it is the
//! certificate of the private key the connector signs with. A key/certificate
//! mix-up looks like any other refused assertion (MissingKey, InvalidSignature)
//! on NetSuite's side, so proving the pairing locally saves a round of guessing.

use crate::oauth2::pem::certificate_from_pem;
use onramp_core::{CheckResult, Diagnosis, Secret};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use x509_cert::der::Encode;

use crate::oauth2::diagnose::M2M_SETUP;
use crate::oauth2::keygen::{certificate_check, CertificateInfo, KeyAlgorithm};
use crate::oauth2::OAuthError;

pub const M2M_CERTIFICATE: &str = "netsuite.m2m_certificate";
const TITLE: &str = "M2M certificate";
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const RSA_PSS: &str = "1.2.840.113549.1.1.10";

/// A parsed certificate: what the lifecycle check needs plus its public key.
pub struct ParsedCertificate {
    pub info: CertificateInfo,
    /// DER of the SubjectPublicKeyInfo, to compare with the private key's.
    spki_der: Vec<u8>,
}

/// Reads a PEM certificate (`.pem`, `.crt` or `.cer` in PEM form).
pub fn parse_certificate(pem: &str) -> Result<ParsedCertificate, OAuthError> {
    let bad = |e: &dyn std::fmt::Display| {
        OAuthError::InvalidInput(format!(
            "the certificate file is not a PEM x.509 certificate (-----BEGIN CERTIFICATE-----): {e}"
        ))
    };
    let cert = certificate_from_pem(pem.trim().as_bytes()).map_err(|e| bad(&e))?;
    let tbs = &cert.tbs_certificate;
    let algorithm = match tbs
        .subject_public_key_info
        .algorithm
        .oid
        .to_string()
        .as_str()
    {
        EC_PUBLIC_KEY => KeyAlgorithm::Es256,
        RSA_ENCRYPTION | RSA_PSS => KeyAlgorithm::Ps256,
        other => {
            return Err(OAuthError::InvalidInput(format!(
            "the certificate's key type ({other}) is neither EC nor RSA, which NetSuite requires"
        )))
        }
    };
    let time = |t: x509_cert::time::Time| {
        OffsetDateTime::from_unix_timestamp(t.to_unix_duration().as_secs() as i64)
            .map_err(|e| bad(&e))
    };
    let der = cert.to_der().map_err(|e| bad(&e))?;
    Ok(ParsedCertificate {
        info: CertificateInfo {
            algorithm,
            subject: tbs.subject.to_string(),
            not_before: time(tbs.validity.not_before)?,
            not_after: time(tbs.validity.not_after)?,
            fingerprint_sha256: Sha256::digest(&der)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        },
        spki_der: tbs.subject_public_key_info.to_der().map_err(|e| bad(&e))?,
    })
}

impl ParsedCertificate {
    /// True when `private_key_pem` (PKCS#8) is this certificate's key.
    pub fn pairs_with(&self, private_key_pem: &Secret<String>) -> Result<bool, OAuthError> {
        let key = rcgen::KeyPair::from_pem(private_key_pem.expose()).map_err(|_| {
            OAuthError::InvalidInput("the private key is not a PKCS#8 PEM key".into())
        })?;
        Ok(rcgen::PublicKeyData::subject_public_key_info(&key) == self.spki_der)
    }
}

/// The certificate check: unreadable or not the key's certificate fails,
/// otherwise expiry decides (the active-certificate count is unknown here).
pub fn m2m_certificate_check(
    certificate_pem: &str,
    private_key_pem: Option<&Secret<String>>,
    now: OffsetDateTime,
) -> CheckResult {
    let parsed = match parse_certificate(certificate_pem) {
        Ok(p) => p,
        Err(e) => {
            return CheckResult::fail(
                M2M_CERTIFICATE,
                TITLE,
                e.to_string(),
                Diagnosis::new(
                    "The file given as the certificate cannot be read as the x.509 certificate NetSuite accepts.",
                    "Give the certificate file you uploaded (PEM), or generate a new one with `onramp-cli netsuite m2m keygen` and upload it.",
                    M2M_SETUP,
                ),
            )
        }
    };
    if let Some(key) = private_key_pem {
        if !parsed.pairs_with(key).unwrap_or(false) {
            return CheckResult::fail(
                M2M_CERTIFICATE,
                TITLE,
                "The certificate is not the certificate of the private key the connector signs with.",
                Diagnosis::new(
                    "NetSuite verifies the client assertion with the uploaded certificate's public key, so a key from another key pair is refused (Detail InvalidSignature).",
                    "Use the private key generated together with this certificate, or upload the certificate of the key you have and use its Certificate ID.",
                    M2M_SETUP,
                ),
            )
            .with_evidence("SHA-256 fingerprint", parsed.info.fingerprint_sha256);
        }
    }
    let mut result = certificate_check(&parsed.info, 1, now);
    result.evidence.retain(|e| e.label != "Active certificates");
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth2::keygen::generate;
    use onramp_core::CheckStatus;
    use time::Duration;

    #[test]
    fn reads_generated_certificates_and_proves_the_key_pairing() {
        let now = OffsetDateTime::now_utc();
        let g = generate(KeyAlgorithm::Es256, "Pairing", 365, now).unwrap();
        let parsed = parse_certificate(&g.certificate_pem).unwrap();
        assert_eq!(parsed.info.algorithm, KeyAlgorithm::Es256);
        assert_eq!(parsed.info.fingerprint_sha256, g.info.fingerprint_sha256);
        // x.509 stores whole seconds.
        assert_eq!(
            parsed.info.not_after.unix_timestamp(),
            g.info.not_after.unix_timestamp()
        );
        assert!(parsed.info.subject.contains("Pairing"));
        assert!(parsed.pairs_with(&g.private_key_pem).unwrap());

        let other = generate(KeyAlgorithm::Es256, "Other", 365, now).unwrap();
        assert!(!parsed.pairs_with(&other.private_key_pem).unwrap());
        let mixed = m2m_certificate_check(&g.certificate_pem, Some(&other.private_key_pem), now);
        assert_eq!(mixed.status, CheckStatus::Fail);
        assert!(mixed.summary.contains("not the certificate"));

        let ok = m2m_certificate_check(&g.certificate_pem, Some(&g.private_key_pem), now);
        assert_eq!(ok.status, CheckStatus::Pass, "{ok:?}");
        assert!(ok.evidence.iter().all(|e| e.label != "Active certificates"));
        let late = m2m_certificate_check(&g.certificate_pem, None, now + Duration::days(400));
        assert_eq!(late.status, CheckStatus::Fail);
    }

    #[test]
    fn unreadable_certificates_fail_with_a_clear_message() {
        let r = m2m_certificate_check("<html>login</html>", None, OffsetDateTime::now_utc());
        assert_eq!(r.status, CheckStatus::Fail);
        assert!(r.summary.contains("BEGIN CERTIFICATE"), "{}", r.summary);
    }
}
