//! The Web Services user's record (USERINFO): user type Business, admin
//! privileges as the profile needs, status active, Web Services-only.

use std::collections::BTreeMap;
use std::sync::Arc;

use onramp_core::profile::{AdminLevel, IntacctRequirements};
use onramp_core::{CheckResult, Diagnosis};

use super::{call_failed, needs_signin, records, IntacctCtx, Read};
use crate::xml::request::{Filter, Function, Query};

pub const ID: &str = "intacct.user";
const WHERE: &str = "Company > Admin > Web Services users > (user) > Edit";

pub async fn check(
    ctx: Arc<IntacctCtx>,
    req: IntacctRequirements,
    id: &'static str,
    title: &'static str,
) -> CheckResult {
    let Some(client) = ctx.working().await else {
        return needs_signin(id, title);
    };
    let user_id = ctx.creds().user_id.clone();
    let result = match ctx.read(client, &req, Read::User).await {
        Ok(r) => r,
        Err(e) => return call_failed(&ctx, e, id, title, "Could not read the user record"),
    };
    if !result.is_success() {
        // Onramp's profile asks for Company > Users List/View so this can be read;
        // a non-Business user type caps the role so it cannot.
        let list = result.error_text();
        return CheckResult::fail(
            id,
            title,
            format!("The user may not read its own user record, so its type and privileges cannot be confirmed ({list})."),
            Diagnosis::new(
                "Either the user type is not Business (other types cap what roles grant, e.g. Employee users can only list and view customers), or the role lacks Company > Users: List, View.",
                "Set User type to Business, and make sure the user's role grants Company > Users List and View.",
                format!("{WHERE}; Company > Admin > Roles > (role) > Subscriptions > Company > Permissions"),
            ),
        )
        .with_evidence("Gateway error", list);
    }
    let Some(row) = records(result).into_iter().next() else {
        return CheckResult::warn(
            id,
            title,
            format!("No USERINFO record was returned for {user_id}."),
            Diagnosis::new(
                "The user record is hidden from this user.",
                "Check the user's ID and its restrictions.",
                WHERE,
            ),
        );
    };
    ctx.record(|s| s.user = Some(row.clone()));
    assess(&row, req.admin, id, title)
}

/// The user's own USERINFO record.
pub(super) fn query(user_id: &str) -> Function {
    Function::Query(Query {
        object: "USERINFO".into(),
        fields: ["LOGINID", "USERTYPE", "ADMIN", "LOGINDISABLED", "STATUS"]
            .map(String::from)
            .to_vec(),
        filter: Some(Filter::EqualTo("LOGINID".into(), user_id.to_string())),
        page_size: 1,
    })
}

/// USERTYPE comes as a name (`business user`) or a readByQuery code (`B`).
fn is_business(user_type: &str) -> bool {
    let t = user_type.trim().to_ascii_lowercase();
    t == "b" || t == "business" || t == "business user"
}

fn admin_level(v: &str) -> Option<AdminLevel> {
    match v.trim().to_ascii_lowercase().as_str() {
        "full" | "true" => Some(AdminLevel::Full),
        "limited" => Some(AdminLevel::Limited),
        "off" | "false" | "" => Some(AdminLevel::Off),
        _ => None,
    }
}

fn level_name(l: AdminLevel) -> &'static str {
    match l {
        AdminLevel::Off => "Off",
        AdminLevel::Limited => "Limited",
        AdminLevel::Full => "Full",
    }
}

fn assess(
    row: &BTreeMap<String, String>,
    required: AdminLevel,
    id: &str,
    title: &str,
) -> CheckResult {
    let get = |k: &str| row.get(k).cloned().unwrap_or_default();
    let (user_type, admin, status, ws_only) = (
        get("USERTYPE"),
        get("ADMIN"),
        get("STATUS"),
        get("LOGINDISABLED"),
    );
    let mut problems: Vec<(String, String)> = Vec::new();
    if !is_business(&user_type) {
        problems.push((
            format!("The user type is '{user_type}'. Only Business users get the rights their roles grant; other types are capped (Employee users can only list and view customers)."),
            "Set User type to Business.".into(),
        ));
    }
    match admin_level(&admin) {
        Some(actual) if actual < required => problems.push((
            format!(
                "Admin privileges are {}, the connector needs {}.",
                level_name(actual),
                level_name(required)
            ),
            format!("Set Admin privileges to {}.", level_name(required)),
        )),
        Some(_) => {}
        None => problems.push((
            format!("Admin privileges read as '{admin}', which Onramp does not recognise."),
            "Check Admin privileges on the user.".into(),
        )),
    }
    if !status.eq_ignore_ascii_case("active") {
        problems.push((
            format!("The user's status is '{status}'."),
            "Set the user's status to Active (unlock it if it is locked out).".into(),
        ))
    }
    let mut r = if let Some((cause, _)) = problems.first() {
        let fix = problems
            .iter()
            .map(|(_, f)| f.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let causes = problems
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        CheckResult::fail(id, title, cause.clone(), Diagnosis::new(causes, fix, WHERE))
    } else if ws_only.eq_ignore_ascii_case("true") {
        CheckResult::pass(
            id,
            title,
            "A Business, Web Services-only user with the admin privileges the connector needs.",
        )
    } else {
        CheckResult::warn(
            id,
            title,
            "The user can also sign in to the Sage Intacct UI; a Web Services user is recommended for integrations.",
            Diagnosis::new(
                "This is a regular user: its password expires and UI sign-in policies (MFA, SSO) apply to it.",
                "Create a Web Services user for the connector instead.",
                "Company > Admin > Web Services users",
            ),
        )
    };
    for (label, v) in [
        ("User type", user_type),
        ("Admin privileges", admin),
        ("Status", status),
        ("Web Services only", ws_only),
    ] {
        r = r.with_evidence(label, v);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::CheckStatus;

    fn row(t: &str, admin: &str, status: &str, ws: &str) -> BTreeMap<String, String> {
        [
            ("USERTYPE", t),
            ("ADMIN", admin),
            ("STATUS", status),
            ("LOGINDISABLED", ws),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn business_ws_user_with_enough_admin_passes() {
        assert_eq!(
            assess(
                &row("business user", "Full", "active", "true"),
                AdminLevel::Full,
                ID,
                "t"
            )
            .status,
            CheckStatus::Pass
        );
        assert_eq!(
            assess(&row("B", "Off", "active", "true"), AdminLevel::Off, ID, "t").status,
            CheckStatus::Pass
        );
    }

    #[test]
    fn employee_type_low_admin_and_lockout_fail_with_every_cause() {
        let r = assess(
            &row("employee user", "Off", "lockedout", "true"),
            AdminLevel::Limited,
            ID,
            "t",
        );
        assert_eq!(r.status, CheckStatus::Fail);
        let d = r.diagnosis.unwrap();
        assert!(
            d.cause.contains("employee user")
                && d.cause.contains("Limited")
                && d.cause.contains("lockedout"),
            "{}",
            d.cause
        );
        assert!(d.fix.contains("Business"));
    }

    #[test]
    fn regular_user_is_a_warning() {
        assert_eq!(
            assess(
                &row("business user", "Full", "active", "false"),
                AdminLevel::Off,
                ID,
                "t"
            )
            .status,
            CheckStatus::Warn
        );
    }
}
