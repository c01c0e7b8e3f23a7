//! One `query` (page size 1) per required object: Sage checks the permission
//! before reading rows, so this proves access where `inspect`/`lookup` prove nothing.

use std::sync::Arc;

use onramp_core::profile::IntacctRequirements;
use onramp_core::{CheckResult, Diagnosis, DiffStatus, PermissionDiff, PermissionDiffRow};

use super::permissions::{grant_list, ROLE_WHERE};
use super::{call_failed, needs_signin, IntacctCtx, Read};
use crate::errors::Layer;
use crate::xml::request::{Function, Query};

pub const ID: &str = "intacct.objects";

/// A one-row query of `object`: Sage checks the read permission first.
pub(super) fn probe(object: &str) -> Function {
    Function::Query(Query {
        object: object.to_string(),
        fields: vec!["RECORDNO".into()],
        filter: None,
        page_size: 1,
    })
}

pub async fn check(
    ctx: Arc<IntacctCtx>,
    req: IntacctRequirements,
    id: &'static str,
    title: &'static str,
) -> CheckResult {
    let Some(client) = ctx.working().await else {
        return needs_signin(id, title);
    };
    if req.objects.is_empty() {
        return CheckResult::pass(id, title, "The connector profile lists no objects to read.");
    }
    // Sent with the other reads after sign-in, one function per object: with
    // transaction=false each runs on its own.
    let mut results = Vec::with_capacity(req.objects.len());
    for n in 0..req.objects.len() {
        match ctx.read(client, &req, Read::Object(n)).await {
            Ok(r) => results.push(r),
            Err(e) => return call_failed(&ctx, e, id, title, "Could not probe the objects"),
        }
    }
    let mut rows = Vec::new();
    let mut unknown = Vec::new();
    let mut other = Vec::new();
    for (obj, res) in req.objects.iter().zip(results) {
        let (status, actual) = if res.is_success() {
            (DiffStatus::Ok, "readable".to_string())
        } else {
            let pattern = ctx
                .patterns
                .find(Layer::Function, 200, &res.errors)
                .map(|p| p.id.as_str());
            let text = res.error_text();
            match pattern {
                Some("object-permission") => (DiffStatus::Missing, "no permission".to_string()),
                Some("object-unknown") => {
                    unknown.push(obj.object.clone());
                    (DiffStatus::Missing, "object not available".to_string())
                }
                _ => {
                    other.push(format!("{}: {text}", obj.object));
                    (DiffStatus::Unknown, text)
                }
            }
        };
        rows.push(PermissionDiffRow {
            id: obj.object.clone(),
            name: obj.policy.clone(),
            group: obj.application.clone(),
            required: Some(obj.rights.join("|")),
            actual: Some(actual),
            status,
            proof: None,
        });
    }
    let diff = PermissionDiff {
        source: "one query per object (page size 1)".into(),
        rows,
    };
    let denied: Vec<String> = diff
        .rows
        .iter()
        .filter(|r| r.actual.as_deref() == Some("no permission"))
        .map(|r| r.id.clone())
        .collect();
    let r = if !denied.is_empty() {
        let only_denied = PermissionDiff {
            source: diff.source.clone(),
            rows: diff
                .rows
                .iter()
                .filter(|r| denied.contains(&r.id))
                .cloned()
                .collect(),
        };
        CheckResult::fail(
            id,
            title,
            format!("The user may not read {} of {} objects: {}.", denied.len(), req.objects.len(), denied.join(", ")),
            Diagnosis::new(
                format!("Sage Intacct refused to read {} (PL04000005). The role lacks: {}.", denied.join(", "), grant_list(&only_denied).join("; ")),
                "Grant these permissions with the listed rights to the role assigned to the Web Services user, and make sure the user type is Business.",
                ROLE_WHERE,
            ),
        )
    } else if !unknown.is_empty() {
        CheckResult::fail(
            id,
            title,
            format!("The company does not have: {}.", unknown.join(", ")),
            Diagnosis::new(
                format!(
                    "{} do not exist in this company: their application is not subscribed.",
                    unknown.join(", ")
                ),
                "Subscribe the applications these objects belong to.",
                "Company > Subscriptions",
            ),
        )
    } else if !other.is_empty() {
        CheckResult::warn(
            id,
            title,
            format!("Some objects could not be probed: {}", other.join("; ")),
            Diagnosis::new(
                "Sage Intacct answered with errors that are not permission errors.",
                "Run the checks again; if it persists, send the report to support.",
                "Onramp report",
            ),
        )
    } else {
        CheckResult::pass(
            id,
            title,
            format!(
                "The user can read all {} objects the connector uses.",
                req.objects.len()
            ),
        )
    };
    r.with_diff(diff)
}
