//! Each refusal, from certificates and keys made here at test time (no key is
//! committed).

use rcgen::{CertificateParams, KeyPair, PKCS_ECDSA_P256_SHA256, PKCS_ECDSA_P384_SHA384};
use time::{Duration, OffsetDateTime};

use super::*;

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn cert_for(key: &KeyPair, from: OffsetDateTime, days: i64) -> String {
    let mut params = CertificateParams::new(vec!["vendor.example".to_string()]).unwrap();
    params.not_before = from;
    params.not_after = from + Duration::days(days);
    params.self_signed(key).unwrap().pem()
}

fn ec(alg: &'static rcgen::SignatureAlgorithm) -> KeyPair {
    KeyPair::generate_for(alg).unwrap()
}

fn rsa(bits: usize) -> KeyPair {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), bits).unwrap();
    let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
    KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap()
}

fn refusal(file: &str, alg: Option<&str>) -> ImportRefusal {
    validate_certificate(file.as_bytes(), alg, now()).unwrap_err()
}

#[test]
fn ec_certificates_take_the_algorithm_of_their_curve() {
    let p256 = cert_for(&ec(&PKCS_ECDSA_P256_SHA256), now() - Duration::days(1), 365);
    let ok = validate_certificate(p256.as_bytes(), None, now()).unwrap();
    assert_eq!((ok.key.as_str(), ok.algorithm), ("EC P-256", "ES256"));
    assert!(ok
        .certificate_pem
        .starts_with("-----BEGIN CERTIFICATE-----"));
    // The same certificate as DER (a binary .cer) reads the same.
    let der = crate::oauth2::pem::certificate_from_pem(p256.as_bytes())
        .unwrap()
        .to_der()
        .unwrap();
    assert_eq!(
        validate_certificate(&der, Some("es256"), now()).unwrap(),
        ok
    );
    let p384 = cert_for(&ec(&PKCS_ECDSA_P384_SHA384), now() - Duration::days(1), 730);
    let ok = validate_certificate(p384.as_bytes(), Some("ES384"), now()).unwrap();
    assert_eq!((ok.key.as_str(), ok.algorithm), ("EC P-384", "ES384"));
    assert!(matches!(
        refusal(&p384, Some("ES256")),
        ImportRefusal::AlgorithmMismatch { fits, .. } if fits == "ES384"
    ));
}

#[test]
fn rsa_needs_3072_or_4096_bits_and_a_pss_algorithm() {
    let key = rsa(3072);
    let cert = cert_for(&key, now() - Duration::days(1), 365);
    let ok = validate_certificate(cert.as_bytes(), Some("PS512"), now()).unwrap();
    assert_eq!((ok.key.as_str(), ok.algorithm), ("RSA 3072", "PS512"));
    assert_eq!(refusal(&cert, Some("RS256")), ImportRefusal::Rs256);
    assert!(matches!(
        refusal(&cert, Some("ES256")),
        ImportRefusal::AlgorithmMismatch { .. }
    ));
    let small = cert_for(&rsa(2048), now() - Duration::days(1), 365);
    assert_eq!(refusal(&small, None), ImportRefusal::RsaKeySize(2048));
}

#[test]
fn keys_are_refused_and_never_quoted() {
    let key = ec(&PKCS_ECDSA_P256_SHA256);
    let private = key.serialize_pem();
    let e = refusal(&private, None);
    assert_eq!(e, ImportRefusal::PrivateKey);
    // A certificate bundled with its private key is refused too.
    let bundle = format!("{}{private}", cert_for(&key, now() - Duration::days(1), 30));
    assert_eq!(refusal(&bundle, None), ImportRefusal::PrivateKey);
    let body = private.lines().nth(1).unwrap();
    assert!(!e.to_string().contains(body));
    assert_eq!(
        refusal(&key.public_key_pem(), None),
        ImportRefusal::BarePublicKey
    );
}

#[test]
fn other_key_types_and_garbage_are_refused() {
    let ed = cert_for(&ec(&rcgen::PKCS_ED25519), now() - Duration::days(1), 30);
    assert!(matches!(
        refusal(&ed, None),
        ImportRefusal::UnsupportedKeyType(oid) if oid == "1.3.101.112"
    ));
    assert!(matches!(
        refusal("hello", None),
        ImportRefusal::NotCertificate(_)
    ));
    let broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    assert!(matches!(
        refusal(broken, None),
        ImportRefusal::NotCertificate(_)
    ));
    assert!(matches!(
        validate_certificate(&[0xff, 0x00, 0x13], None, now()),
        Err(ImportRefusal::NotCertificate(_))
    ));
    assert_eq!(
        validate_certificate(&vec![b'A'; MAX_FILE_BYTES + 1], None, now()),
        Err(ImportRefusal::TooLarge(MAX_FILE_BYTES + 1))
    );
}

#[test]
fn validity_must_be_two_years_at_most_and_cover_today() {
    let key = ec(&PKCS_ECDSA_P256_SHA256);
    let long = cert_for(&key, now() - Duration::days(1), 800);
    assert_eq!(refusal(&long, None), ImportRefusal::ValidityTooLong(800));
    let expired = cert_for(&key, now() - Duration::days(400), 365);
    assert!(matches!(refusal(&expired, None), ImportRefusal::Expired(_)));
    let future = cert_for(&key, now() + Duration::days(3), 365);
    assert!(matches!(
        refusal(&future, None),
        ImportRefusal::NotYetValid(_)
    ));
}
