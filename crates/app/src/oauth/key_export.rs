//! Handing a generated M2M private key to a connector that asks for it
//! pasted in (the other hand-off, a vendor's certificate, is
//! `onramp_netsuite::oauth2::import`). The key otherwise never leaves the
//! keychain, so this is explicit, warned and once per key: the person
//! confirms the warning, the file is new and readable by its owner only, and
//! the setup records when and where it went. A new key pair may be exported
//! again.

use std::io::Write;
use std::path::Path;

use onramp_core::state::Setup;
use onramp_core::{ErrorKind, IpcError};
use onramp_netsuite::oauth2::{format_time, OffsetDateTime};
use serde::Serialize;
use specta::Type;

use super::client::m2m_key;
use super::{invalid, write_fields};
use crate::ctx::AppCtx;
use crate::export;

/// What the person confirms before the key is written.
pub const WARNING: &str = "The private key lets anyone who holds it sign in to NetSuite as the integration user. Onramp writes it once, to a new file only you can read: paste it into the connector, then delete the file. Anyone with the file can act as the connector until the certificate is revoked.";

#[derive(Debug, Clone, Serialize, Type)]
pub struct KeyExport {
    /// The file written.
    pub path: String,
    /// RFC 3339, UTC.
    pub exported_at: String,
}

/// Writes the setup's M2M private key into `folder`, once, after `acknowledged`.
pub async fn export(
    ctx: &AppCtx,
    setup: &Setup,
    folder: &str,
    acknowledged: bool,
) -> Result<KeyExport, IpcError> {
    if !acknowledged {
        return Err(invalid(format!("Confirm the warning first. {WARNING}")));
    }
    if let Some(done) = &setup.fields.netsuite.key_export {
        let (at, to) = (&done.at, &done.to);
        return Err(invalid(format!(
            "This key was already exported on {at} to {to}. A key leaves the keychain once: generate a new key pair (and map its certificate) to hand over another."
        )));
    }
    let key = m2m_key(ctx, setup).await?;
    let folder = export::typed_path(folder)?;
    let practice = setup.practice_scenario.is_some();
    let name = format!(
        "onramp-{}{}-m2m-private-key.pem",
        if practice { "practice-" } else { "" },
        export::slug(&setup.label)
    );
    // PEM readers skip text before the BEGIN line (RFC 7468, section 5.2).
    let banner = if practice {
        "Onramp Practice mode: a simulated setup's key. It signs in to no real NetSuite account.\n"
    } else {
        ""
    };
    let path = folder.join(name);
    write_new_private(&path, format!("{banner}{}", key.expose()).as_bytes())?;
    let exported_at = format_time(OffsetDateTime::now_utc());
    let shown = path.display().to_string();
    let done = onramp_core::state::KeyExported {
        at: exported_at.clone(),
        to: shown.clone(),
    };
    write_fields(ctx, &setup.id, |f| f.netsuite.key_export = Some(done))?;
    tracing::warn!(setup = %setup.id, file = %shown, "M2M private key exported for the connector at the user's request");
    Ok(KeyExport {
        path: shown,
        exported_at,
    })
}

/// Creates `path` (never replacing a file) readable by its owner only.
fn write_new_private(path: &Path, bytes: &[u8]) -> Result<(), IpcError> {
    let storage = |e: std::io::Error| {
        let message = match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists; Onramp does not overwrite a key file. Choose another folder or remove it.",
                path.display()
            ),
            _ => format!("could not write {}: {e}", path.display()),
        };
        IpcError::new(ErrorKind::Storage, message)
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(storage)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = opts.open(path).map_err(storage)?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(storage)
}
