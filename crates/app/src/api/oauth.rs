//! NetSuite OAuth 2.0 commands: choose the sign-in method, connect with the
//! authorization code flow (system browser, or the simulator's consent page in
//! a second window in Practice mode), take the redirect back (deep link,
//! window navigation or pasted address), refresh and revoke; generate the M2M
//! key pair and certificate; say which user and role the credentials act as.
//! Tokens and keys go to the keychain only: no command returns one.

use crate::errors::OrIpc;
use onramp_core::profile::AuthMethod;
use onramp_core::{IpcError, SecretKey};
use onramp_netsuite::oauth2::diagnose::Stage;
use onramp_netsuite::oauth2::secret_names::{ACCESS_TOKEN, REFRESH_TOKEN};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::ctx::AppCtx;
use crate::host::OAuthWindows;
use crate::oauth::flow::{Flows, Notify, Pending, Taken};
use crate::oauth::identity::{identify, CredentialIdentity};
use crate::oauth::key_export::{self, KeyExport};
use crate::oauth::m2m::{self, M2mAlgorithm, M2mCertificate, PracticeUpload};
use crate::oauth::tokens::{self, OAuthStatus};
use crate::oauth::vendor::{self, VendorCertificate};
use crate::oauth::{client, invalid, oauth_error, write_fields, REDIRECT_URI};

/// Saves the setup's NetSuite sign-in method.
pub async fn oauth_set_method(
    ctx: &AppCtx,
    setup_id: String,
    method: AuthMethod,
) -> Result<(), IpcError> {
    ctx.state.update_setup(&setup_id, |setup| {
        // Only a method the connector supports can be chosen.
        if let Some(profile) = crate::method_rule::chosen_profile(&ctx.data_dir, setup)? {
            crate::method_rule::allow(&profile, method)?;
        }
        setup.auth_method = Some(method);
        Ok(())
    })
}

/// The non-secret values the user copies from NetSuite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum OAuthField {
    ClientId,
    CertificateId,
    /// The public integration record an administrator signs in through.
    AdminClientId,
}

/// A pasted identifier, trimmed; NetSuite's IDs are one word.
pub fn clean_id(what: &str, value: &str) -> Result<String, IpcError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(invalid(format!(
            "the {what} is empty; copy it again from NetSuite"
        )));
    }
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(format!(
            "the {what} is one word without spaces; copy it again from NetSuite"
        )));
    }
    if v.len() > 256 {
        return Err(invalid(format!(
            "that is too long for a {what}; copy only the ID"
        )));
    }
    Ok(v.to_owned())
}

pub async fn oauth_set_field(
    ctx: &AppCtx,
    setup_id: String,
    field: OAuthField,
    value: String,
) -> Result<(), IpcError> {
    let what = match field {
        OAuthField::CertificateId => "Certificate ID",
        OAuthField::ClientId | OAuthField::AdminClientId => "Client ID",
    };
    let value = Some(clean_id(what, &value)?);
    write_fields(ctx, &setup_id, |f| {
        let ns = &mut f.netsuite;
        match field {
            OAuthField::ClientId => ns.client_id = value,
            OAuthField::CertificateId => ns.certificate_id = value,
            OAuthField::AdminClientId => ns.admin_client_id = value,
        }
    })
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct OAuthLaunch {
    /// The real NetSuite authorize address (to open by hand if no browser opened).
    pub authorize_url: String,
    pub redirect_uri: String,
    /// Practice mode: the simulated consent page opened in a second Onramp window.
    pub practice_window: bool,
}

/// Starts the authorization code flow; the outcome of a redirect that
/// arrives by deep link or in the practice window goes to `notify`.
pub async fn oauth_connect(
    windows: &OAuthWindows,
    ctx: &AppCtx,
    flows: &Flows,
    setup_id: String,
    notify: Notify,
) -> Result<OAuthLaunch, IpcError> {
    launch(windows, ctx, flows, setup_id, notify, false).await
}

/// Renews a working connection: the same sign-in, but the new tokens wait
/// beside the working ones until `reconsent_prove` has proven them.
pub async fn oauth_reconsent(
    windows: &OAuthWindows,
    ctx: &AppCtx,
    flows: &Flows,
    setup_id: String,
    notify: Notify,
) -> Result<OAuthLaunch, IpcError> {
    launch(windows, ctx, flows, setup_id, notify, true).await
}

async fn launch(
    windows: &OAuthWindows,
    ctx: &AppCtx,
    flows: &Flows,
    setup_id: String,
    notify: Notify,
    reconsent: bool,
) -> Result<OAuthLaunch, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let endpoints = crate::erp_run::endpoints(ctx, &setup).await?;
    let code_client = client::code_client(ctx, &setup, endpoints).await?;
    let req = code_client.authorization_request().or_ipc()?;
    let practice = setup.practice_scenario.is_some();
    let launch = OAuthLaunch {
        authorize_url: req.url.to_string(),
        redirect_uri: REDIRECT_URI.into(),
        practice_window: practice,
    };
    let pending = Pending::new(setup_id.clone(), code_client, req.state, req.pkce, notify);
    flows.begin(if reconsent {
        pending.for_reconsent()
    } else {
        pending
    });
    if practice {
        windows.0.open_consent(req.browser_url)?;
    } else {
        windows.0.open_browser(&req.url)?;
    }
    tracing::info!(%setup_id, practice, reconsent, "OAuth 2.0 authorization started");
    Ok(launch)
}

/// The paste fallback: the address the browser showed after Allow.
pub async fn oauth_paste_redirect(
    windows: &OAuthWindows,
    ctx: &AppCtx,
    flows: &Flows,
    setup_id: String,
    url: String,
) -> Result<OAuthStatus, IpcError> {
    let status = match flows.take(&url, Some(&setup_id)) {
        Taken::Nothing => Err(invalid(
            "no sign-in is waiting: press Connect first, then paste the address NetSuite sends you to",
        )),
        Taken::Refused(e) | Taken::Denied(_, e) => Err(e),
        Taken::Code(p, answer) => p.complete(ctx, answer).await,
    }?;
    windows.0.close_consent();
    Ok(status)
}

pub async fn oauth_status(ctx: &AppCtx, setup_id: String) -> Result<OAuthStatus, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    tokens::status(ctx, &setup).await
}

async fn stored(
    ctx: &AppCtx,
    setup_id: &str,
    name: &'static str,
) -> Result<Option<onramp_core::Secret<String>>, IpcError> {
    let id = setup_id.to_owned();
    crate::oauth::keychain(ctx, move |s| s.get(&SecretKey::new(id.as_str(), name))).await
}

/// A new access token from the refresh token.
pub async fn oauth_refresh(ctx: &AppCtx, setup_id: String) -> Result<OAuthStatus, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    let endpoints = crate::erp_run::endpoints(ctx, &setup).await?;
    let refresh_token = stored(ctx, &setup_id, REFRESH_TOKEN).await?;
    crate::oauth::sign_in::refresh(ctx, &setup, refresh_token, endpoints)
        .await?
        .map_err(|e| oauth_error(Stage::Refresh, &e))?;
    tokens::status(ctx, &ctx.state.setup(&setup_id)?).await
}

/// Revokes the refresh token in NetSuite, then forgets both tokens.
pub async fn oauth_revoke(ctx: &AppCtx, setup_id: String) -> Result<OAuthStatus, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    if let Some(refresh_token) = stored(ctx, &setup_id, REFRESH_TOKEN).await? {
        let endpoints = crate::erp_run::endpoints(ctx, &setup).await?;
        client::code_client(ctx, &setup, endpoints)
            .await?
            .revoke(&refresh_token)
            .await
            .map_err(|e| oauth_error(Stage::Revoke, &e))?;
    }
    let id = setup_id.clone();
    crate::oauth::keychain(ctx, move |s| {
        s.delete(&SecretKey::new(id.as_str(), ACCESS_TOKEN))?;
        s.delete(&SecretKey::new(id.as_str(), REFRESH_TOKEN))
    })
    .await?;
    // The tokens are gone: so is what they said about themselves.
    write_fields(ctx, &setup_id, |f| f.netsuite.token = Default::default())?;
    tracing::info!(%setup_id, "OAuth 2.0 tokens revoked and removed from the keychain");
    tokens::status(ctx, &ctx.state.setup(&setup_id)?).await
}

/// A new M2M key pair (private key into the keychain) and certificate file.
pub async fn m2m_generate(
    ctx: &AppCtx,
    setup_id: String,
    algorithm: M2mAlgorithm,
) -> Result<M2mCertificate, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    m2m::generate(ctx, &setup, algorithm).await
}

/// Writes the M2M private key for a connector that takes it pasted in: once
/// per key, after the person confirmed `key_export::WARNING`.
pub async fn m2m_export_key(
    ctx: &AppCtx,
    setup_id: String,
    folder: String,
    acknowledged: bool,
) -> Result<KeyExport, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    key_export::export(ctx, &setup, &folder, acknowledged).await
}

/// The setup's certificate, if generated (public: it is what gets uploaded).
pub async fn m2m_certificate(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<Option<M2mCertificate>, IpcError> {
    m2m::read(ctx, &setup_id)
}

/// Checks the certificate a connector's vendor supplied (they keep the key)
/// and makes it the setup's; a file NetSuite would refuse is refused with why.
pub async fn m2m_import_vendor_certificate(
    ctx: &AppCtx,
    setup_id: String,
    path: String,
    algorithm: Option<String>,
) -> Result<VendorCertificate, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    if setup.auth_method != Some(AuthMethod::Oauth2M2m) {
        return Err(invalid(
            "a vendor's certificate is for setups that sign in with OAuth 2.0 M2M",
        ));
    }
    let file = crate::export::typed_path(&path)?;
    vendor::import(ctx, &setup, &file, algorithm).await
}

/// The vendor's certificate, when the vendor keeps the key.
pub async fn m2m_vendor_certificate(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<Option<VendorCertificate>, IpcError> {
    vendor::read(ctx, &ctx.state.setup(&setup_id)?)
}

/// Back to a key pair Onramp makes; the vendor's certificate is forgotten.
pub async fn m2m_forget_vendor_certificate(ctx: &AppCtx, setup_id: String) -> Result<(), IpcError> {
    vendor::forget(ctx, &ctx.state.setup(&setup_id)?)
}

/// Practice mode: uploads the certificate to the simulator, as its administrator would.
pub async fn m2m_practice_upload(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<PracticeUpload, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    m2m::practice_upload(ctx, &setup).await
}

/// Which user and role the setup's credentials act as, against what it expects.
pub async fn netsuite_identity(
    ctx: &AppCtx,
    setup_id: String,
) -> Result<CredentialIdentity, IpcError> {
    let setup = ctx.state.setup(&setup_id)?;
    identify(ctx, &setup).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_ids_are_trimmed_and_checked() {
        assert_eq!(clean_id("Client ID", "  abc123\n").unwrap(), "abc123");
        assert!(clean_id("Client ID", "   ")
            .unwrap_err()
            .message
            .contains("empty"));
        assert!(clean_id("Certificate ID", "abc 123")
            .unwrap_err()
            .message
            .contains("without spaces"));
        assert!(clean_id("Client ID", &"x".repeat(300)).is_err());
    }
}
