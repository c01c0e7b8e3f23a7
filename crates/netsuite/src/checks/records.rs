//! `netsuite.records`: one `GET /record/v1/<type>?limit=5` per record the profile names.

use futures::future::join_all;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::facts::ProbeOutcome;
use super::probe::{LOCKED_BY_WORKFLOW, WORKFLOWS_WHERE};
use super::{fail, pass, paths, skip, warn, Ctx};

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let mut probes: Vec<(String, String, String)> = c
        .req
        .permissions
        .iter()
        .filter_map(|p| Some((p.probe.clone()?, p.name.clone(), p.group.clone())))
        .collect();
    let mut seen = std::collections::HashSet::new();
    probes.retain(|(t, _, _)| seen.insert(t.to_ascii_lowercase()));
    if probes.is_empty() {
        return skip("The profile names no records to probe.");
    }
    let outcomes = join_all(probes.iter().map(|(t, _, _)| c.facts.probe(t))).await;
    let mut denied = Vec::new();
    let mut failed = Vec::new();
    let mut locked = Vec::new();
    let mut evidence = Vec::new();
    for ((record, name, group), outcome) in probes.iter().zip(&outcomes) {
        let line = match outcome {
            ProbeOutcome::Readable { ids } => format!("readable ({} shown)", ids.len()),
            // E.g. SuiteQL without SuiteAnalytics Workbook: nothing about this record.
            ProbeOutcome::Denied { .. } if outcome.refused_for_other(name).is_some() => {
                failed.push(record.clone());
                format!(
                    "not checked: the probe needs '{}', which the role does not hold",
                    outcome.refused_for_other(name).unwrap_or_default()
                )
            }
            ProbeOutcome::Denied { permission, detail } => {
                denied.push((
                    name.clone(),
                    group.clone(),
                    permission.clone(),
                    outcome.feature_hint().is_some(),
                ));
                format!("refused: {detail}")
            }
            ProbeOutcome::UserError { .. } if outcome.locked_by_workflow() => {
                locked.push(record.clone());
                "locked by a workflow (not a permission problem)".to_string()
            }
            ProbeOutcome::UserError { detail } => {
                denied.push((name.clone(), group.clone(), None, false));
                format!("refused: {detail}")
            }
            ProbeOutcome::Failed { message } => {
                failed.push(record.clone());
                format!("not checked: {message}")
            }
        };
        evidence.push((record.clone(), line));
    }
    let result = if let Some((name, group, permission, feature)) = denied.first() {
        let names: Vec<String> = denied
            .iter()
            .map(|(n, _, p, _)| p.clone().unwrap_or_else(|| n.clone()))
            .collect();
        let (fix, where_) =
            if *feature {
                (
                    "Enable the feature the message names, then run again.".to_string(),
                    paths::ENABLE_FEATURES.to_string(),
                )
            } else {
                (
                    format!(
                    "Add {} to the role (e.g. {group} > {name}) at the level the profile asks for.",
                    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
                ),
                    paths::role_permission_tab(group),
                )
            };
        fail(
            format!(
                "NetSuite refused {} of {} record types: {}.",
                denied.len(),
                probes.len(),
                names.join(", ")
            ),
            Diagnosis::new(
                format!(
                    "The role cannot read these records (INSUFFICIENT_PERMISSION){}.",
                    permission
                        .as_ref()
                        .map(|p| format!("; NetSuite asks for '{p}'"))
                        .unwrap_or_default()
                ),
                fix,
                where_,
            ),
        )
    } else if !locked.is_empty() {
        warn(
            format!("{} record type(s) hold records locked by a workflow: {}.", locked.len(), locked.join(", ")),
            Diagnosis::new(LOCKED_BY_WORKFLOW, "Change the workflow (take the Lock Record action out of the state, or add a condition that leaves the integration role out), or let the connector skip locked records; no role change is needed.", WORKFLOWS_WHERE),
        )
    } else if !failed.is_empty() {
        warn(
            format!("{} record type(s) could not be checked: {}.", failed.len(), failed.join(", ")),
            Diagnosis::new(
                "NetSuite answered these probes with an error that says nothing about the record's own permission (each record's line says which).",
                "Check each line: the record may not exist in this account, or the probe needed something else the line names; then run again.",
                paths::ENABLE_FEATURES,
            ),
        )
    } else {
        pass(format!(
            "The role can read all {} record types the connector uses.",
            probes.len()
        ))
    };
    evidence
        .into_iter()
        .fold(result, |r, (k, v)| r.with_evidence(k, v))
}
