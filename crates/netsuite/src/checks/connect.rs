//! `netsuite.connect`: what SuiteAnalytics Connect's NetSuite2.com data source
//! asks of the role and the sign-in method, as far as REST web services show
//! it. Oracle, help subsect_162885566786 "Role and Permission Considerations
//! for NetSuite2.com": the data source is not accessible for the
//! Administrator role (except over OAuth 2.0), Full Access (deprecated), roles
//! requiring two-factor authentication and roles accessing Connect with IP
//! restrictions; the Data Warehouse Integrator role requires TBA. Whether a
//! role requires 2FA or has IP rules is not readable over REST, so the check
//! names them for the person to confirm instead of guessing.

use onramp_core::profile::AuthMethod;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{fail, pass, paths, warn, Ctx};

/// NetSuite's standard Administrator role.
const ADMINISTRATOR_ROLE: u64 = 3;
const ADMINISTRATOR: &str = "Administrator";
const FULL_ACCESS: &str = "Full Access";
const DATA_WAREHOUSE_INTEGRATOR: &str = "Data Warehouse Integrator";
const SOURCE: &str = "Oracle help: Role and Permission Considerations for NetSuite2.com";
const CONFIRM: &str = "Two-Factor Authentication Required is off on the role and no IP address rules apply to the Connect user: NetSuite2.com refuses both, and neither is readable over REST.";

pub(crate) async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let method = c.ctx.auth_method();
    let role_id = c.facts.role_id().await;
    let name = c.facts.role_name().await;
    judge(method, role_id, name.as_deref()).with_evidence("Source", SOURCE)
}

/// The verdict for a role (by ID and name, either may be unknown) and method.
fn judge(method: AuthMethod, role_id: Option<u64>, name: Option<&str>) -> CheckResult {
    let is = |n: &str| name.is_some_and(|x| x.trim().eq_ignore_ascii_case(n));
    let administrator = role_id == Some(ADMINISTRATOR_ROLE) || is(ADMINISTRATOR);
    let shown = name
        .map(|n| format!("The role {n}"))
        .or(role_id.map(|id| format!("Role {id}")))
        .unwrap_or_else(|| "The role".into());
    if administrator && method == AuthMethod::Tba {
        return fail(
            "NetSuite2.com refuses the Administrator role over Token-Based Authentication.",
            Diagnosis::new(
                "The Connect Service opens the NetSuite2.com data source to the Administrator role only over OAuth 2.0.",
                "Give the Connect user the Data Warehouse Integrator role (TBA) or a custom role with SuiteAnalytics Connect at Full, create their token with that role, and use it in the tool. Oracle prefers either over Administrator for data warehouse loads.",
                paths::MANAGE_ROLES,
            ),
        );
    }
    if is(FULL_ACCESS) {
        return fail(
            "NetSuite2.com refuses the Full Access role.",
            Diagnosis::new(
                "Full Access is deprecated and the Connect Service does not open NetSuite2.com to it.",
                "Use the Data Warehouse Integrator role (TBA) or a custom role with SuiteAnalytics Connect at Full.",
                paths::MANAGE_ROLES,
            ),
        );
    }
    if is(DATA_WAREHOUSE_INTEGRATOR) && method != AuthMethod::Tba {
        return fail(
            "The Data Warehouse Integrator role signs in to Connect with TBA only.",
            Diagnosis::new(
                "Oracle: the Data Warehouse Integrator role requires token-based authentication.",
                "Create a TBA access token for the Connect user with the Data Warehouse Integrator role and use it in the tool, or use a custom role with SuiteAnalytics Connect at Full over OAuth 2.0.",
                paths::ACCESS_TOKENS,
            ),
        );
    }
    if administrator {
        return warn(
            "The Administrator role reaches NetSuite2.com over OAuth 2.0, but Oracle prefers the Data Warehouse Integrator role or a custom role for data warehouse loads.",
            Diagnosis::new(
                "An Administrator connection reads and can expose every record, and Administrator requires two-factor authentication outside OAuth 2.0.",
                "Create a custom role with SuiteAnalytics Connect at Full (or use Data Warehouse Integrator over TBA) and connect the tool with it.",
                paths::MANAGE_ROLES,
            ),
        );
    }
    if role_id.is_none() && name.is_none() {
        return warn(
            "Could not tell which role the Connect user signs in with; NetSuite2.com refuses Administrator over TBA, Full Access, and roles with required 2FA or IP rules.",
            Diagnosis::new(
                "A TBA token does not say its role, and no role name was given.",
                "Give the role's name in the setup (Role step) and run again.",
                paths::MANAGE_ROLES,
            ),
        );
    }
    pass(format!(
        "{shown} may use NetSuite2.com with this sign-in method. Confirm that {CONFIRM}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::CheckStatus;

    fn status(method: AuthMethod, id: Option<u64>, name: Option<&str>) -> CheckStatus {
        judge(method, id, name).status
    }

    #[test]
    fn oracle_rules_for_netsuite2_com() {
        use AuthMethod::*;
        assert_eq!(status(Tba, Some(3), None), CheckStatus::Fail);
        assert_eq!(status(Tba, None, Some("administrator")), CheckStatus::Fail);
        assert_eq!(status(Oauth2Code, Some(3), None), CheckStatus::Warn);
        assert_eq!(
            status(Tba, Some(18), Some("Full Access")),
            CheckStatus::Fail
        );
        assert_eq!(
            status(Oauth2Code, None, Some("Data Warehouse Integrator")),
            CheckStatus::Fail
        );
        assert_eq!(
            status(Oauth2M2m, None, Some("Data Warehouse Integrator")),
            CheckStatus::Fail
        );
        assert_eq!(
            status(Tba, None, Some("Data Warehouse Integrator")),
            CheckStatus::Pass
        );
        assert_eq!(
            status(Oauth2Code, Some(1001), Some("Onramp Analytics")),
            CheckStatus::Pass
        );
        assert_eq!(status(Tba, None, None), CheckStatus::Warn);
    }

    #[test]
    fn a_pass_names_what_rest_cannot_show() {
        let r = judge(AuthMethod::Tba, Some(1001), Some("Onramp Analytics"));
        assert!(
            r.summary.contains("Two-Factor Authentication Required"),
            "{}",
            r.summary
        );
        assert!(r.summary.contains("IP address rules"), "{}", r.summary);
        let d = judge(
            AuthMethod::Oauth2Code,
            None,
            Some("Data Warehouse Integrator"),
        )
        .diagnosis
        .unwrap();
        assert!(d.fix.contains("TBA access token"), "{}", d.fix);
    }
}
