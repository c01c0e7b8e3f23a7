//! `netsuite.permissions`: the profile's permissions against the role's.
//! The role's list is read with SuiteQL (`rolepermissions`) when the sign-in
//! may: NetSuite puts roles behind Setup > Manage Roles, so a least-privilege
//! integration role usually cannot, and an administrator's sign-in may read it
//! instead. Otherwise each permission is proven by the requests that need it.
//! Every row says how it was learnt.

mod names;
mod probes;

use std::collections::BTreeMap;

use onramp_core::profile::{AuthMethod, NsLevel, NsPermission};
use onramp_core::runner::RunCtx;
use onramp_core::{
    CheckResult, Diagnosis, DiffStatus, PermissionDiff, PermissionDiffRow, Proof, ProofMethod,
};

use super::facts::{RolePermissions, RoleReader};
use super::{fail, pass, paths, warn, Ctx};
use names::{display_name, group_of};

/// Login permissions apply only to the method that uses them.
const LOGIN_PERMISSIONS: &[(&str, &[AuthMethod])] = &[
    ("ADMI_LOGIN_OAUTH", &[AuthMethod::Tba]),
    (
        "ADMI_LOGIN_OAUTH2",
        &[AuthMethod::Oauth2Code, AuthMethod::Oauth2M2m],
    ),
];

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
        Ok(read) => from_role(&wanted, &c.req.permissions, read),
        Err(reason) => {
            let login_ok = c.facts.login().await.is_ok();
            PermissionDiff {
                source: format!(
                    "what requests proved (the role's permission list could not be read: {reason})"
                ),
                rows: probes::rows(&c, &wanted, login_ok).await,
            }
        }
    };
    verdict(diff)
}

fn role_proof(read: &RolePermissions) -> Proof {
    let (method, who) = match read.reader {
        RoleReader::Integration => (ProofMethod::RoleList, "the integration's sign-in"),
        RoleReader::Administrator => (ProofMethod::AdminRoleList, "an administrator's sign-in"),
    };
    Proof::new(
        method,
        format!(
            "Read from role {}'s permission list (SuiteQL rolepermissions) with {who}.",
            read.role
        ),
    )
}

/// `wanted` is compared; anything the role holds outside `profile` is Extra.
fn from_role(
    wanted: &[NsPermission],
    profile: &[NsPermission],
    read: &RolePermissions,
) -> PermissionDiff {
    let proof = role_proof(read);
    let actual: &BTreeMap<String, u8> = &read.levels;
    let mut rows: Vec<PermissionDiffRow> = wanted
        .iter()
        .map(|p| {
            let level = actual.get(&p.id).copied().and_then(NsLevel::from_permlevel);
            let status = match level {
                None | Some(NsLevel::None) => DiffStatus::Missing,
                Some(l) if l < p.level => DiffStatus::Insufficient,
                Some(_) => DiffStatus::Ok,
            };
            row(
                p,
                level.map(|l| l.label().to_string()),
                status,
                proof.clone(),
            )
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
                proof: Some(proof.clone()),
            });
        }
    }
    let who = match read.reader {
        RoleReader::Integration => "the integration's sign-in",
        RoleReader::Administrator => "an administrator's sign-in",
    };
    PermissionDiff {
        source: format!(
            "SuiteQL rolepermissions (role {}), read with {who}",
            read.role
        ),
        rows,
    }
}

fn row(
    p: &NsPermission,
    actual: Option<String>,
    status: DiffStatus,
    proof: Proof,
) -> PermissionDiffRow {
    PermissionDiffRow {
        id: p.id.clone(),
        name: p.name.clone(),
        group: p.group.clone(),
        required: Some(p.level.label().to_string()),
        actual,
        status,
        proof: Some(proof),
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
            format!("Nothing the profile needs is missing as far as NetSuite's answers show, but {unknown} permission level(s) can only be confirmed by reading the role."),
            Diagnosis::new(
                "NetSuite puts roles behind Setup > Manage Roles, so a least-privilege integration role cannot read its own permission list, and a successful read only proves View.",
                "Let an administrator sign in once so Onramp can read the role's permission list (nothing is stored unless you ask), or compare the rows marked as not proven with the role by hand. The integration role itself does not need Manage Roles.",
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
        let read = RolePermissions {
            role: 1001,
            levels: actual,
            reader: RoleReader::Administrator,
        };
        let diff = from_role(&wanted, &profile, &read);
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
        assert!(diff.rows.iter().all(|r| r
            .proof
            .as_ref()
            .is_some_and(|p| p.method == ProofMethod::AdminRoleList)));
        assert!(diff.source.contains("administrator"), "{}", diff.source);
        let r = verdict(diff);
        assert_eq!(r.status, onramp_core::CheckStatus::Fail);
        assert!(
            r.summary.contains("Lists > LIST_CURRENCY at Full"),
            "{}",
            r.summary
        );
    }
}
