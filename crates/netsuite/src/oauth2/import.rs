//! A certificate a connector vendor supplies for M2M (they keep the private
//! key): checked before the user uploads it at Setup > Integration > Manage
//! Authentication > OAuth 2.0 Client Credentials (M2M) Setup. Oracle's rules
//! (help section_162686838198, section_162755359851): an X.509 certificate
//! with an RSA key of 3072 or 4096 bits (PS256, PS384, PS512) or an EC key on
//! P-256, P-384 or P-521 (ES256, ES384, ES512), valid for at most two years.
//! RS256 is not on Oracle's list. NetSuite quietly shortens a longer validity,
//! so the mapping would expire before the vendor expects: refused here.

use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use x509_cert::der::asn1::ObjectIdentifier;
use x509_cert::der::{Decode, Encode};
use x509_cert::Certificate;

use super::keygen::MAX_VALIDITY_DAYS;

/// Larger than any certificate; a bigger file is refused unread.
const MAX_FILE_BYTES: usize = 64 * 1024;
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const RSA_PSS: &str = "1.2.840.113549.1.1.10";
const CURVES: [(&str, &str, &str); 3] = [
    ("1.2.840.10045.3.1.7", "P-256", "ES256"),
    ("1.3.132.0.34", "P-384", "ES384"),
    ("1.3.132.0.35", "P-521", "ES512"),
];
const RSA_ALGORITHMS: [&str; 3] = ["PS256", "PS384", "PS512"];

/// A certificate NetSuite will take, and what the upload form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCertificate {
    /// `RSA 3072` or `EC P-384`.
    pub key: String,
    /// The JWT algorithm the connector must sign with (`ES384`, `PS256`…).
    pub algorithm: &'static str,
    pub subject: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// SHA-256 of the DER certificate, hex, to match it with what NetSuite lists.
    pub fingerprint_sha256: String,
    /// The certificate as PEM, ready to upload.
    pub certificate_pem: String,
}

/// Why a file cannot be uploaded as an M2M certificate. The texts never
/// quote the file's content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportRefusal {
    #[error("the file is larger than any certificate ({0} bytes); choose the certificate file (.pem, .crt or .cer)")]
    TooLarge(usize),
    #[error("the file holds a private key; NetSuite needs only the certificate. Do not send or upload the private key: ask the vendor for the certificate (-----BEGIN CERTIFICATE-----)")]
    PrivateKey,
    #[error("the file holds a bare public key; NetSuite needs an X.509 certificate (-----BEGIN CERTIFICATE-----) made from that key: ask the vendor for it")]
    BarePublicKey,
    #[error("the file is not an X.509 certificate (PEM or DER): {0}")]
    NotCertificate(String),
    #[error("the certificate's key type ({0}) is neither RSA nor EC; NetSuite takes RSA 3072/4096 or EC P-256/P-384/P-521")]
    UnsupportedKeyType(String),
    #[error(
        "the certificate's RSA key has {0} bits; NetSuite takes RSA keys of 3072 or 4096 bits"
    )]
    RsaKeySize(usize),
    #[error("the certificate's EC curve ({0}) is not P-256, P-384 or P-521")]
    UnsupportedCurve(String),
    #[error(
        "RS256 is not accepted for M2M; an RSA certificate is used with PS256, PS384 or PS512"
    )]
    Rs256,
    #[error(
        "the connector signs with {wanted}, which does not fit a {key} certificate; use {fits}"
    )]
    AlgorithmMismatch {
        wanted: String,
        key: String,
        fits: String,
    },
    #[error("the certificate is valid for {0} days; NetSuite keeps at most two years ({MAX_VALIDITY_DAYS} days) and would cut it short, so the connector would stop before the vendor expects: ask the vendor for one valid two years or less")]
    ValidityTooLong(i64),
    #[error("the certificate expired on {0}; ask the vendor for a new one")]
    Expired(String),
    #[error("the certificate is not valid until {0}; upload it from that date, or check this computer's clock")]
    NotYetValid(String),
}

/// Checks `file` (PEM or DER) for upload; `algorithm` is what the connector
/// signs its JWTs with, when the vendor said (else the one the key implies).
pub fn validate_certificate(
    file: &[u8],
    algorithm: Option<&str>,
    now: OffsetDateTime,
) -> Result<ImportedCertificate, ImportRefusal> {
    let cert = inspect(file, algorithm)?;
    if now > cert.not_after {
        return Err(ImportRefusal::Expired(super::format_time(cert.not_after)));
    }
    if now < cert.not_before {
        return Err(ImportRefusal::NotYetValid(super::format_time(
            cert.not_before,
        )));
    }
    Ok(cert)
}

/// Every rule but the dates: what a certificate imported earlier shows once
/// it has expired.
pub fn inspect(file: &[u8], algorithm: Option<&str>) -> Result<ImportedCertificate, ImportRefusal> {
    if file.len() > MAX_FILE_BYTES {
        return Err(ImportRefusal::TooLarge(file.len()));
    }
    let cert = read(file)?;
    let tbs = &cert.tbs_certificate;
    let spki = &tbs.subject_public_key_info;
    let (key, fits): (String, Vec<&'static str>) = match spki.algorithm.oid.to_string().as_str() {
        RSA_ENCRYPTION | RSA_PSS => {
            let bits = rsa_bits(spki.subject_public_key.raw_bytes())?;
            if bits != 3072 && bits != 4096 {
                return Err(ImportRefusal::RsaKeySize(bits));
            }
            (format!("RSA {bits}"), RSA_ALGORITHMS.to_vec())
        }
        EC_PUBLIC_KEY => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .map(|o| o.to_string())
                .unwrap_or_else(|| "unnamed".into());
            let (_, name, alg) = CURVES
                .iter()
                .find(|(oid, _, _)| *oid == curve)
                .ok_or(ImportRefusal::UnsupportedCurve(curve))?;
            (format!("EC {name}"), vec![*alg])
        }
        other => return Err(ImportRefusal::UnsupportedKeyType(other.to_string())),
    };
    let algorithm = pick_algorithm(algorithm, &key, &fits)?;
    let time = |t: x509_cert::time::Time| {
        let secs = i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
        OffsetDateTime::from_unix_timestamp(secs)
            .map_err(|e| ImportRefusal::NotCertificate(e.to_string()))
    };
    let not_before = time(tbs.validity.not_before)?;
    let not_after = time(tbs.validity.not_after)?;
    let days = (not_after - not_before).whole_days();
    if days > MAX_VALIDITY_DAYS {
        return Err(ImportRefusal::ValidityTooLong(days));
    }
    let der = cert
        .to_der()
        .map_err(|e| ImportRefusal::NotCertificate(e.to_string()))?;
    Ok(ImportedCertificate {
        key,
        algorithm,
        subject: tbs.subject.to_string(),
        not_before,
        not_after,
        fingerprint_sha256: Sha256::digest(&der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
        certificate_pem: pem_of(&der),
    })
}

/// The certificate, or the refusal its PEM label calls for.
fn read(file: &[u8]) -> Result<Certificate, ImportRefusal> {
    let Ok(text) = std::str::from_utf8(file) else {
        return Certificate::from_der(file)
            .map_err(|e| ImportRefusal::NotCertificate(e.to_string()));
    };
    if text.contains("PRIVATE KEY-----") {
        return Err(ImportRefusal::PrivateKey);
    }
    let Some(start) = text.find("-----BEGIN CERTIFICATE-----") else {
        return Err(if text.contains("PUBLIC KEY-----") {
            ImportRefusal::BarePublicKey
        } else {
            ImportRefusal::NotCertificate("no -----BEGIN CERTIFICATE----- block".into())
        });
    };
    // A chain holds the connector's certificate first.
    let block = &text[start..];
    let end = block
        .find("-----END CERTIFICATE-----")
        .map_or(block.len(), |i| i + "-----END CERTIFICATE-----".len());
    super::pem::certificate_from_pem(&block.as_bytes()[..end])
        .map_err(ImportRefusal::NotCertificate)
}

fn rsa_bits(pkcs1: &[u8]) -> Result<usize, ImportRefusal> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    use rsa::traits::PublicKeyParts;
    let key = rsa::RsaPublicKey::from_pkcs1_der(pkcs1)
        .map_err(|e| ImportRefusal::NotCertificate(format!("its RSA key cannot be read: {e}")))?;
    Ok(key.n().bits())
}

fn pick_algorithm(
    wanted: Option<&str>,
    key: &str,
    fits: &[&'static str],
) -> Result<&'static str, ImportRefusal> {
    let Some(wanted) = wanted.map(|w| w.trim().to_ascii_uppercase()) else {
        return Ok(fits[0]);
    };
    if wanted.starts_with("RS") {
        return Err(ImportRefusal::Rs256);
    }
    fits.iter()
        .find(|f| **f == wanted)
        .copied()
        .ok_or_else(|| ImportRefusal::AlgorithmMismatch {
            wanted,
            key: key.to_string(),
            fits: fits.join(", "),
        })
}

fn pem_of(der: &[u8]) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

#[cfg(test)]
mod tests;
