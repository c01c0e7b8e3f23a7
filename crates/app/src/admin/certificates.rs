//! Map the setup's M2M certificate to the integration user and role through
//! NetSuite's certificate endpoint: show the slots in use (five at most per
//! integration record), map after a click, offer to revoke the ones it
//! replaces, and store the Certificate ID NetSuite gives.

use onramp_core::state::{AdminChange, Setup};
use onramp_core::IpcError;
use onramp_netsuite::admin::certificates::{self, MAX_ACTIVE};
use onramp_netsuite::admin::refusal::AdminAction;
use onramp_netsuite::admin::{self, CertificateSlot};
use onramp_netsuite::NetSuiteClient;
use serde::Serialize;
use specta::Type;

use super::changes::{self, Preview};
use super::refused;
use crate::ctx::AppCtx;
use crate::oauth::{client::client_id, invalid, write_fields};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SlotView {
    pub certificate_id: String,
    pub role: String,
    pub entity: String,
    pub valid_until: String,
    pub revoked: bool,
}

impl From<CertificateSlot> for SlotView {
    fn from(s: CertificateSlot) -> Self {
        Self {
            certificate_id: s.certificate_id,
            role: s.role,
            entity: s.entity,
            valid_until: s.valid_until,
            revoked: s.revoked,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CertificatePlan {
    pub preview: Preview,
    /// Every certificate on the integration record.
    pub slots: Vec<SlotView>,
    /// Active ones for the same user and role: the new one replaces them.
    pub replaceable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CertificateMapped {
    pub certificate_id: String,
    pub revoked: Vec<String>,
    pub change: AdminChange,
}

struct Target {
    client_id: String,
    role: u64,
    entity: u64,
    pem: String,
    not_after: String,
}

async fn target(ctx: &AppCtx, client: &NetSuiteClient, setup: &Setup) -> Result<Target, IpcError> {
    let (pem, not_after) = if crate::oauth::vendor::holds_key(setup) {
        let c = crate::oauth::vendor::read(ctx, setup)?.ok_or_else(|| {
            invalid("import the vendor's certificate on the Certificate step first")
        })?;
        (c.certificate_pem, c.not_after)
    } else {
        let c = crate::oauth::m2m::read(ctx, &setup.id)?.ok_or_else(|| {
            invalid("generate the key pair and certificate on the Certificate step first")
        })?;
        (c.certificate_pem, c.not_after)
    };
    let role_name = setup
        .fields
        .role_name
        .as_deref()
        .ok_or_else(|| invalid("enter the integration role's name on the Role step first"))?;
    let role = admin::resolve_role(client, role_name)
        .await
        .map_err(|e| refused(AdminAction::ResolveRole, e))?
        .ok_or_else(|| invalid(format!("NetSuite has no role named '{role_name}'")))?;
    let entity = setup
        .fields
        .netsuite
        .employee_id
        .as_deref()
        .ok_or_else(|| {
            invalid("create the integration employee first (or enter its internal ID)")
        })?;
    let num = |what: &str, v: &str| {
        v.parse::<u64>()
            .map_err(|_| invalid(format!("the {what} ID {v} is not a NetSuite internal ID")))
    };
    Ok(Target {
        client_id: client_id(setup)?,
        role: num("role", &role)?,
        entity: num("employee", entity)?,
        pem,
        not_after,
    })
}

fn preview(t: &Target, slots: &[SlotView], replaceable: &[String], setup: &Setup) -> Preview {
    let active = slots.iter().filter(|s| !s.revoked).count();
    let mut warnings = vec![format!(
        "{active} of {MAX_ACTIVE} certificate slots of this integration record are in use."
    )];
    if active >= MAX_ACTIVE {
        warnings.push("All slots are in use: revoke one before mapping this certificate.".into());
    }
    let user = setup
        .fields
        .user_email
        .as_ref()
        .map(|e| format!(" ({e})"))
        .unwrap_or_default();
    let mut changes = vec![format!(
        "Map this setup's certificate (valid until {}) to employee {}{user} with role {} on integration record {}.",
        t.not_after, t.entity, t.role, t.client_id
    )];
    changes.extend(replaceable.iter().map(|id| {
        format!("Revoke certificate {id}, which the new one replaces (same user and role).")
    }));
    Preview {
        action: "Map the M2M certificate".into(),
        changes,
        warnings,
    }
}

async fn slots(client: &NetSuiteClient, client_id: &str) -> Result<Vec<SlotView>, IpcError> {
    Ok(certificates::list(client, client_id)
        .await
        .map_err(|e| refused(AdminAction::MapCertificate, e))?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn plan(ctx: &AppCtx, setup: &Setup) -> Result<CertificatePlan, IpcError> {
    let client = super::client(ctx, setup).await?;
    let t = target(ctx, &client, setup).await?;
    let slots = slots(&client, &t.client_id).await?;
    let replaceable: Vec<String> = slots
        .iter()
        .filter(|s| !s.revoked && s.entity == t.entity.to_string() && s.role == t.role.to_string())
        .map(|s| s.certificate_id.clone())
        .collect();
    Ok(CertificatePlan {
        preview: preview(&t, &slots, &replaceable, setup),
        slots,
        replaceable,
    })
}

/// Maps the certificate, revokes the replaced ones the person ticked, and
/// checks the list shows the new mapping active.
pub async fn run(
    ctx: &AppCtx,
    setup: &Setup,
    revoke: Vec<String>,
) -> Result<CertificateMapped, IpcError> {
    let consented_by = super::session::consented_by(ctx, &setup.id).await?;
    let client = super::client(ctx, setup).await?;
    let t = target(ctx, &client, setup).await?;
    let before = slots(&client, &t.client_id).await?;
    if let Some(id) = revoke.iter().find(|id| {
        !before
            .iter()
            .any(|s| &&s.certificate_id == id && !s.revoked)
    }) {
        return Err(invalid(format!(
            "certificate {id} is not an active certificate of this integration record"
        )));
    }
    let preview = preview(&t, &before, &revoke, setup);
    // Revoke after mapping, so the connector is never without a certificate,
    // unless every slot is taken: then the replaced ones must go first.
    let full = before.iter().filter(|s| !s.revoked).count() >= MAX_ACTIVE;
    if full {
        revoke_all(&client, &t.client_id, &revoke).await?;
    }
    let certificate_id = certificates::map(&client, &t.client_id, &t.pem, t.role, t.entity)
        .await
        .map_err(|e| refused(AdminAction::MapCertificate, e))?;
    if !full {
        revoke_all(&client, &t.client_id, &revoke).await?;
    }
    let after = slots(&client, &t.client_id).await?;
    let mapped = after
        .iter()
        .any(|s| s.certificate_id == certificate_id && !s.revoked);
    if !mapped
        || after
            .iter()
            .any(|s| revoke.contains(&s.certificate_id) && !s.revoked)
    {
        return Err(IpcError::new(
            onramp_core::ErrorKind::Protocol,
            "NetSuite answered, but its certificate list does not show the change",
        ));
    }
    let (id, expires_at) = (certificate_id.clone(), t.not_after.clone());
    write_fields(ctx, &setup.id, |f| {
        f.netsuite.certificate_id = Some(id);
        f.netsuite.certificate_expires_at = Some(expires_at);
    })?;
    let outcome = format!(
        "Certificate {certificate_id} is active for employee {} with role {}{}.",
        t.entity,
        t.role,
        if revoke.is_empty() {
            String::new()
        } else {
            format!("; revoked {}", revoke.join(", "))
        }
    );
    let change = changes::record(ctx, &setup.id, &preview, &consented_by, outcome)?;
    Ok(CertificateMapped {
        certificate_id,
        revoked: revoke,
        change,
    })
}

async fn revoke_all(
    client: &NetSuiteClient,
    client_id: &str,
    ids: &[String],
) -> Result<(), IpcError> {
    for id in ids {
        certificates::revoke(client, client_id, id)
            .await
            .map_err(|e| refused(AdminAction::MapCertificate, e))?;
    }
    Ok(())
}
