//! `netsuite.permissions`: the profile's permissions against the role's. The
//! role is read with SuiteQL (`rolepermissions`) when it may be; otherwise each
//! permission with a probe record is tried, which proves read access only.

use std::collections::BTreeMap;

use futures::future::join_all;
use onramp_core::profile::{AuthMethod, NsLevel, NsPermission};
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis, DiffStatus, PermissionDiff, PermissionDiffRow};

use super::facts::ProbeOutcome;
use super::{fail, pass, paths, warn, Ctx};

/// Login permissions apply only to the method that uses them.
const LOGIN_PERMISSIONS: &[(&str, &[AuthMethod])] = &[
    ("ADMI_LOGIN_OAUTH", &[AuthMethod::Tba]),
    (
        "ADMI_LOGIN_OAUTH2",
        &[AuthMethod::Oauth2Code, AuthMethod::Oauth2M2m],
    ),
];

/// Proven by a successful REST login with the method in use.
fn proven_by_login(id: &str, method: AuthMethod) -> bool {
    id == "ADMI_RESTWEBSERVICES" || applies_only_to(id).is_some_and(|m| m.contains(&method))
}

fn applies_only_to(id: &str) -> Option<&'static [AuthMethod]> {
    LOGIN_PERMISSIONS
        .iter()
        .find(|(k, _)| *k == id)
        .map(|(_, m)| *m)
}

/// The profile's permissions that matter for the method in use.
pub fn relevant(c: &Ctx) -> Vec<NsPermission> {
    let method = c.ctx.auth_method();
    c.req
        .permissions
        .iter()
        .filter(|p| applies_only_to(&p.id).is_none_or(|m| m.contains(&method)))
        .cloned()
        .collect()
}

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let wanted = relevant(&c);
    let role = c.facts.role_permissions().await;
    let diff = match role.as_ref() {
        Ok(actual) => {
            let role_id = c.facts.role_id().await.unwrap_or_default();
            from_role(&wanted, &c.req.permissions, actual, role_id)
        }
        Err(reason) => from_probes(&c, &wanted, reason).await,
    };
    verdict(diff)
}

/// `wanted` is compared; anything the role holds outside `profile` is Extra.
fn from_role(
    wanted: &[NsPermission],
    profile: &[NsPermission],
    actual: &BTreeMap<String, u8>,
    role: u64,
) -> PermissionDiff {
    let mut rows: Vec<PermissionDiffRow> = wanted
        .iter()
        .map(|p| {
            let level = actual.get(&p.id).copied().and_then(NsLevel::from_permlevel);
            let status = match level {
                None | Some(NsLevel::None) => DiffStatus::Missing,
                Some(l) if l < p.level => DiffStatus::Insufficient,
                Some(_) => DiffStatus::Ok,
            };
            row(p, level.map(|l| l.label().to_string()), status)
        })
        .collect();
    for (key, level) in actual {
        if *level > 0 && !profile.iter().any(|p| &p.id == key) {
            rows.push(PermissionDiffRow {
                id: key.clone(),
                name: display_name(key).unwrap_or(key).to_string(),
                group: group_of(key).into(),
                required: None,
                actual: NsLevel::from_permlevel(*level).map(|l| l.label().to_string()),
                status: DiffStatus::Extra,
            });
        }
    }
    PermissionDiff {
        source: format!("SuiteQL rolepermissions (role {role})"),
        rows,
    }
}

async fn from_probes(c: &Ctx, wanted: &[NsPermission], reason: &str) -> PermissionDiff {
    let method = c.ctx.auth_method();
    let rows = join_all(wanted.iter().map(|p| async move {
        if proven_by_login(&p.id, method) {
            return row(p, Some("in use (the login worked)".into()), DiffStatus::Ok);
        }
        let Some(probe) = &p.probe else {
            return row(p, None, DiffStatus::Unknown);
        };
        match c.facts.probe(probe).await {
            ProbeOutcome::Readable { .. } if p.level <= NsLevel::View => {
                row(p, Some("View or more".into()), DiffStatus::Ok)
            }
            // Reading proves View; higher levels would need a write, which checks never do.
            ProbeOutcome::Readable { .. } => {
                row(p, Some("View or more".into()), DiffStatus::Unknown)
            }
            ProbeOutcome::Denied { permission, .. } => row(
                p,
                Some(
                    permission.map_or("None".into(), |n| format!("None (NetSuite asks for '{n}')")),
                ),
                DiffStatus::Missing,
            ),
            ProbeOutcome::UserError { .. } => row(p, Some("None".into()), DiffStatus::Missing),
            ProbeOutcome::Failed { .. } => row(p, None, DiffStatus::Unknown),
        }
    }))
    .await;
    PermissionDiff {
        source: format!("per-record probes (the role could not be read: {reason})"),
        rows,
    }
}

fn row(p: &NsPermission, actual: Option<String>, status: DiffStatus) -> PermissionDiffRow {
    PermissionDiffRow {
        id: p.id.clone(),
        name: p.name.clone(),
        group: p.group.clone(),
        required: Some(p.level.label().to_string()),
        actual,
        status,
    }
}

/// Names from Oracle's permission table for permissions a profile may not list.
const KNOWN_NAMES: &[(&str, &str)] = &[
    ("ADMI_RESTWEBSERVICES", "REST Web Services"),
    ("ADMI_WEBSERVICES", "SOAP Web Services"),
    ("ADMI_LOGIN_OAUTH", "Log in using Access Tokens"),
    ("ADMI_LOGIN_OAUTH2", "Log in using OAuth 2.0 Access Tokens"),
    ("ADMI_MANAGE_OAUTH_TOKENS", "Access Token Management"),
    ("ADMI_MANAGE_OWN_OAUTH_TOKENS", "User Access Tokens"),
    (
        "ADMI_MANAGE_OAUTH2",
        "OAuth 2.0 Authorized Applications Management",
    ),
    ("ADMI_INTEGRAPP", "Integration Application"),
    ("REPO_ANALYTICS", "SuiteAnalytics Workbook"),
    ("LIST_FIND", "Perform Search"),
    ("LIST_CUSTJOB", "Customers"),
    ("LIST_ITEM", "Items"),
    ("LIST_ACCOUNT", "Accounts"),
    ("LIST_CURRENCY", "Currency"),
    ("LIST_SUBSIDIARY", "Subsidiaries"),
    ("LIST_DEPARTMENT", "Departments"),
    ("LIST_CLASS", "Classes"),
    ("LIST_LOCATION", "Locations"),
    ("TRAN_CUSTINVC", "Invoice"),
    ("TRAN_SALESORD", "Sales Order"),
    ("TRAN_CUSTCRED", "Credit Memo"),
    ("TRAN_CUSTPYMT", "Customer Payment"),
    ("TRAN_CUSTRFND", "Customer Refund"),
];

fn display_name(key: &str) -> Option<&'static str> {
    KNOWN_NAMES.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
}

fn group_of(key: &str) -> &'static str {
    match key.split('_').next().unwrap_or_default() {
        "LIST" => "Lists",
        "TRAN" => "Transactions",
        "REPO" => "Reports",
        "ADMI" => "Setup",
        _ => "Other",
    }
}

fn verdict(diff: PermissionDiff) -> CheckResult {
    let short: Vec<&PermissionDiffRow> = diff
        .rows
        .iter()
        .filter(|r| matches!(r.status, DiffStatus::Missing | DiffStatus::Insufficient))
        .collect();
    let unknown = diff
        .rows
        .iter()
        .filter(|r| r.status == DiffStatus::Unknown)
        .count();
    let result = if let Some(first) = short.first() {
        let list = short
            .iter()
            .map(|r| {
                format!(
                    "{} > {} at {}",
                    r.group,
                    r.name,
                    r.required.as_deref().unwrap_or("?")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        fail(
            format!("The role lacks {} of the permissions the profile needs: {list}.", short.len()),
            Diagnosis::new(
                format!("The role misses or has too low a level for: {list}. NetSuite answers such requests with INSUFFICIENT_PERMISSION."),
                format!("Edit the role and add each permission at the level shown (e.g. {} > {} at {}), then save.", first.group, first.name, first.required.as_deref().unwrap_or("?")),
                paths::role_permission_tab(&first.group),
            ),
        )
    } else if unknown > 0 {
        warn(
            format!("{unknown} permission(s) could not be confirmed without reading the role."),
            Diagnosis::new(
                "The role's permission list could not be read through SuiteQL, and reading a record only proves View.",
                "Enter the role's internal ID (or give the role the right to read roles), or compare the rows marked unknown by hand.",
                paths::MANAGE_ROLES,
            ),
        )
    } else {
        pass("The role has every permission the profile needs.")
    };
    result
        .with_evidence("Source", diff.source.clone())
        .with_diff(diff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perm(id: &str, level: NsLevel) -> NsPermission {
        NsPermission {
            id: id.into(),
            name: id.into(),
            group: "Lists".into(),
            level,
            probe: None,
        }
    }

    #[test]
    fn diff_rows_from_rolepermissions() {
        let wanted = vec![
            perm("LIST_CURRENCY", NsLevel::Full),
            perm("LIST_ITEM", NsLevel::View),
            perm("LIST_CLASS", NsLevel::Edit),
        ];
        let mut profile = wanted.clone();
        profile.push(perm("ADMI_LOGIN_OAUTH2", NsLevel::Full));
        let actual: BTreeMap<String, u8> = [
            ("LIST_CURRENCY", 1),
            ("LIST_ITEM", 4),
            ("LIST_FIND", 4),
            ("ADMI_LOGIN_OAUTH2", 4),
            ("LIST_EMPLOYEE", 0),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let diff = from_role(&wanted, &profile, &actual, 1001);
        let status = |id: &str| diff.rows.iter().find(|r| r.id == id).map(|r| r.status);
        assert_eq!(status("LIST_CURRENCY"), Some(DiffStatus::Insufficient));
        assert_eq!(status("LIST_ITEM"), Some(DiffStatus::Ok));
        assert_eq!(status("LIST_CLASS"), Some(DiffStatus::Missing));
        assert_eq!(status("LIST_FIND"), Some(DiffStatus::Extra));
        // In the profile (for another sign-in method) or at level None: not extra.
        assert_eq!(status("ADMI_LOGIN_OAUTH2"), None);
        assert_eq!(status("LIST_EMPLOYEE"), None);
        let extra = diff.rows.iter().find(|r| r.id == "LIST_FIND").unwrap();
        assert_eq!(
            (extra.name.as_str(), extra.group.as_str()),
            ("Perform Search", "Lists")
        );
        let r = verdict(diff);
        assert_eq!(r.status, onramp_core::CheckStatus::Fail);
        assert!(
            r.summary.contains("Lists > LIST_CURRENCY at Full"),
            "{}",
            r.summary
        );
    }
}
