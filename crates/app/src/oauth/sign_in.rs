//! How a validation run signs in with OAuth 2.0: the stored access token while
//! it is fresh, else a refresh (authorization code), or a new client-credentials
//! token signed with the keychain's private key (M2M). A token NetSuite will
//! not issue becomes the failing `netsuite.auth` result, as in the CLI, so the
//! run still explains itself.

use onramp_core::http::Endpoints;
use onramp_core::profile::AuthMethod;
use onramp_core::state::Setup;
use onramp_core::{IpcError, Secret, SecretKey};
use onramp_netsuite::checks::certificate::m2m_certificate_check;
use onramp_netsuite::oauth2::secret_names::{ACCESS_TOKEN, REFRESH_TOKEN};
use onramp_netsuite::oauth2::{OAuthError, OffsetDateTime, TokenOwner, TokenSet};
use onramp_netsuite::Credentials;
use time::format_description::well_known::Rfc3339;

use super::client::{code_client, m2m_client, m2m_key};
use super::{invalid, missing, tokens, write_fields};
use crate::ctx::AppCtx;
use crate::suite::SignIn;

/// A token this close to expiry is refreshed first, so no check meets an expired one.
const FRESH_MARGIN: time::Duration = time::Duration::minutes(5);

pub async fn sign_in(
    ctx: &AppCtx,
    setup: &Setup,
    method: AuthMethod,
    endpoints: Endpoints,
) -> Result<SignIn, IpcError> {
    match method {
        AuthMethod::Oauth2Code => code(ctx, setup, endpoints).await,
        AuthMethod::Oauth2M2m => m2m(ctx, setup, endpoints).await,
        AuthMethod::Tba => Err(invalid(
            "TBA signs each request; it has no OAuth 2.0 sign-in",
        )),
    }
}

fn time_field(at: &Option<String>) -> Option<OffsetDateTime> {
    at.as_deref()
        .and_then(|v| OffsetDateTime::parse(v, &Rfc3339).ok())
}

/// True when a token valid until `until` still is, with a margin, at `now`.
pub fn is_fresh(until: Option<OffsetDateTime>, now: OffsetDateTime) -> bool {
    until.is_some_and(|u| u - now > FRESH_MARGIN)
}

async fn code(ctx: &AppCtx, setup: &Setup, endpoints: Endpoints) -> Result<SignIn, IpcError> {
    let id = setup.id.clone();
    let (access, refresh_token) = crate::oauth::keychain(ctx, move |s| {
        Ok((
            s.get(&SecretKey::new(id.as_str(), ACCESS_TOKEN))?,
            s.get(&SecretKey::new(id.as_str(), REFRESH_TOKEN))?,
        ))
    })
    .await?;
    let now = OffsetDateTime::now_utc();
    if let Some(access) = access.filter(|_| {
        is_fresh(
            time_field(&setup.fields.netsuite.token.access_expires_at),
            now,
        )
    }) {
        return Ok(SignIn {
            outcome: Ok(Credentials::Bearer(access)),
            extra: Vec::new(),
        });
    }
    let outcome = match refresh(ctx, setup, refresh_token, endpoints).await? {
        Ok(access) => Ok(Credentials::Bearer(access)),
        Err(e) => Err(Box::new(super::refusal::refresh(&e, None))),
    };
    Ok(SignIn {
        outcome,
        extra: Vec::new(),
    })
}

/// Gets a new access token with `refresh_token` and stores what NetSuite
/// returns. The outer error is the app's (nothing to refresh with, keychain),
/// the inner one NetSuite's refusal.
pub async fn refresh(
    ctx: &AppCtx,
    setup: &Setup,
    refresh_token: Option<Secret<String>>,
    endpoints: Endpoints,
) -> Result<Result<Secret<String>, OAuthError>, IpcError> {
    let refresh_token = refresh_token.ok_or_else(|| {
        missing(
            "OAuth 2.0 connection",
            "On the Credentials step press Connect, sign in to NetSuite and allow access; Onramp keeps the tokens in your keychain.",
        )
    })?;
    let client = code_client(ctx, setup, endpoints).await?;
    let now = OffsetDateTime::now_utc();
    let mut tokens = TokenSet {
        access_token: Secret::new(String::new()),
        refresh_token: Some(refresh_token),
        scopes: Vec::new(),
        access_expires_at: now,
        refresh_expires_at: time_field(&setup.fields.netsuite.token.refresh_expires_at),
        consented_at: now,
        // Named by the authorize redirect at Connect; a refresh does not change it.
        owner: TokenOwner::new(
            setup.fields.netsuite.token.role.as_deref(),
            setup.fields.netsuite.token.entity.as_deref(),
        ),
    };
    if let Err(e) = client.refresh(&mut tokens, now).await {
        return Ok(Err(e));
    }
    // A public client's refresh token is single-use: the rotated one replaces it.
    tokens::store(ctx, &setup.id, &tokens).await?;
    Ok(Ok(tokens.access_token))
}

async fn m2m(ctx: &AppCtx, setup: &Setup, endpoints: Endpoints) -> Result<SignIn, IpcError> {
    if super::vendor::holds_key(setup) {
        let mut results = super::vendor::run_results(ctx, setup, OffsetDateTime::now_utc());
        let sign_in = results.remove(0);
        return Ok(SignIn {
            outcome: Err(Box::new(sign_in)),
            extra: results,
        });
    }
    let key = m2m_key(ctx, setup).await?;
    let client = m2m_client(&ctx.data_dir, setup, key.clone(), endpoints)?;
    let now = OffsetDateTime::now_utc();
    let mut extra = Vec::new();
    if let Some(cert) = super::m2m::read(ctx, &setup.id)? {
        extra.push(m2m_certificate_check(
            &cert.certificate_pem,
            Some(&key),
            now,
        ));
    }
    let outcome = match client.token(now).await {
        Ok(t) => {
            let identity = t.identity.clone();
            write_fields(ctx, &setup.id, |f| {
                tokens::write_identity(&mut f.netsuite.token, identity.as_ref())
            })?;
            Ok(Credentials::Bearer(t.access_token))
        }
        Err(e) => {
            let certificate_id = setup
                .fields
                .netsuite
                .certificate_id
                .as_deref()
                .unwrap_or_default();
            Err(Box::new(super::refusal::m2m(&e, certificate_id, None)))
        }
    };
    Ok(SignIn { outcome, extra })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_fresh_only_well_before_it_expires() {
        let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        assert!(is_fresh(Some(now + time::Duration::minutes(30)), now));
        assert!(!is_fresh(Some(now + time::Duration::minutes(4)), now));
        assert!(!is_fresh(Some(now - time::Duration::minutes(1)), now));
        assert!(!is_fresh(None, now));
    }
}
