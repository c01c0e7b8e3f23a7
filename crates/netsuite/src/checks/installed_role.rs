//! `netsuite.installed_role`: a bundle- or SuiteApp-based connector installs
//! its own role, so the person gives that role to the integration user
//! instead of building one. Onramp finds it by the script ID the profile
//! names (SuiteQL `role.scriptid`, a column CData's SuiteQL reference lists
//! for the `role` table) with the administrator's sign-in when there is one,
//! since roles sit behind Manage Roles; the permissions check then judges
//! the role the user signs in with.

use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};
use serde_json::Value;

use super::{fail, pass, paths, warn, Ctx};

const INSTALL: &str = "Customization > SuiteBundler > Search & Install Bundles (or the SuiteApp Marketplace for a SuiteApp)";

pub(crate) async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let Some(want) = c.req.installed_role.clone() else {
        return pass("The connector installs no role of its own.");
    };
    let found = c
        .facts
        .role_client()
        .suiteql_with_params(
            "SELECT id, name, isinactive FROM role WHERE scriptid = ?",
            &[want.scriptid.as_str().into()],
            1,
            0,
        )
        .await;
    let row =
        match found {
            Ok(page) => page.items.into_iter().next(),
            Err(e) => return warn(
                format!(
                    "Could not look for the role {} ({}): {e}",
                    want.name, want.scriptid
                ),
                Diagnosis::new(
                    "Reading roles needs Manage Roles, which an integration role should not have.",
                    "Sign in as an administrator in Onramp (Credentials step) and run again.",
                    paths::MANAGE_ROLES,
                ),
            ),
        };
    let Some(row) = row else {
        return fail(
            format!(
                "The connector's bundle is not installed in this account: no role has script ID {}.",
                want.scriptid
            ),
            Diagnosis::new(
                format!(
                    "The connector's bundle or SuiteApp installs the role {} ({}); without it the connector's scripts and role are missing.",
                    want.name, want.scriptid
                ),
                format!(
                    "Install the connector's bundle or SuiteApp as its installation guide says, then give the role {} to the integration user. A sandbox refresh removes bundles installed only in the sandbox: install it again there.",
                    want.name
                ),
                INSTALL,
            ),
        );
    };
    let id = number(&row, "id");
    let name = row
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or(&want.name)
        .to_owned();
    if row.get("isinactive").and_then(Value::as_str) == Some("T") {
        return fail(
            format!("The connector's role {name} is inactive."),
            Diagnosis::new(
                "An inactive role cannot sign in.",
                format!("Open the role {name}, clear Inactive and save."),
                paths::MANAGE_ROLES,
            ),
        );
    }
    let signed_in = c.facts.role_id().await;
    if let (Some(role), Some(installed)) = (signed_in, id) {
        if role != installed {
            return fail(
                format!("The integration user signs in with role {role}, not the connector's role {name} (internal ID {installed})."),
                Diagnosis::new(
                    "The connector's scripts and permissions are set up for the role its bundle installed.",
                    format!("Give the integration user the role {name} and create the token (or sign in) with it; a hand-built role is not needed."),
                    paths::EMPLOYEES,
                ),
            );
        }
    }
    pass(format!(
        "The connector's bundle installed the role {name} (internal ID {}): give it to the integration user instead of building one.",
        id.map_or_else(|| "unknown".into(), |i| i.to_string())
    ))
    .with_evidence("Script ID", want.scriptid)
}

fn number(row: &Value, column: &str) -> Option<u64> {
    let v = row.get(column)?;
    v.as_u64().or_else(|| v.as_str()?.parse().ok())
}
