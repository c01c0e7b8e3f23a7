//! The M2M key pair and certificate: generated here, the private key straight
//! into the keychain, the certificate (public) shown and written to a file the
//! user uploads at Setup > Integration > Manage Authentication > OAuth 2.0
//! Client Credentials (M2M) Setup. In Practice mode the app uploads it to the
//! simulator itself, as the simulated administrator would.

use crate::data_dir::DataDir;
use crate::errors::OrIpc;
use std::path::{Path, PathBuf};
use std::time::Duration;

use onramp_core::http::{read_body, Expect};
use onramp_core::state::Setup;
use onramp_core::{ErrorKind, IpcError, SecretKey};
use onramp_netsuite::checks::certificate::parse_certificate;
use onramp_netsuite::oauth2::keygen::{generate as keygen, MAX_VALIDITY_DAYS};
use onramp_netsuite::oauth2::secret_names::M2M_PRIVATE_KEY;
use onramp_netsuite::oauth2::{format_time, CertificateInfo, KeyAlgorithm, OffsetDateTime};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use specta::Type;

use super::{client::client_id, invalid, write_fields};
use crate::ctx::AppCtx;

/// The algorithms offered. RS256 is absent on purpose: NetSuite refuses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum M2mAlgorithm {
    /// ECDSA P-256 (the default).
    ES256,
    /// RSA-PSS over a 3072-bit key.
    PS256,
}

impl From<M2mAlgorithm> for KeyAlgorithm {
    fn from(a: M2mAlgorithm) -> Self {
        match a {
            M2mAlgorithm::ES256 => KeyAlgorithm::Es256,
            M2mAlgorithm::PS256 => KeyAlgorithm::Ps256,
        }
    }
}

impl From<KeyAlgorithm> for M2mAlgorithm {
    fn from(a: KeyAlgorithm) -> Self {
        match a {
            KeyAlgorithm::Es256 => M2mAlgorithm::ES256,
            KeyAlgorithm::Ps256 => M2mAlgorithm::PS256,
        }
    }
}

/// The certificate as the app shows it; public, like the file itself.
#[derive(Debug, Clone, Serialize, Type)]
pub struct M2mCertificate {
    pub algorithm: M2mAlgorithm,
    pub certificate_pem: String,
    /// The file to upload to NetSuite.
    pub path: String,
    pub subject: String,
    pub not_after: String,
    pub fingerprint_sha256: String,
}

/// Where a setup's certificate file lives (setup ids are UUIDs; anything else is refused).
pub fn certificate_path(data_dir: &DataDir, setup_id: &str) -> Result<PathBuf, IpcError> {
    if !crate::data_dir::is_setup_id(setup_id) {
        return Err(invalid(format!("{setup_id:?} is not a setup id")));
    }
    Ok(data_dir.certificates().join(format!("{setup_id}.pem")))
}

fn describe(info: &CertificateInfo, pem: String, path: &Path) -> M2mCertificate {
    M2mCertificate {
        algorithm: info.algorithm.into(),
        certificate_pem: pem,
        path: path.display().to_string(),
        subject: info.subject.clone(),
        not_after: format_time(info.not_after),
        fingerprint_sha256: info.fingerprint_sha256.clone(),
    }
}

fn storage(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::Storage, e.to_string())
}

/// A new key pair and certificate valid for NetSuite's maximum (two years).
/// A new key needs a new mapping, so the old Certificate ID is forgotten.
pub async fn generate(
    ctx: &AppCtx,
    setup: &Setup,
    algorithm: M2mAlgorithm,
) -> Result<M2mCertificate, IpcError> {
    let common_name = format!("Onramp {}", setup.label.trim());
    let now = OffsetDateTime::now_utc();
    // RSA key generation takes seconds: off the async workers.
    let generated = tokio::task::spawn_blocking(move || {
        keygen(algorithm.into(), &common_name, MAX_VALIDITY_DAYS, now)
    })
    .await
    .map_err(|e| IpcError::new(ErrorKind::Internal, format!("key generation failed: {e}")))?
    .or_ipc()?;
    let id = setup.id.clone();
    let key = generated.private_key_pem.clone();
    crate::oauth::keychain(ctx, move |s| {
        s.set(&SecretKey::new(id.as_str(), M2M_PRIVATE_KEY), &key)
    })
    .await?;
    let path = certificate_path(&ctx.data_dir, &setup.id)?;
    if let Some(dir) = path.parent() {
        onramp_core::files::create_private_dir(dir).map_err(storage)?;
    }
    std::fs::write(&path, &generated.certificate_pem)
        .map_err(|e| storage(format!("could not write {}: {e}", path.display())))?;
    let expires_at = format_time(generated.info.not_after);
    write_fields(ctx, &setup.id, |f| {
        let ns = &mut f.netsuite;
        ns.certificate_expires_at = Some(expires_at);
        // A new key: its certificate is not mapped yet, and not handed over.
        ns.certificate_id = None;
        ns.key_export = None;
        // Onramp's key from now on, not a vendor's.
        ns.vendor_certificate = None;
    })?;
    tracing::info!(setup = %setup.id, algorithm = generated.info.algorithm.as_str(), "M2M key pair generated; private key in the keychain");
    Ok(describe(&generated.info, generated.certificate_pem, &path))
}

/// The setup's certificate file, if one was generated.
pub fn read(ctx: &AppCtx, setup_id: &str) -> Result<Option<M2mCertificate>, IpcError> {
    let path = certificate_path(&ctx.data_dir, setup_id)?;
    let pem = match std::fs::read_to_string(&path) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(storage(format!("could not read {}: {e}", path.display()))),
    };
    let parsed = parse_certificate(&pem).or_ipc()?;
    Ok(Some(describe(&parsed.info, pem, &path)))
}

/// The certificate to map: the vendor's when they keep the key, else Onramp's.
pub fn upload_pem(ctx: &AppCtx, setup: &Setup) -> Result<Option<String>, IpcError> {
    if super::vendor::holds_key(setup) {
        return super::vendor::pem(ctx, setup);
    }
    Ok(read(ctx, &setup.id)?.map(|c| c.certificate_pem))
}

/// What the simulator answers to an upload.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct PracticeUpload {
    pub certificate_id: String,
    pub valid_until: String,
}

/// Practice mode: maps the certificate in the simulator for the scenario's
/// integration user and role and returns the Certificate ID NetSuite would show.
pub async fn practice_upload(ctx: &AppCtx, setup: &Setup) -> Result<PracticeUpload, IpcError> {
    if setup.practice_scenario.is_none() {
        return Err(invalid(
            "only a practice setup uploads its certificate itself; upload it in NetSuite",
        ));
    }
    let pem = upload_pem(ctx, setup)?.ok_or_else(|| {
        invalid("generate the key pair and certificate (or import the vendor's) first")
    })?;
    practice_map(ctx, setup, pem, None).await
}

/// Practice mode: maps `certificate_pem` in the simulator for the scenario's
/// role and its integration user, or `entity` (another employee holding the
/// role: a new owner), as the simulated administrator would.
pub async fn practice_map(
    ctx: &AppCtx,
    setup: &Setup,
    certificate_pem: String,
    entity: Option<u64>,
) -> Result<PracticeUpload, IpcError> {
    let scenario = crate::practice::scenario_for(&ctx.data_dir, setup)?;
    let slot = scenario
        .netsuite
        .as_ref()
        .map(|n| n.oauth2.client.clone())
        .unwrap_or_default();
    let (Some(role), Some(entity)) = (slot.m2m_role, entity.or(slot.m2m_entity)) else {
        return Err(invalid("this practice scenario has no M2M mapping slot"));
    };
    let body = json!({
        "account": setup.account_id,
        "client_id": client_id(setup)?,
        "role": role,
        "entity": entity,
        "certificate_pem": certificate_pem,
    });
    let base = ctx.sims.base_url(&setup.id, scenario).await?;
    let failed = |e: &dyn std::fmt::Display| {
        IpcError::new(
            ErrorKind::Network,
            format!("the simulator did not take the certificate: {e}"),
        )
    };
    let http = onramp_core::http::client(Duration::from_secs(10)).map_err(|e| failed(&e))?;
    let resp = http
        .post(format!("{base}/__sim/netsuite/m2m/certificates"))
        .json(&body)
        .send()
        .await
        .map_err(|e| failed(&e))?;
    let (status, bytes) = read_body(resp, 1 << 20, Expect::Json)
        .await
        .map_err(|e| failed(&e))?;
    let json: Value = serde_json::from_slice(&bytes).map_err(|e| failed(&e))?;
    if status != 200 {
        let why = json
            .get("simulator")
            .and_then(Value::as_str)
            .unwrap_or("no reason given");
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            format!("the simulated NetSuite refused the certificate: {why}"),
        ));
    }
    serde_json::from_value(json).map_err(|e| failed(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_files_stay_in_the_data_dir() {
        let dir = &DataDir::new("/data");
        assert_eq!(
            certificate_path(dir, "0b7e-42").unwrap(),
            Path::new("/data/certificates/0b7e-42.pem")
        );
        for bad in ["", "../x", "a/b", "a.pem", "a b"] {
            assert!(certificate_path(dir, bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn algorithms_map_both_ways_and_serialise_as_named() {
        for a in [M2mAlgorithm::ES256, M2mAlgorithm::PS256] {
            assert_eq!(M2mAlgorithm::from(KeyAlgorithm::from(a)), a);
        }
        assert_eq!(
            serde_json::to_string(&M2mAlgorithm::PS256).unwrap(),
            "\"PS256\""
        );
        assert!(serde_json::from_str::<M2mAlgorithm>("\"RS256\"").is_err());
    }
}
