//! PEM certificates, decoded in two steps: the PEM armour to DER bytes, then
//! the DER. `der` 0.7's streaming `DecodePem` never returns on some truncated
//! bodies (a one-byte body such as `nA==` spins forever), so a pasted or
//! chosen file must never reach it; slice decoding stops at the end.

use x509_cert::der::{pem, Decode};
use x509_cert::Certificate;

/// The first PEM block of `text` as an x.509 certificate; the error says why not.
pub fn certificate_from_pem(text: &[u8]) -> Result<Certificate, String> {
    let (label, der) = pem::decode_vec(text).map_err(|e| e.to_string())?;
    if label != "CERTIFICATE" {
        return Err(format!("the PEM block is a {label}, not a CERTIFICATE"));
    }
    Certificate::from_der(&der).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the long property run: `DecodePem` never returns on it.
    const TRUNCATED: &str = "-----BEGIN CERTIFICATE-----\nnA==\n-----END CERTIFICATE-----\n";

    #[test]
    fn truncated_bodies_are_refused_not_hung() {
        assert!(certificate_from_pem(TRUNCATED.as_bytes()).is_err());
        for body in ["", "MA==", "MIIB", "nA==", "//8="] {
            let text = format!("-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n");
            assert!(certificate_from_pem(text.as_bytes()).is_err(), "{body}");
        }
    }

    #[test]
    fn a_key_block_is_named_not_read() {
        let text = "-----BEGIN PUBLIC KEY-----\nMA==\n-----END PUBLIC KEY-----\n";
        let e = certificate_from_pem(text.as_bytes()).unwrap_err();
        assert!(e.contains("PUBLIC KEY"), "{e}");
    }

    #[test]
    fn a_generated_certificate_reads_back() {
        let now = time::OffsetDateTime::now_utc();
        let g = super::super::generate(super::super::KeyAlgorithm::Es256, "t", 30, now).unwrap();
        let cert = certificate_from_pem(g.certificate_pem.as_bytes()).unwrap();
        assert_eq!(cert.tbs_certificate.version, x509_cert::Version::V3);
    }
}
