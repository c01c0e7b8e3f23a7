//! `netsuite.lifecycle`: what later breaks a working setup.

use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{pass, paths, warn, Ctx};
use crate::accounts::Environment;
use onramp_core::profile::AuthMethod;

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let client = c.facts.client();
    let account = client.account();
    let method = c.ctx.auth_method();
    let tba = method == AuthMethod::Tba;
    let result = match account.environment() {
        Environment::Sandbox | Environment::ReleasePreview => warn(
            format!("{} is a copy of production: its tokens will not survive a refresh.", account.realm()),
            Diagnosis::new(
                "Access tokens, OAuth 2.0 authorizations and M2M certificate mappings are not copied to sandboxes or Release Preview, and a sandbox refresh wipes them.",
                "After every refresh, create the token (or M2M mapping) again in the sandbox and update the connector.",
                match method {
                    AuthMethod::Tba => paths::ACCESS_TOKENS,
                    AuthMethod::Oauth2Code => paths::MANAGE_INTEGRATIONS,
                    AuthMethod::Oauth2M2m => paths::M2M_SETUP,
                },
            ),
        ),
        _ => pass(format!("{} is a production account; {}", account.realm(), match method {
            AuthMethod::Tba => "tokens stay valid until revoked.",
            AuthMethod::Oauth2Code => "access tokens last 60 minutes and a confidential client's refresh token 7 days, after which the user must sign in again.",
            AuthMethod::Oauth2M2m => "access tokens last 60 minutes and are renewed with the certificate, which must be rotated before it expires (two years at most).",
        })),
    };
    let result = result.with_evidence(
        "User lifecycle",
        "Tokens stop working when the integration user is made inactive or loses the role; use a dedicated integration employee.",
    );
    if tba {
        result.with_evidence("TBA retirement", crate::guidance::TBA_END_OF_SUPPORT)
    } else {
        result
    }
}
