//! M2M where the connector's vendor keeps the private key: the person imports
//! the certificate the vendor supplies, Onramp checks it against Oracle's
//! rules (`onramp_netsuite::oauth2::import`) before it is uploaded, keeps it
//! beside the setup for the mapping and the reminders, and says plainly that
//! only the vendor's own sign-in can prove the token: a run reports the
//! sign-in as not proven, never as passed.

use std::path::{Path, PathBuf};

use onramp_core::check::Diagnosis;
use onramp_core::files::MAX_KEY_BYTES;
use onramp_core::state::{Setup, VendorKey};
use onramp_core::{CheckResult, ErrorKind, IpcError};
use onramp_netsuite::checks::certificate::M2M_CERTIFICATE;
use onramp_netsuite::checks::AUTH;
use onramp_netsuite::oauth2::diagnose::M2M_SETUP;
use onramp_netsuite::oauth2::import::{inspect, validate_certificate, ImportedCertificate};
use onramp_netsuite::oauth2::{format_time, OffsetDateTime};
use serde::Serialize;
use specta::Type;

use super::m2m::certificate_path;
use super::{invalid, write_fields};
use crate::ctx::AppCtx;
use crate::data_dir::DataDir;

/// The vendor's certificate as the app shows it (all public).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct VendorCertificate {
    /// `RSA 3072`, `EC P-384`…
    pub key: String,
    /// What to choose as the algorithm in NetSuite's upload form.
    pub algorithm: String,
    pub subject: String,
    pub not_before: String,
    pub not_after: String,
    pub fingerprint_sha256: String,
    pub certificate_pem: String,
}

impl From<ImportedCertificate> for VendorCertificate {
    fn from(c: ImportedCertificate) -> Self {
        Self {
            key: c.key,
            algorithm: c.algorithm.to_owned(),
            subject: c.subject,
            not_before: format_time(c.not_before),
            not_after: format_time(c.not_after),
            fingerprint_sha256: c.fingerprint_sha256,
            certificate_pem: c.certificate_pem,
        }
    }
}

/// True when the setup's M2M key is the vendor's, not Onramp's.
pub fn holds_key(setup: &Setup) -> bool {
    setup.fields.netsuite.vendor_certificate.is_some()
}

fn algorithm(setup: &Setup) -> Option<&str> {
    let key = setup.fields.netsuite.vendor_certificate.as_ref()?;
    Some(key.algorithm.as_str())
}

/// Where the vendor's certificate is kept (beside Onramp's own, never over it).
pub fn path(data_dir: &DataDir, setup_id: &str) -> Result<PathBuf, IpcError> {
    Ok(certificate_path(data_dir, setup_id)?.with_extension("vendor.pem"))
}

/// Checks the file at `file` and, when NetSuite would take it, makes it the
/// setup's certificate: the key is the vendor's from now on, and an earlier
/// Certificate ID (another certificate's mapping) is forgotten. `algorithm`
/// is what the vendor says the connector signs with, if they said.
pub async fn import(
    ctx: &AppCtx,
    setup: &Setup,
    file: &Path,
    algorithm: Option<String>,
) -> Result<VendorCertificate, IpcError> {
    let bytes =
        onramp_core::files::read_capped(file, MAX_KEY_BYTES, "a certificate").map_err(invalid)?;
    let algorithm = algorithm.filter(|a| !a.trim().is_empty());
    let cert = validate_certificate(&bytes, algorithm.as_deref(), OffsetDateTime::now_utc())
        .map_err(|refusal| invalid(format!("This certificate cannot be used: {refusal}.")))?;
    let target = path(&ctx.data_dir, &setup.id)?;
    if let Some(dir) = target.parent() {
        onramp_core::files::create_private_dir(dir).map_err(storage)?;
    }
    std::fs::write(&target, &cert.certificate_pem)
        .map_err(|e| storage(format!("could not write {}: {e}", target.display())))?;
    let (algorithm, expires_at) = (cert.algorithm.to_owned(), format_time(cert.not_after));
    write_fields(ctx, &setup.id, |f| {
        let ns = &mut f.netsuite;
        ns.vendor_certificate = Some(VendorKey { algorithm });
        ns.certificate_expires_at = Some(expires_at);
        // Another certificate's mapping; and no key of Onramp's to hand over.
        ns.certificate_id = None;
        ns.key_export = None;
    })?;
    tracing::info!(setup = %setup.id, key = %cert.key, "vendor certificate imported");
    Ok(cert.into())
}

/// The imported certificate, if the vendor holds the key. Read back as it was
/// imported: an expired one is still shown (the run says it expired).
pub fn read(ctx: &AppCtx, setup: &Setup) -> Result<Option<VendorCertificate>, IpcError> {
    if !holds_key(setup) {
        return Ok(None);
    }
    let Some(pem) = pem(ctx, setup)? else {
        return Ok(None);
    };
    let parsed = inspect(pem.as_bytes(), algorithm(setup)).map_err(|e| {
        invalid(format!(
            "the imported certificate can no longer be read: {e}"
        ))
    })?;
    Ok(Some(parsed.into()))
}

/// The imported certificate's PEM, if there is one.
pub fn pem(ctx: &AppCtx, setup: &Setup) -> Result<Option<String>, IpcError> {
    let file = path(&ctx.data_dir, &setup.id)?;
    match std::fs::read_to_string(&file) {
        Ok(p) => Ok(Some(p)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(storage(format!("could not read {}: {e}", file.display()))),
    }
}

/// Back to a key pair Onramp makes: the vendor's certificate file goes.
pub fn forget(ctx: &AppCtx, setup: &Setup) -> Result<(), IpcError> {
    match std::fs::remove_file(path(&ctx.data_dir, &setup.id)?) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(storage(e)),
        _ => {}
    }
    write_fields(ctx, &setup.id, |f| {
        let ns = &mut f.netsuite;
        ns.vendor_certificate = None;
        ns.certificate_expires_at = None;
        ns.certificate_id = None;
    })
}

/// A run's results when the vendor holds the key: the certificate checked
/// again (it may have expired since the import), and the sign-in reported as
/// not proven, with who can prove it. Nothing here counts as a pass, so the
/// run's verdict stays "could not check" unless the certificate fails.
pub fn run_results(ctx: &AppCtx, setup: &Setup, now: OffsetDateTime) -> Vec<CheckResult> {
    const TITLE: &str = "M2M certificate";
    let certificate_id = setup.fields.netsuite.certificate_id.as_deref();
    let checked = pem(ctx, setup).and_then(|p| {
        p.ok_or_else(|| invalid("the vendor's certificate was imported but its file is gone"))
    });
    let cert = checked.and_then(|p| {
        validate_certificate(p.as_bytes(), algorithm(setup), now)
            .map_err(|refusal| invalid(refusal.to_string()))
    });
    let mut sign_in = CheckResult::skip(
        AUTH,
        "NetSuite sign-in",
        "Not proven: the connector's vendor keeps the private key, so only the connector's own sign-in can prove this setup.",
    )
    .with_diagnosis(Diagnosis::new(
        "Onramp checked the certificate; the token is signed with a key only the vendor has.",
        match certificate_id {
            Some(_) => "Give the vendor the Client ID and the Certificate ID and ask them to connect. If NetSuite refuses them, an administrator's sign-in in Onramp reads the Login Audit Trail and says why.",
            None => "Upload the vendor's certificate, map it to the integration user and role, and enter the Certificate ID NetSuite shows; then give the vendor the Client ID and the Certificate ID.",
        },
        M2M_SETUP,
    ));
    if let Ok(c) = &cert {
        let valid = format!(
            "{}, {}, valid until {}",
            c.key,
            c.algorithm,
            format_time(c.not_after)
        );
        sign_in = sign_in
            .with_evidence("Certificate", valid)
            .with_evidence("Certificate SHA-256", c.fingerprint_sha256.clone());
    }
    if let Some(id) = certificate_id {
        sign_in = sign_in.with_evidence("Certificate ID", id);
    }
    let mut out = vec![sign_in];
    if let Err(e) = cert {
        out.push(CheckResult::fail(
            M2M_CERTIFICATE,
            TITLE,
            e.message.clone(),
            Diagnosis::new(
                "NetSuite will not verify the connector's tokens with this certificate.",
                "Ask the vendor for a certificate NetSuite accepts (RSA 3072/4096 or EC P-256/384/521, at most two years), import it, upload it and enter its new Certificate ID.",
                M2M_SETUP,
            ),
        ));
    }
    out
}

fn storage(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::Storage, e.to_string())
}
