//! Administrator commands: sign in once (authorization code + PKCE as the
//! administrator), then preview and make each change, or read the Login
//! Audit Trail. The administrator's token never reaches the webview.

use onramp_core::profile::Erp;
use onramp_core::state::{SecretName, Setup};
use onramp_core::{IpcError, Secret};
use onramp_netsuite::oauth2::CodeClient;

use crate::admin::audit::{self, AuditReading};
use crate::admin::certificates::{self, CertificateMapped, CertificatePlan};
use crate::admin::employee::{self, EmployeeCreated, EmployeeInput, EmployeePlan};
use crate::admin::intacct_offboard::{self, IntacctOffboardPlan, IntacctOffboarded};
use crate::admin::offboard::{self, OffboardPlan, Offboarded};
use crate::admin::session::{self, AdminStatus};
use crate::api::oauth::OAuthLaunch;
use crate::ctx::AppCtx;
use crate::errors::OrIpc;
use crate::host::OAuthWindows;
use crate::oauth::flow::{Flows, Notify, Pending};
use crate::oauth::{client, invalid, REDIRECT_URI};

fn netsuite_setup(ctx: &AppCtx, setup_id: &str) -> Result<Setup, IpcError> {
    let setup = ctx.state.setup(setup_id)?;
    if setup.erp != Erp::Netsuite {
        return Err(invalid(
            "an administrator's sign-in is for NetSuite setups; Sage Intacct changes are made in Sage Intacct",
        ));
    }
    Ok(setup)
}

/// The integration record the administrator signs in through: a public
/// record named for it (`admin_client_id`), else the setup's Client ID, or
/// for a TBA setup its consumer key and secret (NetSuite shows one value as
/// "Client ID / Consumer Key" and one as "Client Secret / Consumer Secret").
/// The key comes back too: it is a keychain secret, kept out of the webview.
/// The record must allow the authorization code grant with Onramp's redirect URI.
async fn admin_code_client(
    ctx: &AppCtx,
    setup: &Setup,
    endpoints: onramp_core::http::Endpoints,
) -> Result<(CodeClient, Option<Secret<String>>), IpcError> {
    if let Some(id) = setup.fields.netsuite.admin_client_id.as_deref() {
        let c = client::code_client_with(ctx, setup, endpoints, id.to_owned(), None)?;
        return Ok((c, None));
    }
    if setup.fields.netsuite.client_id.is_some() {
        return Ok((client::code_client(ctx, setup, endpoints).await?, None));
    }
    let key = client::secret(ctx, setup, SecretName::NetsuiteConsumerKey.as_str()).await?;
    let secret = client::secret(ctx, setup, SecretName::NetsuiteConsumerSecret.as_str()).await?;
    match key {
        Some(key) => {
            let c = client::code_client_with(ctx, setup, endpoints, key.expose().clone(), secret)?;
            Ok((c, Some(key)))
        }
        None => Ok((client::code_client(ctx, setup, endpoints).await?, None)),
    }
}

/// Opens NetSuite's consent page for an administrator (the system browser,
/// or the simulator's page in Practice mode). `keep`: keep the token in the
/// keychain until it expires, instead of for this session only.
pub async fn admin_sign_in(
    windows: &OAuthWindows,
    ctx: &AppCtx,
    flows: &Flows,
    setup_id: String,
    keep: bool,
    notify: Notify,
) -> Result<OAuthLaunch, IpcError> {
    let setup = netsuite_setup(ctx, &setup_id)?;
    let endpoints = crate::erp_run::endpoints(ctx, &setup).await?;
    let (code_client, consumer_key) = admin_code_client(ctx, &setup, endpoints).await?;
    let req = code_client.authorization_request().or_ipc()?;
    let practice = setup.practice_scenario.is_some();
    let authorize_url = match &consumer_key {
        Some(key) => req
            .url
            .to_string()
            .replace(key.expose().as_str(), "CONSUMER_KEY"),
        None => req.url.to_string(),
    };
    let launch = OAuthLaunch {
        authorize_url,
        redirect_uri: REDIRECT_URI.into(),
        practice_window: practice,
    };
    flows.begin(
        Pending::new(setup_id.clone(), code_client, req.state, req.pkce, notify).for_admin(keep),
    );
    if practice {
        windows.0.open_consent(req.browser_url)?;
    } else {
        windows.0.open_browser(&req.url)?;
    }
    tracing::info!(%setup_id, practice, keep, "administrator sign-in started");
    Ok(launch)
}

pub async fn admin_status(ctx: &AppCtx, setup_id: String) -> Result<AdminStatus, IpcError> {
    session::status(ctx, &setup_id).await
}

pub async fn admin_sign_out(ctx: &AppCtx, setup_id: String) -> Result<AdminStatus, IpcError> {
    session::sign_out(ctx, &setup_id).await
}

pub async fn admin_employee_plan(
    ctx: &AppCtx,
    setup_id: String,
    input: EmployeeInput,
) -> Result<EmployeePlan, IpcError> {
    employee::plan(ctx, &netsuite_setup(ctx, &setup_id)?, &input).await
}

pub async fn admin_create_employee(
    ctx: &AppCtx,
    setup_id: String,
    input: EmployeeInput,
) -> Result<EmployeeCreated, IpcError> {
    employee::create(ctx, &netsuite_setup(ctx, &setup_id)?, &input).await
}

pub async fn admin_read_audit(ctx: &AppCtx, setup_id: String) -> Result<AuditReading, IpcError> {
    audit::read(ctx, &netsuite_setup(ctx, &setup_id)?).await
}

pub async fn admin_offboard_plan(ctx: &AppCtx, setup_id: String) -> Result<OffboardPlan, IpcError> {
    offboard::plan(ctx, &netsuite_setup(ctx, &setup_id)?).await
}

pub async fn admin_offboard(ctx: &AppCtx, setup_id: String) -> Result<Offboarded, IpcError> {
    offboard::run(ctx, &netsuite_setup(ctx, &setup_id)?).await
}

/// Sage Intacct: stores the administrator's own user ID and password (write-only).
pub async fn intacct_admin_store(
    ctx: &AppCtx,
    setup_id: String,
    user_id: String,
    password: String,
) -> Result<(), IpcError> {
    intacct_offboard::store_admin(ctx, setup_id, user_id, password).await
}

/// Sage Intacct: whether the administrator's sign-in is stored.
pub async fn intacct_admin_stored(ctx: &AppCtx, setup_id: String) -> Result<bool, IpcError> {
    intacct_offboard::admin_stored(ctx, setup_id).await
}

/// Sage Intacct: what setting the Web Services user inactive will stop.
pub async fn intacct_offboard_plan(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<IntacctOffboardPlan, IpcError> {
    intacct_offboard::plan(ctx, setup_id).await
}

/// Sage Intacct: sets the user inactive, reads it back, proves its sign-in refused.
pub async fn intacct_offboard(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<IntacctOffboarded, IpcError> {
    intacct_offboard::run(ctx, setup_id).await
}

pub async fn admin_certificate_plan(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<CertificatePlan, IpcError> {
    certificates::plan(ctx, &netsuite_setup(ctx, &setup_id)?).await
}

/// Maps the setup's certificate; `revoke`: replaced certificates to revoke.
pub async fn admin_map_certificate(
    ctx: &AppCtx,
    setup_id: String,
    revoke: Vec<String>,
) -> Result<CertificateMapped, IpcError> {
    certificates::run(ctx, &netsuite_setup(ctx, &setup_id)?, revoke).await
}

/// Practice mode: the Client ID of the simulated record an administrator
/// signs in through, to paste like the other simulated values.
pub async fn admin_practice_client_id(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<Option<String>, IpcError> {
    let setup = netsuite_setup(ctx, &setup_id)?;
    if setup.practice_scenario.is_none() {
        return Ok(None);
    }
    let scenario = crate::practice::scenario_for(&ctx.data_dir, &setup)?;
    Ok(scenario
        .netsuite
        .and_then(|n| n.oauth2.client.public_client_id))
}
