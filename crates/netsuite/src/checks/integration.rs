//! `netsuite.integration`: whether the integration record accepts logins. It
//! is never visible directly; a refused login with a known Login Audit Trail
//! detail or an accepted login tells.

use onramp_core::profile::AuthMethod;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::audit_detail::audit_detail_diagnosis;
use super::{fail, pass, paths, skip, warn, Ctx};
use crate::errors::NetSuiteError;

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let login = c.facts.login().await;
    match login.as_ref() {
        Ok(_) if c.ctx.auth_method() == AuthMethod::Tba => {
            pass("The integration record is enabled: NetSuite accepted its consumer key.")
        }
        Ok(_) => pass(
            "The integration record is enabled: NetSuite accepted a token issued to its client ID.",
        ),
        Err(e) if e.is_auth() => {
            let detail = c.ctx.audit_detail.as_deref().map(str::trim);
            match detail {
                Some(
                    d @ ("consumer_key_refused" | "IntegrationBlocked" | "consumer_key_unknown"
                    | "UnknownIntegration" | "InvalidIntegration"),
                ) => fail(
                    format!("The Login Audit Trail says '{d}': the integration record refuses logins."),
                    audit_detail_diagnosis(c.ctx.auth_method(), d).unwrap_or_else(blocked),
                ),
                Some(d) => pass(format!(
                    "The Login Audit Trail detail '{d}' is not about the integration record."
                )),
                None => warn(
                    "The login was refused, so whether the integration record is enabled cannot be seen from here.",
                    blocked(),
                ),
            }
        }
        Err(NetSuiteError::UserError { .. }) => {
            pass("The integration record is enabled: NetSuite checked the signature and then refused the role.")
        }
        Err(e) => skip(format!("Not checked: {e}")).with_diagnosis(super::auth::unreachable()),
    }
}

fn blocked() -> Diagnosis {
    Diagnosis::new(
        "A Blocked integration record shows as consumer_key_refused in the Login Audit Trail; an unknown one as consumer_key_unknown.",
        "Open the integration record, set State to Enabled and keep Token-based Authentication checked; make sure the consumer key comes from this account.",
        paths::MANAGE_INTEGRATIONS,
    )
}
