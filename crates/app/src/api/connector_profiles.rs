//! The consultant's own connector profiles: check, save, delete, import and
//! export them (TOML, the built-in data files' format). Built-in profiles are
//! read-only; the UI copies one under a new id to edit it.

use onramp_core::profile::{validate, ConnectorProfile, ProfileIssue};
use onramp_core::IpcError;

use crate::connector_profiles as store;
use crate::ctx::AppCtx;
use crate::export;

/// Every problem core finds with the profile (empty when it is valid), so the
/// form can show them next to their fields before saving.
pub fn check_connector_profile(profile: ConnectorProfile) -> Result<Vec<ProfileIssue>, IpcError> {
    let mut issues = validate(&profile).err().unwrap_or_default();
    if onramp_core::profile::builtin_by_id(&profile.id).is_some() {
        issues.push(ProfileIssue {
            field: "id".into(),
            message: "a built-in profile has this id; give your copy its own".into(),
        });
    }
    Ok(issues)
}

/// Adds or replaces one of the user's profiles (validated first).
pub async fn save_connector_profile(
    ctx: &AppCtx,
    profile: ConnectorProfile,
) -> Result<ConnectorProfile, IpcError> {
    store::save(&ctx.data_dir, profile)
}

pub async fn delete_connector_profile(ctx: &AppCtx, id: String) -> Result<(), IpcError> {
    store::delete(&ctx.data_dir, &id)
}

/// Reads a profile file (TOML), validates it and keeps it as the user's own.
pub async fn import_connector_profile(
    ctx: &AppCtx,
    path: String,
) -> Result<ConnectorProfile, IpcError> {
    let path = export::typed_path(&path)?;
    let profile = store::read_file(&path)?;
    store::save(&ctx.data_dir, profile)
}

/// Writes a profile (built-in or the user's) as `<id>.toml` into `folder`.
pub async fn export_connector_profile(
    ctx: &AppCtx,
    id: String,
    folder: String,
) -> Result<String, IpcError> {
    let profile = store::all(&ctx.data_dir)
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| super::not_found("connector profile", &id))?;
    let folder = export::typed_path(&folder)?;
    export::write(&folder, &format!("{id}.toml"), &store::to_toml(&profile)?)
}
