//! Proving permissions without the role's permission list: each request the
//! checks make proves only what NetSuite needed to answer it. A successful
//! read proves View, never Create, Edit or Full; a login proves the login
//! permissions (which have no level but Full); a SuiteQL query proves
//! SuiteAnalytics Workbook is held.

use futures::future::join_all;
use onramp_core::profile::{AuthMethod, NsLevel, NsPermission};
use onramp_core::{DiffStatus, PermissionDiffRow, Proof, ProofMethod};

use super::{applies_only_to, row};
use crate::checks::facts::{names_permission, probed_by_suiteql, ProbeOutcome};
use crate::checks::{paths, Ctx};

const REST_WEB_SERVICES: &str = "ADMI_RESTWEBSERVICES";
const SUITEANALYTICS_WORKBOOK: &str = "REPO_ANALYTICS";

/// What would prove a row this sign-in cannot.
fn read_the_role(p: &NsPermission) -> String {
    format!(
        "Only the role's permission list shows {} > {} at {}: let an administrator sign in once so Onramp can read it, or compare by hand at {}.",
        p.group,
        p.name,
        p.level.label(),
        paths::role_permission_tab(&p.group)
    )
}

fn not_provable(p: &NsPermission, why: &str) -> PermissionDiffRow {
    row(
        p,
        None,
        DiffStatus::Unknown,
        Proof::new(
            ProofMethod::NotProvable,
            format!("{why} {}", read_the_role(p)),
        ),
    )
}

/// A probe proved View: enough for View, not for more.
fn proves_view(p: &NsPermission, what: String) -> PermissionDiffRow {
    if p.level <= NsLevel::View {
        return row(
            p,
            Some("View or more".into()),
            DiffStatus::Ok,
            Proof::new(ProofMethod::Probe, format!("{what}: proves View.")),
        );
    }
    row(
        p,
        Some("View or more".into()),
        DiffStatus::Unknown,
        Proof::new(
            ProofMethod::Probe,
            format!(
                "{what}: proves View, not {}. {}",
                p.level.label(),
                read_the_role(p)
            ),
        ),
    )
}

fn refused(
    p: &NsPermission,
    what: &str,
    permission: Option<&str>,
    detail: &str,
) -> PermissionDiffRow {
    match permission {
        Some(other) if !names_permission(other, &p.name) => not_provable(
            p,
            &format!("{what} was refused for lack of '{other}', which says nothing about this permission."),
        ),
        _ => row(
            p,
            Some("None".into()),
            DiffStatus::Missing,
            Proof::new(
                ProofMethod::Probe,
                format!("{what} was refused for lack of this permission: {detail}"),
            ),
        ),
    }
}

fn probe_what(record: &str) -> String {
    if probed_by_suiteql(record) {
        format!("SuiteQL SELECT id FROM {record}")
    } else {
        format!("GET /record/v1/{record}")
    }
}

fn from_record_probe(p: &NsPermission, record: &str, outcome: &ProbeOutcome) -> PermissionDiffRow {
    let what = probe_what(record);
    match outcome {
        ProbeOutcome::Readable { ids } if ids.is_empty() => row(
            p,
            None,
            DiffStatus::Unknown,
            Proof::new(
                ProofMethod::Probe,
                format!(
                    "{what} returned no records, which proves nothing: the answer is the same when there is nothing to read as when the role sees none of it. {}",
                    read_the_role(p)
                ),
            ),
        ),
        ProbeOutcome::Readable { .. } => proves_view(p, format!("{what} succeeded")),
        ProbeOutcome::Denied { .. } if outcome.feature_hint().is_some() => {
            not_provable(p, &format!("{what} needs a feature that is off."))
        }
        ProbeOutcome::Denied { permission, detail } => {
            refused(p, &what, permission.as_deref(), detail)
        }
        ProbeOutcome::UserError { .. } if outcome.locked_by_workflow() => not_provable(
            p,
            &format!("{what} found a record locked by a workflow, which proves nothing about this permission."),
        ),
        ProbeOutcome::UserError { detail } => refused(p, &what, None, detail),
        ProbeOutcome::Failed { message } => {
            not_provable(p, &format!("{what} could not be checked ({message})."))
        }
    }
}

/// Rows for `wanted` from what requests proved; `login_ok` is the REST login.
pub async fn rows(c: &Ctx, wanted: &[NsPermission], login_ok: bool) -> Vec<PermissionDiffRow> {
    let method = c.ctx.auth_method();
    let probed = join_all(wanted.iter().map(|p| async move {
        match &p.probe {
            Some(record) => Some((record.clone(), c.facts.probe(record).await)),
            None => None,
        }
    }))
    .await;
    // Any SuiteQL probe that NetSuite answered shows whether SuiteQL may run.
    let suiteql: Vec<&ProbeOutcome> = probed
        .iter()
        .flatten()
        .filter(|(record, _)| probed_by_suiteql(record))
        .map(|(_, o)| o)
        .collect();
    wanted
        .iter()
        .zip(&probed)
        .map(|(p, probe)| {
            if p.id == REST_WEB_SERVICES
                || applies_only_to(&p.id).is_some_and(|m| m.contains(&method))
            {
                return login_row(p, method, login_ok);
            }
            if p.id == SUITEANALYTICS_WORKBOOK {
                return workbook_row(p, &suiteql);
            }
            match probe {
                Some((record, outcome)) => from_record_probe(p, record, outcome),
                None => not_provable(p, "No request Onramp makes needs this permission alone."),
            }
        })
        .collect()
}

/// Signing in over REST needs the login permission of the method and REST
/// Web Services; both have no level but Full (Oracle's permission table).
fn login_row(p: &NsPermission, method: AuthMethod, login_ok: bool) -> PermissionDiffRow {
    if !login_ok {
        return not_provable(p, "The REST login did not succeed, so it proves nothing.");
    }
    let how = match method {
        AuthMethod::Tba => "token-based authentication",
        AuthMethod::Oauth2Code | AuthMethod::Oauth2M2m => "an OAuth 2.0 access token",
    };
    row(
        p,
        Some("Full".into()),
        DiffStatus::Ok,
        Proof::new(
            ProofMethod::Probe,
            format!("The REST login with {how} succeeded, which needs this permission; its only level is Full."),
        ),
    )
}

fn workbook_row(p: &NsPermission, suiteql: &[&ProbeOutcome]) -> PermissionDiffRow {
    if suiteql
        .iter()
        .any(|o| matches!(o, ProbeOutcome::Readable { .. }))
    {
        return proves_view(p, "A SuiteQL query ran, which needs this permission".into());
    }
    let refusal = suiteql.iter().find_map(|o| match o {
        ProbeOutcome::Denied {
            permission: Some(n),
            detail,
        } if names_permission(n, &p.name) => Some(detail.clone()),
        _ => None,
    });
    match refusal {
        Some(detail) => refused(p, "A SuiteQL query", None, &detail),
        None => not_provable(p, "No SuiteQL query this run made was answered."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perm(name: &str, level: NsLevel) -> NsPermission {
        NsPermission {
            id: "LIST_CURRENCY".into(),
            name: name.into(),
            group: "Lists".into(),
            level,
            probe: Some("currency".into()),
        }
    }

    #[test]
    fn a_read_proves_view_and_nothing_more() {
        let readable = ProbeOutcome::Readable {
            ids: vec!["1".into()],
        };
        let view = from_record_probe(&perm("Currency", NsLevel::View), "currency", &readable);
        assert_eq!(view.status, DiffStatus::Ok);
        assert_eq!(view.proof.as_ref().unwrap().method, ProofMethod::Probe);
        let full = from_record_probe(&perm("Currency", NsLevel::Full), "currency", &readable);
        assert_eq!(full.status, DiffStatus::Unknown);
        let detail = &full.proof.as_ref().unwrap().detail;
        assert!(detail.contains("proves View, not Full"), "{detail}");
        assert!(detail.contains("administrator sign in"), "{detail}");
    }

    #[test]
    fn a_record_locked_by_a_workflow_is_not_a_missing_permission() {
        // The answer as airbytehq/airbyte's source-netsuite unit tests record it.
        let locked = ProbeOutcome::UserError {
            detail: "Error while accessing a resource. This record has been locked by a user defined workflow.".into(),
        };
        assert!(locked.locked_by_workflow());
        let r = from_record_probe(&perm("Currency", NsLevel::View), "currency", &locked);
        assert_eq!(r.status, DiffStatus::Unknown);
        assert!(r.proof.unwrap().detail.contains("locked by a workflow"));
        let other = ProbeOutcome::UserError {
            detail: "Invalid search".into(),
        };
        assert!(!other.locked_by_workflow());
        let r = from_record_probe(&perm("Currency", NsLevel::View), "currency", &other);
        assert_eq!(r.status, DiffStatus::Missing);
    }

    #[test]
    fn a_read_with_no_records_is_not_proven() {
        let empty = ProbeOutcome::Readable { ids: Vec::new() };
        let r = from_record_probe(&perm("Currency", NsLevel::View), "currency", &empty);
        assert_eq!(r.status, DiffStatus::Unknown);
        assert_eq!(r.actual, None);
        let detail = &r.proof.as_ref().unwrap().detail;
        assert!(
            detail.contains("returned no records, which proves nothing"),
            "{detail}"
        );
    }

    #[test]
    fn a_refusal_counts_only_for_the_permission_it_names() {
        // NetSuite's wording (GH:NetSweet/netsuite#249): "You need the 'Lists -> Currency' permission".
        let currency = ProbeOutcome::Denied {
            permission: Some("Lists -> Currency".into()),
            detail: "Permission Violation: You need the 'Lists -> Currency' permission to access this page. Please contact your account administrator.".into(),
        };
        let p = perm("Currency", NsLevel::View);
        assert_eq!(
            from_record_probe(&p, "currency", &currency).status,
            DiffStatus::Missing
        );
        let workbook = ProbeOutcome::Denied {
            permission: Some("Reports -> SuiteAnalytics Workbook".into()),
            detail: "Permission Violation".into(),
        };
        let accounts = perm("Accounts", NsLevel::View);
        let r = from_record_probe(&accounts, "account", &workbook);
        assert_eq!(r.status, DiffStatus::Unknown);
        assert_eq!(r.proof.unwrap().method, ProofMethod::NotProvable);
        assert!(probe_what("account").starts_with("SuiteQL"));
    }
}
