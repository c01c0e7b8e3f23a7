//! Effective permissions (getUserPermissions) against the profile, as a diff
//! per application, policy and rights.

use std::sync::Arc;

use onramp_core::profile::{IntacctObject, IntacctRequirements};
use onramp_core::{CheckResult, Diagnosis, DiffStatus, PermissionDiff, PermissionDiffRow};

use super::{call_failed, needs_signin, IntacctCtx, Read};
use crate::xml::Node;

pub const ID: &str = "intacct.permissions";

/// One policy line as getUserPermissions reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Granted {
    pub application: String,
    pub policy: String,
    pub rights: Vec<String>,
}

/// Reads `<data><permissions><appSubscription>…`.
pub fn parse_permissions(data: &Node) -> Vec<Granted> {
    let mut out = Vec::new();
    let Some(perms) = data.child("permissions") else {
        return out;
    };
    for app in perms.children_named("appSubscription") {
        let application = app.child_text("applicationName").unwrap_or_default();
        for policy in app
            .child("policies")
            .into_iter()
            .flat_map(|p| p.children_named("policy"))
        {
            out.push(Granted {
                application: application.clone(),
                policy: policy.child_text("policyName").unwrap_or_default(),
                rights: policy
                    .child_text("rights")
                    .unwrap_or_default()
                    .split('|')
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty())
                    .collect(),
            });
        }
    }
    out
}

/// Required-vs-granted rows, one per profile object.
pub fn diff(required: &[IntacctObject], granted: &[Granted]) -> PermissionDiff {
    let rows = required
        .iter()
        .map(|obj| {
            let found = granted.iter().find(|g| {
                g.application.eq_ignore_ascii_case(&obj.application)
                    && g.policy.eq_ignore_ascii_case(&obj.policy)
            });
            let status = match found {
                None => DiffStatus::Missing,
                Some(g)
                    if obj
                        .rights
                        .iter()
                        .all(|r| g.rights.iter().any(|h| h.eq_ignore_ascii_case(r))) =>
                {
                    DiffStatus::Ok
                }
                Some(_) => DiffStatus::Insufficient,
            };
            PermissionDiffRow {
                id: obj.object.clone(),
                name: obj.policy.clone(),
                group: obj.application.clone(),
                required: Some(obj.rights.join("|")),
                actual: found.map(|g| g.rights.join("|")),
                status,
                proof: None,
            }
        })
        .collect();
    PermissionDiff {
        source: "getUserPermissions (effective permissions)".into(),
        rows,
    }
}

/// "Accounts Receivable > Invoices: List, View" for each row that is short.
pub fn grant_list(diff: &PermissionDiff) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for row in diff
        .rows
        .iter()
        .filter(|r| matches!(r.status, DiffStatus::Missing | DiffStatus::Insufficient))
    {
        let line = format!(
            "{} > {}: {}",
            row.group,
            row.name,
            row.required.as_deref().unwrap_or("").replace('|', ", ")
        );
        if !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

pub const ROLE_WHERE: &str = "Company > Admin > Roles > (the user's role) > Subscriptions > (application) > Permissions; in a user-based company: Company > Admin > Web Services users > (user) > Subscriptions";

pub async fn check(
    ctx: Arc<IntacctCtx>,
    req: IntacctRequirements,
    id: &'static str,
    title: &'static str,
) -> CheckResult {
    let Some(client) = ctx.working().await else {
        return needs_signin(id, title);
    };
    let result = match ctx.read(client, &req, Read::Permissions).await {
        Ok(r) => r,
        Err(e) => return call_failed(&ctx, e, id, title, "Could not read the user's permissions"),
    };
    if !result.is_success() {
        let list = result.error_text();
        return CheckResult::warn(
            id,
            title,
            format!("Onramp may not read this user's effective permissions ({list}); the object checks still prove access."),
            Diagnosis::new(
                "getUserPermissions needs Company > Users: View, which the user's roles do not grant.",
                "Optional: grant Company > Users View so Onramp can show the full permission diff.",
                "Company > Admin > Roles > (role) > Subscriptions > Company > Permissions",
            ),
        );
    }
    let granted = result
        .data
        .as_ref()
        .map(|d| parse_permissions(&d.node))
        .unwrap_or_default();
    ctx.record(|s| {
        s.permissions = Some(
            granted
                .iter()
                .map(|g| onramp_core::observed::IntacctPolicy {
                    application: g.application.clone(),
                    policy: g.policy.clone(),
                    rights: g.rights.clone(),
                })
                .collect(),
        )
    });
    let diff = diff(&req.objects, &granted);
    let short = grant_list(&diff);
    let r = if short.is_empty() {
        CheckResult::pass(
            id,
            title,
            "The user has every permission the connector profile lists.",
        )
    } else {
        CheckResult::fail(
            id,
            title,
            format!("{} permission(s) the connector needs are missing or lack rights.", short.len()),
            Diagnosis::new(
                format!("The user's roles do not grant: {}.", short.join("; ")),
                "Add these permissions (with the listed rights) to the role assigned to the Web Services user.",
                ROLE_WHERE,
            ),
        )
    };
    r.with_diff(diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The getUserPermissions sample from Sage's users page, as quoted in the team's notes.
    const SAMPLE: &str =
        "<data><permissions><appSubscription><applicationName>Administration</applicationName>
 <policies><policy><policyName>Application Subscriptions</policyName>
  <rights>List|View|Subscribe|Configure|Remove|Assign Users</rights></policy></policies>
</appSubscription></permissions></data>";

    fn obj(object: &str, app: &str, policy: &str, rights: &[&str]) -> IntacctObject {
        IntacctObject {
            object: object.into(),
            name: object.into(),
            application: app.into(),
            policy: policy.into(),
            rights: rights.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn parses_the_documented_sample() {
        let g = parse_permissions(&Node::parse(SAMPLE.as_bytes()).unwrap());
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].application, "Administration");
        assert_eq!(g[0].policy, "Application Subscriptions");
        assert_eq!(
            g[0].rights,
            [
                "List",
                "View",
                "Subscribe",
                "Configure",
                "Remove",
                "Assign Users"
            ]
        );
    }

    #[test]
    fn diff_marks_ok_insufficient_and_missing() {
        let g = parse_permissions(&Node::parse(SAMPLE.as_bytes()).unwrap());
        let required = [
            obj(
                "APPSUB",
                "Administration",
                "Application Subscriptions",
                &["list", "View"],
            ),
            obj(
                "X",
                "Administration",
                "Application Subscriptions",
                &["List", "Delete"],
            ),
            obj(
                "ARINVOICE",
                "Accounts Receivable",
                "Invoices",
                &["List", "View"],
            ),
        ];
        let d = diff(&required, &g);
        let statuses: Vec<DiffStatus> = d.rows.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [
                DiffStatus::Ok,
                DiffStatus::Insufficient,
                DiffStatus::Missing
            ]
        );
        assert_eq!(d.rows[2].actual, None);
        assert_eq!(
            grant_list(&d),
            [
                "Administration > Application Subscriptions: List, Delete",
                "Accounts Receivable > Invoices: List, View"
            ]
        );
    }
}
