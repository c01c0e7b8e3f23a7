//! M2M certificate mappings (integration, role, entity → certificate) from the
//! scenario or uploaded in Practice mode through `POST /__sim/netsuite/m2m/certificates`,
//! as the user would at Setup > Integration > Manage Authentication > OAuth 2.0
//! Client Credentials (M2M) Setup.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use jsonwebtoken::{Algorithm, DecodingKey};
use rsa::pkcs1::DecodeRsaPublicKey;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Duration, OffsetDateTime};
use x509_cert::der::{pem, Decode};
use x509_cert::Certificate;

use super::super::state::NsState;
use super::grants::random_token;
use super::{read_account, with_account};

/// Since 2026.1 an integration record holds at most five active certificates.
pub const MAX_ACTIVE: usize = 5;
/// NetSuite shortens longer certificates to two years.
const MAX_VALIDITY: Duration = Duration::days(730);
const RSA_OID: &str = "1.2.840.113549.1.1.1";
/// id-RSASSA-PSS: the key type of certificates made with `openssl … -newkey rsa-pss`,
/// as Oracle's recipe for OAuth 2.0 certificates does (ORA:section_0312092212).
const RSA_PSS_OID: &str = "1.2.840.113549.1.1.10";
const EC_OID: &str = "1.2.840.10045.2.1";
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";
const P521: &str = "1.3.132.0.35";

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateMapping {
    pub account: String,
    /// Application ID of the integration record.
    pub integration: String,
    /// What NetSuite shows after upload; the JWT `kid`.
    pub certificate_id: String,
    pub role: u64,
    pub entity: u64,
    pub certificate_pem: String,
    #[serde(default)]
    pub revoked: bool,
}

/// The public key of a certificate and which JWT algorithms it can verify.
pub struct PublicKey {
    pub key: DecodingKey,
    pub algorithms: &'static [Algorithm],
    pub not_after: OffsetDateTime,
}

/// PEM armour to DER, then the DER: `der` 0.7's streaming `DecodePem` never
/// returns on some truncated bodies (`nA==`), and anyone can post here.
fn certificate(text: &[u8]) -> Result<Certificate, String> {
    let (label, der) = pem::decode_vec(text).map_err(|e| e.to_string())?;
    if label != "CERTIFICATE" {
        return Err(format!("a {label} block"));
    }
    Certificate::from_der(&der).map_err(|e| e.to_string())
}

/// Parses a PEM certificate; refuses key types and sizes NetSuite does not accept.
pub fn public_key(pem: &str) -> Result<PublicKey, String> {
    let cert = certificate(pem.trim().as_bytes())
        .map_err(|e| format!("not an X.509 certificate in PEM form: {e}"))?;
    let tbs = &cert.tbs_certificate;
    let validity = &tbs.validity;
    let not_before = OffsetDateTime::from(validity.not_before.to_system_time());
    let not_after =
        OffsetDateTime::from(validity.not_after.to_system_time()).min(not_before + MAX_VALIDITY);
    let spki = &tbs.subject_public_key_info;
    let raw = spki.subject_public_key.raw_bytes();
    match spki.algorithm.oid.to_string().as_str() {
        RSA_OID | RSA_PSS_OID => {
            let bits = rsa::RsaPublicKey::from_pkcs1_der(raw)
                .map(|k| rsa::traits::PublicKeyParts::size(&k) * 8)
                .map_err(|e| format!("unreadable RSA key: {e}"))?;
            if bits != 3072 && bits != 4096 {
                return Err(format!(
                    "RSA keys must be 3072 or 4096 bits; this one has {bits}"
                ));
            }
            Ok(PublicKey {
                key: DecodingKey::from_rsa_der(raw),
                algorithms: &[Algorithm::PS256, Algorithm::PS384, Algorithm::PS512],
                not_after,
            })
        }
        EC_OID => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<x509_cert::der::asn1::ObjectIdentifier>().ok())
                .map(|o| o.to_string())
                .unwrap_or_default();
            let algorithms: &'static [Algorithm] = match curve.as_str() {
                P256 => &[Algorithm::ES256],
                P384 => &[Algorithm::ES384],
                // ES512 is accepted by NetSuite but the simulator's JWT library cannot verify it.
                P521 => &[],
                _ => return Err("EC keys must use the P-256, P-384 or P-521 curve".into()),
            };
            Ok(PublicKey {
                key: DecodingKey::from_ec_der(raw),
                algorithms,
                not_after,
            })
        }
        other => Err(format!(
            "unsupported key type {other}; use RSA 3072/4096 or EC P-256/384/521"
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upload {
    pub account: String,
    pub client_id: String,
    pub role: u64,
    pub entity: u64,
    pub certificate_pem: String,
}

/// Practice-mode upload: answers the Certificate ID NetSuite would show.
pub async fn upload(State(state): State<NsState>, Json(u): Json<Upload>) -> Response {
    let bad = |status: StatusCode, msg: String| {
        (status, Json(json!({ "simulator": msg }))).into_response()
    };
    let key = match public_key(&u.certificate_pem) {
        Ok(k) => k,
        Err(e) => return bad(StatusCode::BAD_REQUEST, e),
    };
    if key.not_after <= state.clock.now() {
        return bad(
            StatusCode::BAD_REQUEST,
            "the certificate has already expired".into(),
        );
    }
    let outcome = with_account(&state, &u.account, |a| {
        let integration = a
            .integration_by_key(&u.client_id)
            .ok_or_else(|| format!("no integration record has client ID {}", u.client_id))?
            .clone();
        let holds = a
            .employees
            .get(&u.entity)
            .is_some_and(|e| e.roles.contains(&u.role));
        if !holds {
            return Err(format!(
                "employee {} does not hold role {}",
                u.entity, u.role
            ));
        }
        let active = a
            .oauth2
            .certificates
            .iter()
            .filter(|c| c.integration == integration.id && !c.revoked)
            .count();
        if active >= MAX_ACTIVE {
            return Err(format!("the integration record already has {MAX_ACTIVE} active certificates; revoke one first"));
        }
        let certificate_id = random_token(32);
        a.oauth2.certificates.push(CertificateMapping {
            account: a.id.clone(),
            integration: integration.id,
            certificate_id: certificate_id.clone(),
            role: u.role,
            entity: u.entity,
            certificate_pem: u.certificate_pem.clone(),
            revoked: false,
        });
        Ok(certificate_id)
    });
    match outcome {
        Some(Ok(id)) => Json(json!({
            "certificate_id": id,
            "valid_until": super::super::rfc3339(key.not_after),
        }))
        .into_response(),
        Some(Err(e)) => bad(StatusCode::CONFLICT, e),
        None => bad(
            StatusCode::NOT_FOUND,
            format!("no account {:?} in this scenario", u.account),
        ),
    }
}

/// The mappings as NetSuite's M2M Setup page lists them (certificates are public; no keys here).
pub async fn list(State(state): State<NsState>) -> Response {
    let ids: Vec<String> = state.accounts().keys().cloned().collect();
    let mut rows = Vec::new();
    for id in ids {
        let mappings =
            read_account(&state, &id, |a| a.oauth2.certificates.clone()).unwrap_or_default();
        for m in mappings {
            let valid_until = public_key(&m.certificate_pem)
                .map(|k| super::super::rfc3339(k.not_after))
                .unwrap_or_default();
            rows.push(json!({
                "account": m.account, "integration": m.integration,
                "certificate_id": m.certificate_id, "role": m.role, "entity": m.entity,
                "valid_until": valid_until, "revoked": m.revoked,
            }));
        }
    }
    Json(json!({ "certificates": rows })).into_response()
}
