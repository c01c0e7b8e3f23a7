//! The OAuth 2.0 clients of a setup, built from what the user entered (Client
//! ID and Certificate ID in the setup's fields, secrets in the keychain) and sent to
//! the setup's practice simulator when it is a practice one.

use crate::data_dir::DataDir;
use crate::errors::OrIpc;
use std::time::Duration;

use onramp_core::http::Endpoints;
use onramp_core::state::Setup;
use onramp_core::{IpcError, Secret, SecretKey};
use onramp_netsuite::oauth2::m2m::DEFAULT_ASSERTION_LIFETIME;
use onramp_netsuite::oauth2::secret_names::{CLIENT_SECRET, M2M_PRIVATE_KEY};
use onramp_netsuite::oauth2::{
    ClientKind, CodeClient, CodeClientConfig, KeyAlgorithm, M2mClient, M2mConfig, RedirectUri,
    Scope,
};
use onramp_netsuite::Account;

use super::{invalid, missing, REDIRECT_URI};
use crate::ctx::AppCtx;

const TIMEOUT: Duration = Duration::from_secs(30);

/// The scopes the setup's connector profile (built in or the user's) asks
/// for; REST web services when it names none.
pub fn scopes(data_dir: &DataDir, setup: &Setup) -> Result<Vec<Scope>, IpcError> {
    let profile = crate::connector_profiles::of_setup(data_dir, setup)?;
    let listed = profile.netsuite.map(|n| n.scopes).unwrap_or_default();
    if listed.is_empty() {
        return Ok(vec![Scope::RestWebServices]);
    }
    listed.iter().map(|s| Scope::parse(s).or_ipc()).collect()
}

pub fn client_id(setup: &Setup) -> Result<String, IpcError> {
    setup.fields.netsuite.client_id.clone().ok_or_else(|| {
        missing(
            "Client ID",
            "Copy the Client ID NetSuite showed when the integration record was saved and enter it on the Credentials step.",
        )
    })
}

pub async fn secret(
    ctx: &AppCtx,
    setup: &Setup,
    name: &'static str,
) -> Result<Option<Secret<String>>, IpcError> {
    let id = setup.id.clone();
    crate::oauth::keychain(ctx, move |s| s.get(&SecretKey::new(id.as_str(), name))).await
}

/// The authorization-code client: confidential when a client secret is stored, public otherwise.
pub async fn code_client(
    ctx: &AppCtx,
    setup: &Setup,
    endpoints: Endpoints,
) -> Result<CodeClient, IpcError> {
    let client_secret = secret(ctx, setup, CLIENT_SECRET).await?;
    code_client_with(ctx, setup, endpoints, client_id(setup)?, client_secret)
}

/// The authorization-code client of the integration record `client_id`.
pub fn code_client_with(
    ctx: &AppCtx,
    setup: &Setup,
    endpoints: Endpoints,
    client_id: String,
    client_secret: Option<Secret<String>>,
) -> Result<CodeClient, IpcError> {
    let kind = match client_secret {
        Some(_) => ClientKind::Confidential,
        None => ClientKind::public_default(),
    };
    CodeClient::new(CodeClientConfig {
        account: Account::parse(&setup.account_id).or_ipc()?,
        client_id,
        client_secret,
        redirect_uri: RedirectUri::parse(REDIRECT_URI).or_ipc()?,
        scopes: scopes(&ctx.data_dir, setup)?,
        kind,
        endpoints,
        timeout: TIMEOUT,
    })
    .or_ipc()
}

/// The stored M2M private key, or why there is none.
pub async fn m2m_key(ctx: &AppCtx, setup: &Setup) -> Result<Secret<String>, IpcError> {
    if super::vendor::holds_key(setup) {
        return Err(invalid(
            "the connector's vendor keeps this setup's private key, so Onramp cannot sign in with it; only the connector's own sign-in proves it",
        ));
    }
    secret(ctx, setup, M2M_PRIVATE_KEY).await?.ok_or_else(|| {
        missing(
            "M2M private key",
            "Generate the key pair and certificate on the Credentials step, then upload the certificate to NetSuite.",
        )
    })
}

/// The client-credentials client signing with `key` (its algorithm read from the key).
pub fn m2m_client(
    data_dir: &DataDir,
    setup: &Setup,
    key: Secret<String>,
    endpoints: Endpoints,
) -> Result<M2mClient, IpcError> {
    let certificate_id = setup.fields.netsuite.certificate_id.as_deref().ok_or_else(|| {
        missing(
            "Certificate ID",
            "Upload the certificate at Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup and enter the Certificate ID NetSuite shows.",
        )
    })?;
    let algorithm = KeyAlgorithm::detect(key.expose()).ok_or_else(|| {
        invalid(
            "the stored M2M private key is neither an EC nor an RSA key; generate a new key pair",
        )
    })?;
    M2mClient::new(M2mConfig {
        account: Account::parse(&setup.account_id).or_ipc()?,
        client_id: client_id(setup)?,
        certificate_id: certificate_id.to_owned(),
        algorithm,
        private_key_pem: key,
        scopes: scopes(data_dir, setup)?,
        assertion_lifetime: DEFAULT_ASSERTION_LIFETIME,
        endpoints,
        timeout: TIMEOUT,
    })
    .or_ipc()
}
