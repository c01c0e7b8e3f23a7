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
    ("ADMI_LOGIN_OAUTH2", &[AuthMethod::Oauth2Code, AuthMethod::Oauth2M2m]),
];

/// Proven by a successful REST login with the method in use.
fn proven_by_login(id: &str, method: AuthMethod) -> bool {
    id == "ADMI_RESTWEBSERVICES" || applies_only_to(id).is_some_and(|m| m.contains(&method))
}

fn applies_only_to(id: &str) -> Option<&'static [AuthMethod]> {
    LOGIN_PERMISSIONS.iter().find(|(k, _)| *k == id).map(|(_, m)| *m)
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
        Ok(actual) => from_role(&wanted, actual, c.facts.role_id().await.unwrap_or_default()),
        Err(reason) => from_probes(&c, &wanted, reason).await,
    };
    verdict(diff)
}

fn from_role(wanted: &[NsPermission], actual: &BTreeMap<String, u8>, role: u64) -> PermissionDiff {
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
        if *level > 0 && !wanted.iter().any(|p| &p.id == key) {
            rows.push(PermissionDiffRow {
                id: key.clone(),
                name: key.clone(),
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
            ProbeOutcome::Readable { .. } => row(p, Some("View or more".into()), DiffStatus::Unknown),
            ProbeOutcome::Denied { permission, .. } => row(
                p,
                Some(permission.map_or("None".into(), |n| format!("None (NetSuite asks for '{n}')"))),
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
    let unknown = diff.rows.iter().filter(|r| r.status == DiffStatus::Unknown).count();
    let result = if let Some(first) = short.first() {
        let list = short
            .iter()
            .map(|r| format!("{} > {} at {}", r.group, r.name, r.required.as_deref().unwrap_or("?")))
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
    result.with_evidence("Source", diff.source.clone()).with_diff(diff)
}
