//! `netsuite.restlet`: calls the connector's RESTlet deployment, named by the
//! profile, with the run's own credentials. Registered only for profiles that
//! declare one.

use onramp_core::profile::NsRestlet;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{fail, pass, paths, restlet, skip, Ctx};
use crate::client::Credentials;
use crate::errors::NetSuiteError;
use crate::oauth2::granted_scopes;

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let Some(r) = c.req.restlet.clone() else {
        return skip("The connector profile names no RESTlet.");
    };
    if let Some(granted) = token_without_restlets_scope(c.ctx.client.credentials()) {
        return fail(
            format!(
                "The access token was granted {} but not restlets, so NetSuite refuses every RESTlet call made with it.",
                granted.join(", ")
            ),
            missing_scope(),
        );
    }
    let host = c.ctx.client.account().restlets_host();
    let called = format!(
        "GET https://{host}/app/site/hosting/restlet.nl?script={}&deploy={}",
        r.script, r.deploy
    );
    let result = match c.ctx.client.restlet_get(&r.script, &r.deploy).await {
        Ok(_) => pass(format!(
            "NetSuite ran the connector's RESTlet ({} / {}) for this sign-in.",
            r.script, r.deploy
        )),
        // A RESTlet may answer plain text: it ran all the same.
        Err(NetSuiteError::NotJson { status, .. }) if (200..300).contains(&status) => pass(format!(
            "NetSuite ran the connector's RESTlet ({} / {}) for this sign-in (it answered text, not JSON).",
            r.script, r.deploy
        )),
        Err(NetSuiteError::Api {
            status,
            code,
            detail,
        }) => fail(
            format!("NetSuite refused the RESTlet call: HTTP {status} {code}: {detail}"),
            restlet::diagnose_code(&code).unwrap_or_else(|| unexplained(&r)),
        ),
        Err(
            e
            @ (NetSuiteError::Http(_) | NetSuiteError::Cancelled | NetSuiteError::DeadlineReached),
        ) => skip(format!("Not checked: {e}")).with_diagnosis(super::auth::unreachable()),
        Err(e) => fail(
            format!("NetSuite refused the RESTlet call: {e}"),
            unexplained(&r),
        ),
    };
    result.with_evidence("Called", called)
}

/// The scopes of an OAuth 2.0 token that lists its scopes and lacks `restlets`.
fn token_without_restlets_scope(credentials: &Credentials) -> Option<Vec<String>> {
    let Credentials::Bearer(token) = credentials else {
        return None;
    };
    granted_scopes(token.expose()).filter(|g| !g.iter().any(|s| s == "restlets"))
}

fn missing_scope() -> Diagnosis {
    Diagnosis::new(
        "The connector's sign-in was granted without the RESTlets scope. NetSuite puts the granted scopes in the access token and refuses a RESTlet call whose token lacks restlets, whatever the role may do.",
        "On the integration record tick the RESTlets scope (keep REST Web Services if the connector also uses it), save, then sign in again so the new token carries both.",
        format!(
            "{} > (the connector's integration record) > Edit > OAuth 2.0 > Scope",
            paths::MANAGE_INTEGRATIONS
        ),
    )
}

fn unexplained(r: &NsRestlet) -> Diagnosis {
    Diagnosis::new(
        "The RESTlet answered with an error this check does not recognise; the script itself may have failed.",
        format!(
            "Open the deployment {} of script {}, check its Status (Released), Audience (the integration role) and the script's execution log, then run again.",
            r.deploy, r.script
        ),
        "Customization > Scripting > Script Deployments",
    )
}
