//! Rules a profile must meet before the wizard and the checks rely on it.

use std::collections::HashSet;

use super::{
    AuthMethod, ConnectorProfile, Erp, IntacctRequirements, NetSuiteRequirements, NsLevel,
};
use super::{ProfileIssue, PROFILE_SCHEMA_VERSION};

/// Rights as Sage Intacct names them on roles and in `getUserPermissions`.
pub const INTACCT_RIGHTS: &[&str] = &["List", "View", "Add", "Edit", "Delete"];

/// Every problem found, each with the field it concerns, so an import can be
/// fixed in one pass.
pub fn validate(profile: &ConnectorProfile) -> Result<(), Vec<ProfileIssue>> {
    let mut issues = Issues::default();
    if profile.schema_version != PROFILE_SCHEMA_VERSION {
        issues.add(
            "schema_version",
            format!(
                "format {} is not supported; this version of Onramp reads format {PROFILE_SCHEMA_VERSION}",
                profile.schema_version
            ),
        );
    }
    if !is_slug(&profile.id) {
        issues.add(
            "id",
            format!(
                "{:?} is not a valid id: use lower-case letters, digits and single hyphens, e.g. netsuite-my-connector",
                profile.id
            ),
        );
    }
    issues.non_empty("name", &profile.name);
    match (profile.erp, &profile.netsuite, &profile.intacct) {
        (Erp::Netsuite, Some(ns), None) => netsuite(ns, &mut issues),
        (Erp::Intacct, None, Some(ia)) => intacct(ia, &mut issues),
        (erp, ns, ia) => {
            let (wanted, other) = match erp {
                Erp::Netsuite => ("netsuite", "intacct"),
                Erp::Intacct => ("intacct", "netsuite"),
            };
            let wanted_missing = match erp {
                Erp::Netsuite => ns.is_none(),
                Erp::Intacct => ia.is_none(),
            };
            if wanted_missing {
                issues.add(
                    wanted,
                    format!("a profile for {wanted} needs a [{wanted}] section"),
                );
            } else {
                issues.add(
                    other,
                    format!("a profile for {wanted} cannot have a [{other}] section"),
                );
            }
        }
    }
    issues.finish()
}

fn netsuite(ns: &NetSuiteRequirements, issues: &mut Issues) {
    if ns.auth_methods.is_empty() {
        issues.add(
            "netsuite.auth_methods",
            "name at least one auth method".into(),
        );
    }
    scopes(ns, issues);
    if let Some(r) = &ns.installed_role {
        restlet_id(
            issues,
            "netsuite.installed_role.scriptid",
            &r.scriptid,
            "customrole",
        );
        if r.name.trim().is_empty() {
            issues.add(
                "netsuite.installed_role.name",
                "give the name the bundle installs the role with".into(),
            );
        }
    }
    if let Some(r) = &ns.restlet {
        restlet_id(issues, "netsuite.restlet.script", &r.script, "customscript");
        restlet_id(issues, "netsuite.restlet.deploy", &r.deploy, "customdeploy");
    }
    let mut seen = HashSet::new();
    for (i, f) in ns.features.iter().enumerate() {
        let at = format!("netsuite.features[{i}]");
        issues.non_empty(&format!("{at}.id"), &f.id);
        issues.non_empty(&format!("{at}.name"), &f.name);
        if !seen.insert(f.id.as_str()) {
            issues.add(
                &format!("{at}.id"),
                format!("feature {} is listed twice", f.id),
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, p) in ns.permissions.iter().enumerate() {
        let at = format!("netsuite.permissions[{i}]");
        if !is_netsuite_permission_id(&p.id) {
            issues.add(
                &format!("{at}.id"),
                format!(
                    "{:?} is not a NetSuite permission ID (upper case, digits and _, e.g. LIST_CURRENCY)",
                    p.id
                ),
            );
        }
        if !seen.insert(p.id.as_str()) {
            issues.add(
                &format!("{at}.id"),
                format!("permission {} is listed twice", p.id),
            );
        }
        issues.non_empty(&format!("{at}.name"), &p.name);
        issues.non_empty(&format!("{at}.group"), &p.group);
        if p.level == NsLevel::None {
            issues.add(
                &format!("{at}.level"),
                format!(
                    "{} is required at level none; remove it or give a level",
                    p.id
                ),
            );
        }
    }
}

/// A script or deployment as its URL names it: the internal id, or the ID
/// NetSuite builds from the prefix plus lower-case letters, digits and `_`.
fn restlet_id(issues: &mut Issues, at: &str, id: &str, prefix: &str) {
    let internal = !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit());
    let named = id.len() <= 60
        && id.strip_prefix(prefix).is_some_and(|rest| {
            rest.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        });
    if !internal && !named {
        issues.add(
            at,
            format!("{id:?} is not a {prefix} ID (e.g. {prefix}_my_connector) or an internal id"),
        );
    }
}

/// NetSuite grants `mcp` only on its own and only through the authorization
/// code grant with PKCE (help section_158081944642).
fn scopes(ns: &NetSuiteRequirements, issues: &mut Issues) {
    if !ns.scopes.iter().any(|s| s == "mcp") {
        return;
    }
    if ns.scopes.len() > 1 {
        issues.add(
            "netsuite.scopes",
            "NetSuite grants the mcp scope only on its own: remove the other scopes, or make a second profile for them".into(),
        );
    }
    if ns.auth_methods != [AuthMethod::Oauth2Code] {
        issues.add(
            "netsuite.auth_methods",
            "the mcp scope is granted only through OAuth 2.0 authorization code + PKCE: use auth_methods = [\"oauth2-code\"]".into(),
        );
    }
}

fn intacct(ia: &IntacctRequirements, issues: &mut Issues) {
    let mut seen = HashSet::new();
    for (i, o) in ia.objects.iter().enumerate() {
        let at = format!("intacct.objects[{i}]");
        issues.non_empty(&format!("{at}.object"), &o.object);
        issues.non_empty(&format!("{at}.name"), &o.name);
        issues.non_empty(&format!("{at}.application"), &o.application);
        issues.non_empty(&format!("{at}.policy"), &o.policy);
        if !seen.insert(o.object.as_str()) {
            issues.add(
                &format!("{at}.object"),
                format!("object {} is listed twice", o.object),
            );
        }
        if o.rights.is_empty() {
            issues.add(&format!("{at}.rights"), "name at least one right".into());
        }
        let mut rights = HashSet::new();
        for right in &o.rights {
            if !INTACCT_RIGHTS.contains(&right.as_str()) {
                issues.add(
                    &format!("{at}.rights"),
                    format!(
                        "{right:?} is not a Sage Intacct right; use {}",
                        INTACCT_RIGHTS.join(", ")
                    ),
                );
            } else if !rights.insert(right.as_str()) {
                issues.add(&format!("{at}.rights"), format!("{right} is listed twice"));
            }
        }
    }
}

pub(super) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `^[A-Z][A-Z0-9_]*$`
fn is_netsuite_permission_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

#[derive(Default)]
struct Issues(Vec<ProfileIssue>);

impl Issues {
    fn add(&mut self, field: &str, message: String) {
        self.0.push(ProfileIssue {
            field: field.to_owned(),
            message,
        });
    }

    fn non_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, "must not be empty".into());
        }
    }

    fn finish(self) -> Result<(), Vec<ProfileIssue>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
