//! The plain list of changes an action will make (shown before the click),
//! and the setup's log of changes made, which the report lists.

use onramp_core::state::AdminChange;
use onramp_core::IpcError;
use serde::Serialize;
use specta::Type;

use crate::ctx::AppCtx;

/// What an action would do (in NetSuite or Sage Intacct), shown before the administrator clicks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Preview {
    /// "Create the integration employee"...
    pub action: String,
    /// One plain sentence per change NetSuite will make.
    pub changes: Vec<String>,
    /// What to know first (licences, what stops working).
    pub warnings: Vec<String>,
}

/// Appends a made change to the setup's log, with who consented and when.
pub fn record(
    ctx: &AppCtx,
    setup_id: &str,
    preview: &Preview,
    consented_by: &str,
    outcome: String,
) -> Result<AdminChange, IpcError> {
    let change = AdminChange {
        at: time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        consented_by: consented_by.to_owned(),
        action: preview.action.clone(),
        changes: preview.changes.clone(),
        outcome,
    };
    let logged = change.clone();
    ctx.state.update_setup(setup_id, move |s| {
        s.admin_changes.push(logged);
        Ok(())
    })?;
    tracing::info!(%setup_id, action = %change.action, "administrator change made");
    Ok(change)
}
