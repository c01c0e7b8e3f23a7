//! A stored setup's validation suite: the setup becomes a `suite::Target`,
//! its credentials come from its keychain entries, and an OAuth 2.0 setup
//! signs in first (refreshing or minting a token as the app does). Requests
//! go to the real ERP hosts, or to the setup's practice simulator when it is
//! a practice setup (only the transport changes, see `EndpointOverride`).

use crate::errors::OrIpc;
use std::sync::Arc;

use onramp_core::check::Diagnosis;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::{SecretSpec, Setup};
use onramp_core::{ErrorKind, IpcError, Secret, SecretKey, SecretStore};
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::run::RunOptions;
use crate::suite::{self, Prepared, SecretSource, Target};
use crate::{connector_profiles, practice};

/// A setup's keychain entries, as the Credentials step stored them.
pub struct SetupSecrets {
    pub store: Arc<dyn SecretStore>,
    pub setup_id: String,
}

impl SecretSource for SetupSecrets {
    fn get(&self, name: &str) -> Result<Option<Secret<String>>, IpcError> {
        Ok(self
            .store
            .get(&SecretKey::new(self.setup_id.as_str(), name))?)
    }

    fn missing(&self, missing: &[&SecretSpec]) -> IpcError {
        let labels = missing
            .iter()
            .map(|s| s.label)
            .collect::<Vec<_>>()
            .join(", ");
        IpcError::new(ErrorKind::InvalidInput, format!("not stored yet: {labels}")).with_diagnosis(
            Diagnosis {
                cause: format!(
                    "The checks sign in with these credentials, and the keychain has no {labels} for this setup."
                ),
                fix: "Open the Credentials step, paste each missing value and save it, then run the checks again."
                    .into(),
                where_: "Onramp > this setup > Credentials".into(),
            },
        )
    }
}

fn secrets_of(ctx: &AppCtx, setup: &Setup) -> Arc<dyn SecretSource> {
    Arc::new(SetupSecrets {
        store: ctx.secrets.clone(),
        setup_id: setup.id.clone(),
    })
}

/// A NetSuite TBA setup's credentials, or which of them are not stored yet.
pub async fn tba_credentials(
    ctx: &AppCtx,
    setup: &Setup,
) -> Result<onramp_netsuite::Credentials, IpcError> {
    let tba = suite::tba_credentials(secrets_of(ctx, setup)).await?;
    Ok(onramp_netsuite::Credentials::Tba(tba))
}

/// Where the setup's requests go: the real hosts, or its practice simulator.
pub async fn endpoints(ctx: &AppCtx, setup: &Setup) -> Result<Endpoints, IpcError> {
    let override_base = match &setup.practice_scenario {
        Some(_) => {
            let scenario = practice::scenario_for(&ctx.data_dir, setup)?;
            let url = ctx.sims.base_url(&setup.id, scenario).await?;
            Some(EndpointOverride::new(&url).or_ipc()?)
        }
        None => None,
    };
    Ok(Endpoints { override_base })
}

/// What the setup checks: its account, entity, sign-in method, connector
/// profile and role, sent where `endpoints` says.
pub async fn target(ctx: &AppCtx, setup: &Setup) -> Result<Target, IpcError> {
    Ok(Target {
        erp: setup.erp,
        account_id: setup.account_id.clone(),
        entity_id: setup.entity_id.clone(),
        auth_method: match setup.erp {
            Erp::Netsuite => setup.auth_method,
            Erp::Intacct => None,
        },
        profile: connector_profiles::of_setup(&ctx.data_dir, setup)?,
        role_name: setup.fields.role_name.clone(),
        role_id: None,
        audit_detail: None,
        // An administrator's sign-in reads the role's permissions and the
        // Login Audit Trail the integration's own sign-in may not.
        admin_token: match setup.erp {
            Erp::Netsuite => crate::admin::session::token(ctx, &setup.id).await?,
            Erp::Intacct => None,
        },
        endpoints: endpoints(ctx, setup).await?,
        token_owner: match setup.auth_method {
            Some(AuthMethod::Oauth2Code) => crate::oauth::owner::Owner::of(setup),
            _ => None,
        },
        practice_scenario: setup.practice_scenario.clone(),
    })
}

/// The suite for `setup`, with requests bounded by `options` and stopped by `cancel`.
pub async fn suite(
    ctx: &AppCtx,
    setup: &Setup,
    options: &RunOptions,
    cancel: CancellationToken,
) -> Result<Prepared, IpcError> {
    let mut target = target(ctx, setup).await?;
    let sign_in = match target.auth_method {
        Some(m @ (AuthMethod::Oauth2Code | AuthMethod::Oauth2M2m)) => {
            Some(crate::oauth::sign_in::sign_in(ctx, setup, m, target.endpoints.clone()).await?)
        }
        _ => None,
    };
    // An M2M token names its user only once issued: the run's own sign-in.
    if let (Some(AuthMethod::Oauth2M2m), Some(signed)) = (target.auth_method, &sign_in) {
        if let Ok(onramp_netsuite::Credentials::Bearer(token)) = &signed.outcome {
            target.token_owner = crate::oauth::owner::of_m2m(ctx, setup, token.clone()).await;
        }
    }
    suite::prepare(&target, sign_in, secrets_of(ctx, setup), options, cancel).await
}
