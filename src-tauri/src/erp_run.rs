//! Builds a setup's validation suite: the real NetSuite or Intacct checks,
//! sent to the real ERP hosts, or to the setup's practice simulator when the
//! setup is a practice one (only the transport changes, see `EndpointOverride`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use onramp_core::check::Diagnosis;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::profile::Erp;
use onramp_core::state::{secret_names, Setup};
use onramp_core::{ErrorKind, IpcError, Secret, SecretKey, Suite};
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::runs::Observer;
use crate::{connector_profiles, practice};

pub const NETSUITE_DEFAULT_PROFILE: &str = "netsuite-zuora-billing";
pub const INTACCT_DEFAULT_PROFILE: &str = "intacct-accounting-sync";

fn invalid(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::InvalidInput, e.to_string())
}

/// The setup's secrets from the keychain; names every missing one at once,
/// before any request is sent.
async fn read_secrets(
    ctx: &AppCtx,
    setup: &Setup,
) -> Result<HashMap<&'static str, Secret<String>>, IpcError> {
    let specs = secret_names(setup.erp, setup.auth_method);
    let id = setup.id.clone();
    let found = crate::commands::secrets::blocking(ctx, move |store| {
        specs
            .iter()
            .map(|s| Ok((s, store.get(&SecretKey::new(id.as_str(), s.name))?)))
            .collect::<Result<Vec<_>, _>>()
    })
    .await?;
    let missing: Vec<&str> = found
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(s, _)| s.label)
        .collect();
    if !missing.is_empty() {
        return Err(IpcError::new(
            ErrorKind::InvalidInput,
            format!("not stored yet: {}", missing.join(", ")),
        )
        .with_diagnosis(Diagnosis {
            cause: format!(
                "The checks sign in with these credentials, and the keychain has no {} for this setup.",
                missing.join(", ")
            ),
            fix: "Open the Credentials step, paste each missing value and save it, then run the checks again."
                .into(),
            where_: "Onramp > this setup > Credentials".into(),
        }));
    }
    Ok(found
        .into_iter()
        .filter_map(|(s, v)| Some((s.name, v?)))
        .collect())
}

/// The suite for `setup`, with requests bounded by `budget` and stopped by
/// `cancel`, and what reads the run's observations once its results are in.
pub async fn suite(
    ctx: &AppCtx,
    setup: &Setup,
    budget: Duration,
    cancel: CancellationToken,
) -> Result<(Suite, Observer), IpcError> {
    let mut secrets = read_secrets(ctx, setup).await?;
    let mut take = |name: &str| {
        secrets
            .remove(name)
            .expect("read_secrets checked every name")
    };
    let override_base = match &setup.practice_scenario {
        Some(name) => {
            let scenario = practice::load_in(&ctx.data_dir, setup.erp, name)?;
            let url = ctx.sims.base_url(&setup.id, scenario).await?;
            Some(EndpointOverride::new(&url).map_err(invalid)?)
        }
        None => None,
    };
    let endpoints = Endpoints { override_base };
    match setup.erp {
        Erp::Netsuite => {
            use onramp_netsuite::checks::{suite_with_facts, NetSuiteCheckContext};
            use onramp_netsuite::{Account, ClientOptions, Credentials, NetSuiteClient};
            let profile_id = setup
                .profile_id
                .as_deref()
                .unwrap_or(NETSUITE_DEFAULT_PROFILE);
            let profile = connector_profiles::resolve(&ctx.data_dir, Erp::Netsuite, profile_id)?;
            let account = Account::parse(&setup.account_id).map_err(invalid)?;
            let credentials = Credentials::Tba(onramp_netsuite::TbaCredentials {
                consumer_key: take("netsuite.consumer_key"),
                consumer_secret: take("netsuite.consumer_secret"),
                token_id: take("netsuite.token_id"),
                token_secret: take("netsuite.token_secret"),
            });
            let options = ClientOptions {
                endpoints,
                deadline: Some(Instant::now() + budget),
                cancel,
                ..ClientOptions::default()
            };
            let client = NetSuiteClient::new(account, credentials, options).map_err(invalid)?;
            let mut check_ctx =
                NetSuiteCheckContext::new(Arc::new(client), setup.account_id.clone());
            check_ctx.role_name = setup.fields.get("role_name").cloned();
            let (specs, facts) = suite_with_facts(check_ctx.clone(), &profile);
            let observe: Observer = Box::new(move |results| {
                use onramp_netsuite::observe::{observe, setup_facts};
                let seen = observe(&facts, &check_ctx, &profile, results);
                (setup_facts(&check_ctx, &profile), seen)
            });
            Ok((specs, observe))
        }
        Erp::Intacct => {
            use onramp_intacct::checks::{suite, IntacctCtx};
            use onramp_intacct::{ClientOptions, IntacctCredentials};
            let profile_id = setup
                .profile_id
                .as_deref()
                .unwrap_or(INTACCT_DEFAULT_PROFILE);
            let profile = connector_profiles::resolve(&ctx.data_dir, Erp::Intacct, profile_id)?;
            let creds = IntacctCredentials {
                sender_id: take("intacct.sender_id").expose().clone(),
                sender_password: take("intacct.sender_password"),
                user_id: take("intacct.user_id").expose().clone(),
                user_password: take("intacct.user_password"),
                company_id: setup.account_id.clone(),
                entity_id: setup.entity_id.clone(),
            };
            let options = ClientOptions {
                endpoints,
                ..ClientOptions::default()
            };
            let check_ctx = Arc::new(IntacctCtx::new(creds.clone(), options).map_err(invalid)?);
            let specs = suite(check_ctx.clone(), &profile);
            let observe: Observer = Box::new(move |results| {
                use onramp_intacct::observe::{observe, setup_facts};
                let seen = observe(&check_ctx, &creds, results);
                (setup_facts(&creds, &profile), seen)
            });
            Ok((specs, observe))
        }
    }
}
