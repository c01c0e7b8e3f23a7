//! Builds a setup's validation suite: the real NetSuite or Intacct checks,
//! sent to the real ERP hosts, or to the setup's practice simulator when the
//! setup is a practice one (only the transport changes, see `EndpointOverride`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use onramp_core::check::Diagnosis;
use onramp_core::http::{EndpointOverride, Endpoints};
use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::runner::CheckSpec;
use onramp_core::state::{secret_names, Setup};
use onramp_core::{CheckResult, ErrorKind, IpcError, Secret, SecretKey, Suite};
use tokio_util::sync::CancellationToken;

use crate::ctx::AppCtx;
use crate::runs::Observer;
use crate::{connector_profiles, practice};

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

/// TBA credentials from the keychain values `read_secrets` returned.
fn tba(take: &mut impl FnMut(&str) -> Secret<String>) -> onramp_netsuite::Credentials {
    onramp_netsuite::Credentials::Tba(onramp_netsuite::TbaCredentials {
        consumer_key: take("netsuite.consumer_key"),
        consumer_secret: take("netsuite.consumer_secret"),
        token_id: take("netsuite.token_id"),
        token_secret: take("netsuite.token_secret"),
    })
}

/// A NetSuite TBA setup's credentials, or which of them are not stored yet.
pub(crate) async fn tba_credentials(
    ctx: &AppCtx,
    setup: &Setup,
) -> Result<onramp_netsuite::Credentials, IpcError> {
    let mut secrets = read_secrets(ctx, setup).await?;
    Ok(tba(&mut |name| {
        secrets
            .remove(name)
            .expect("read_secrets checked every name")
    }))
}

/// Where the setup's requests go: the real hosts, or its practice simulator.
pub(crate) async fn endpoints(ctx: &AppCtx, setup: &Setup) -> Result<Endpoints, IpcError> {
    let override_base = match &setup.practice_scenario {
        Some(_) => {
            let scenario = practice::scenario_for(&ctx.data_dir, setup)?;
            let url = ctx.sims.base_url(&setup.id, scenario).await?;
            Some(EndpointOverride::new(&url).map_err(invalid)?)
        }
        None => None,
    };
    Ok(Endpoints { override_base })
}

/// A setup's checks, ready to run, and what reads the run's observations
/// once its results are in.
pub struct Prepared {
    pub suite: Suite,
    pub observe: Observer,
    /// The OAuth 2.0 sign-in was refused before the run: the suite is that
    /// refusal only, whichever checks were asked for.
    pub refused: bool,
}

/// The suite for `setup`, with requests bounded by `budget` and stopped by `cancel`.
pub async fn suite(
    ctx: &AppCtx,
    setup: &Setup,
    budget: Duration,
    cancel: CancellationToken,
) -> Result<Prepared, IpcError> {
    let oauth = match (setup.erp, setup.auth_method) {
        (Erp::Netsuite, Some(m @ (AuthMethod::Oauth2Code | AuthMethod::Oauth2M2m))) => Some(m),
        _ => None,
    };
    // OAuth 2.0 setups keep other secrets than TBA; their sign-in reads them.
    let mut secrets = match oauth {
        Some(_) => HashMap::new(),
        None => read_secrets(ctx, setup).await?,
    };
    let mut take = |name: &str| {
        secrets
            .remove(name)
            .expect("read_secrets checked every name")
    };
    let endpoints = endpoints(ctx, setup).await?;
    match setup.erp {
        Erp::Netsuite => {
            use onramp_netsuite::checks::{suite_with_facts, NetSuiteCheckContext};
            use onramp_netsuite::{Account, ClientOptions, NetSuiteClient};
            let profile = connector_profiles::of_setup(&ctx.data_dir, setup)?;
            let account = Account::parse(&setup.account_id).map_err(invalid)?;
            let mut extra = Vec::new();
            let credentials = match oauth {
                Some(method) => {
                    let signed =
                        crate::oauth::sign_in::sign_in(ctx, setup, method, endpoints.clone())
                            .await?;
                    extra = signed.extra;
                    match signed.outcome {
                        Ok(c) => c,
                        // No token, so no check can run: the refusal is the result.
                        Err(refused) => {
                            return Ok(Prepared {
                                suite: fixed_results(*refused, extra),
                                observe: refused_observer(&account, &profile, method),
                                refused: true,
                            })
                        }
                    }
                }
                None => tba(&mut take),
            };
            let options = ClientOptions {
                endpoints,
                deadline: Some(Instant::now() + budget),
                cancel,
                ..ClientOptions::default()
            };
            let client = NetSuiteClient::new(account, credentials, options).map_err(invalid)?;
            let mut check_ctx =
                NetSuiteCheckContext::new(Arc::new(client), setup.account_id.clone());
            if let Some(method) = oauth {
                check_ctx = check_ctx.with_auth_method(method);
            }
            check_ctx.role_name = setup.fields.get("role_name").cloned();
            let (mut specs, facts) = suite_with_facts(check_ctx.clone(), &profile);
            specs.extend(extra.into_iter().map(CheckSpec::known));
            let observe: Observer = Box::new(move |results| {
                use onramp_netsuite::observe::{observe, setup_facts};
                let seen = observe(&facts, &check_ctx, &profile, results);
                (setup_facts(&check_ctx, &profile), seen)
            });
            Ok(Prepared {
                suite: specs,
                observe,
                refused: false,
            })
        }
        Erp::Intacct => {
            use onramp_intacct::checks::{suite, IntacctCtx};
            use onramp_intacct::{ClientOptions, IntacctCredentials};
            let profile = connector_profiles::of_setup(&ctx.data_dir, setup)?;
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
            Ok(Prepared {
                suite: specs,
                observe,
                refused: false,
            })
        }
    }
}

/// What a run refused at the OAuth 2.0 sign-in observed: the account, and
/// that the login was not accepted; nothing else was reached.
fn refused_observer(
    account: &onramp_netsuite::Account,
    profile: &onramp_core::profile::ConnectorProfile,
    method: AuthMethod,
) -> Observer {
    use onramp_core::observed::{NsObserved, Observed};
    let facts = onramp_netsuite::observe::account_facts(account, profile, method);
    Box::new(move |_| {
        let observed = NsObserved {
            login_accepted: Some(false),
            ..NsObserved::default()
        };
        (facts, Observed::Netsuite(observed))
    })
}

fn fixed_results(first: CheckResult, rest: Vec<CheckResult>) -> Suite {
    std::iter::once(first)
        .chain(rest)
        .map(CheckSpec::known)
        .collect()
}
