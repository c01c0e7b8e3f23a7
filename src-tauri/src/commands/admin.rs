//! Administrator commands: one sign-in, then previewed changes made on a
//! click, and the Login Audit Trail read for the person.

use onramp_application::admin::audit::AuditReading;
use onramp_application::admin::certificates::{CertificateMapped, CertificatePlan};
use onramp_application::admin::employee::{EmployeeCreated, EmployeeInput, EmployeePlan};
use onramp_application::admin::intacct_offboard::{IntacctOffboardPlan, IntacctOffboarded};
use onramp_application::admin::offboard::{OffboardPlan, Offboarded};
use onramp_application::admin::session::AdminStatus;
use onramp_application::api::admin as app;
use onramp_application::api::oauth::OAuthLaunch;
use onramp_application::host::OAuthWindows;
use onramp_core::IpcError;
use tauri::ipc::Channel;
use tauri::State;

use crate::ctx::AppCtx;
use crate::oauth::flow::{Flows, Notify, OAuthEvent};

#[tauri::command]
#[specta::specta]
pub async fn admin_sign_in(
    windows: State<'_, OAuthWindows>,
    ctx: State<'_, AppCtx>,
    flows: State<'_, Flows>,
    setup_id: String,
    keep: bool,
    on_event: Channel<OAuthEvent>,
) -> Result<OAuthLaunch, IpcError> {
    let notify: Notify = Box::new(move |event| {
        if let Err(e) = on_event.send(event) {
            tracing::warn!(error = %e, "the window stopped listening for the sign-in");
        }
    });
    app::admin_sign_in(&windows, &ctx, &flows, setup_id, keep, notify).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_status(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<AdminStatus, IpcError> {
    app::admin_status(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_sign_out(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<AdminStatus, IpcError> {
    app::admin_sign_out(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_employee_plan(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    input: EmployeeInput,
) -> Result<EmployeePlan, IpcError> {
    app::admin_employee_plan(&ctx, setup_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_create_employee(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    input: EmployeeInput,
) -> Result<EmployeeCreated, IpcError> {
    app::admin_create_employee(&ctx, setup_id, input).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_read_audit(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<AuditReading, IpcError> {
    app::admin_read_audit(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_offboard_plan(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<OffboardPlan, IpcError> {
    app::admin_offboard_plan(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_offboard(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Offboarded, IpcError> {
    app::admin_offboard(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn intacct_admin_store(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    user_id: String,
    password: String,
) -> Result<(), IpcError> {
    app::intacct_admin_store(&ctx, setup_id, user_id, password).await
}

#[tauri::command]
#[specta::specta]
pub async fn intacct_admin_stored(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<bool, IpcError> {
    app::intacct_admin_stored(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn intacct_offboard_plan(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<IntacctOffboardPlan, IpcError> {
    app::intacct_offboard_plan(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn intacct_offboard(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<IntacctOffboarded, IpcError> {
    app::intacct_offboard(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_certificate_plan(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<CertificatePlan, IpcError> {
    app::admin_certificate_plan(&ctx, setup_id).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_map_certificate(
    ctx: State<'_, AppCtx>,
    setup_id: String,
    revoke: Vec<String>,
) -> Result<CertificateMapped, IpcError> {
    app::admin_map_certificate(&ctx, setup_id, revoke).await
}

#[tauri::command]
#[specta::specta]
pub async fn admin_practice_client_id(
    ctx: State<'_, AppCtx>,
    setup_id: String,
) -> Result<Option<String>, IpcError> {
    app::admin_practice_client_id(&ctx, setup_id).await
}
