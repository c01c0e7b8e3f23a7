//! How `netsuite check` signs in: TBA credentials as they are, or an OAuth 2.0
//! access token obtained first (client credentials or a refresh token). A token
//! NetSuite refuses becomes a failing `netsuite.auth` result, so scripts read
//! the same JSON and exit code whatever went wrong.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context};
use onramp_application::oauth::refusal;
use onramp_application::suite::SignIn;
use onramp_core::http::Endpoints;
use onramp_core::profile::AuthMethod;
use onramp_core::{Secret, SecretKey, SecretStore};
use onramp_netsuite::checks::certificate::m2m_certificate_check;
use onramp_netsuite::oauth2::secret_names::{CLIENT_SECRET, REFRESH_TOKEN};
use onramp_netsuite::oauth2::{
    ClientKind, CodeClient, CodeClientConfig, OffsetDateTime, RedirectUri, Scope, TokenSet,
};
use onramp_netsuite::{Account, Credentials};

use crate::{netsuite_m2m, secrets};

/// Refresh requests carry no redirect URI, but the client needs one: the app's.
const APP_REDIRECT_URI: &str = "com.onramp.app://oauth/callback";

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuthArg {
    /// Token-based Authentication: consumer key/secret and token ID/secret.
    Tba,
    /// OAuth 2.0 client credentials (machine to machine) with a certificate.
    #[value(name = "oauth2-m2m")]
    Oauth2M2m,
    /// OAuth 2.0 authorization code: refreshes a stored refresh token (headless).
    #[value(name = "oauth2-code")]
    Oauth2Code,
}

impl AuthArg {
    pub fn method(self) -> AuthMethod {
        match self {
            AuthArg::Tba => AuthMethod::Tba,
            AuthArg::Oauth2M2m => AuthMethod::Oauth2M2m,
            AuthArg::Oauth2Code => AuthMethod::Oauth2Code,
        }
    }
}

#[derive(clap::Args)]
pub struct OAuthArgs {
    /// OAuth 2.0 Client ID of the integration record (oauth2-m2m, oauth2-code).
    #[arg(long)]
    client_id: Option<String>,
    /// The Certificate ID NetSuite shows for the M2M mapping (oauth2-m2m).
    #[arg(long)]
    certificate_id: Option<String>,
    /// M2M private key file (oauth2-m2m); otherwise ONRAMP_NETSUITE_M2M_PRIVATE_KEY
    /// or the keychain of --setup.
    #[arg(long, value_name = "KEY.pem")]
    key: Option<PathBuf>,
    /// The certificate uploaded for the mapping (oauth2-m2m): adds the
    /// netsuite.m2m_certificate check (expiry, and that it is the key's certificate).
    #[arg(long, value_name = "CERT.pem")]
    certificate: Option<PathBuf>,
    /// Scopes to request, space- or comma-separated (oauth2-m2m, oauth2-code).
    #[arg(long, default_value = "rest_webservices")]
    scope: String,
}

/// Signs in with OAuth 2.0 (`method` is M2M or the authorization code's refresh).
pub async fn sign_in(
    method: AuthMethod,
    o: &OAuthArgs,
    account: &Account,
    endpoints: &Endpoints,
    setup_id: Option<&str>,
    audit_detail: Option<&str>,
) -> anyhow::Result<SignIn> {
    match method {
        AuthMethod::Oauth2M2m => m2m(o, account, endpoints, setup_id, audit_detail).await,
        AuthMethod::Oauth2Code => code(o, account, endpoints, setup_id, audit_detail).await,
        AuthMethod::Tba => bail!("TBA signs each request; it has no OAuth 2.0 sign-in"),
    }
}

fn required<'a>(value: &'a Option<String>, flag: &str, method: &str) -> anyhow::Result<&'a str> {
    match value.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => Ok(v),
        _ => bail!("--auth {method} needs {flag}"),
    }
}

async fn m2m(
    o: &OAuthArgs,
    account: &Account,
    endpoints: &Endpoints,
    setup_id: Option<&str>,
    audit_detail: Option<&str>,
) -> anyhow::Result<SignIn> {
    let client_id = required(&o.client_id, "--client-id", "oauth2-m2m")?;
    let certificate_id = required(&o.certificate_id, "--certificate-id", "oauth2-m2m")?;
    let key = netsuite_m2m::private_key(o.key.as_deref(), setup_id)?;
    let now = OffsetDateTime::now_utc();
    let mut extra = Vec::new();
    if let Some(path) = &o.certificate {
        let pem = onramp_core::files::read_text_capped(
            path,
            onramp_core::files::MAX_KEY_BYTES,
            "a certificate",
        )?;
        extra.push(m2m_certificate_check(&pem, Some(&key), now));
    }
    let (client, _) = netsuite_m2m::m2m_client(
        account.clone(),
        client_id,
        certificate_id,
        key,
        &o.scope,
        endpoints.clone(),
    )?;
    let outcome = match client.token(now).await {
        Ok(t) => Ok(Credentials::Bearer(t.access_token)),
        Err(e) => Err(Box::new(refusal::m2m(&e, certificate_id, audit_detail))),
    };
    Ok(SignIn { outcome, extra })
}

async fn code(
    o: &OAuthArgs,
    account: &Account,
    endpoints: &Endpoints,
    setup_id: Option<&str>,
    audit_detail: Option<&str>,
) -> anyhow::Result<SignIn> {
    let client_id = required(&o.client_id, "--client-id", "oauth2-code")?;
    let refresh = secrets::from_env_or_keychain(REFRESH_TOKEN, setup_id)?;
    // A client secret makes a confidential client; without one NetSuite rotates refresh tokens.
    let client_secret = secrets::optional_from_env_or_keychain(CLIENT_SECRET, setup_id)?;
    let kind = match client_secret {
        Some(_) => ClientKind::Confidential,
        None => ClientKind::public_default(),
    };
    let scopes = o
        .scope
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .map(Scope::parse)
        .collect::<Result<Vec<_>, _>>()?;
    let client = CodeClient::new(CodeClientConfig {
        account: account.clone(),
        client_id: client_id.to_string(),
        client_secret,
        redirect_uri: RedirectUri::parse(APP_REDIRECT_URI)?,
        scopes,
        kind,
        endpoints: endpoints.clone(),
        timeout: Duration::from_secs(30),
    })?;
    let now = OffsetDateTime::now_utc();
    let mut tokens = TokenSet {
        access_token: Secret::new(String::new()),
        refresh_token: Some(refresh.clone()),
        scopes: Vec::new(),
        access_expires_at: now,
        refresh_expires_at: None,
        consented_at: now,
        owner: None,
    };
    let outcome = match client.refresh(&mut tokens, now).await {
        Ok(()) => {
            keep_rotated(&refresh, tokens.refresh_token.as_ref(), setup_id)?;
            Ok(Credentials::Bearer(tokens.access_token))
        }
        Err(e) => Err(Box::new(refusal::refresh(&e, audit_detail))),
    };
    Ok(SignIn {
        outcome,
        extra: Vec::new(),
    })
}

/// A public client's refresh token is single-use: NetSuite answered with a new one.
fn keep_rotated(
    old: &Secret<String>,
    new: Option<&Secret<String>>,
    setup_id: Option<&str>,
) -> anyhow::Result<()> {
    let Some(new) = new.filter(|n| n.expose() != old.expose()) else {
        return Ok(());
    };
    match setup_id {
        Some(id) => {
            secrets::store()
                .set(&SecretKey::new(id, REFRESH_TOKEN), new)
                .context("storing the rotated refresh token in the keychain")?;
            eprintln!("note: NetSuite rotated the refresh token; the new one is stored in the keychain for setup {id}.");
        }
        None => eprintln!(
            "note: NetSuite rotated the refresh token (public client): the one given in {} is now spent and the new one was not kept. Run with --setup <id> to keep rotated tokens in the keychain; otherwise connect again in Onramp before the next check.",
            secrets::env_var_name(REFRESH_TOKEN)
        ),
    }
    Ok(())
}
