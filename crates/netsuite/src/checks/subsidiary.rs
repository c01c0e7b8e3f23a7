//! `netsuite.subsidiary`: a role restricted to some subsidiaries gets
//! INSUFFICIENT_PERMISSION although it holds the permission. The symptom is a
//! refusal where the permission is known to be present, or a record that is
//! listed but cannot be loaded (REST loads records in edit mode).

use futures::future::join_all;
use onramp_core::profile::NsPermission;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::facts::{probed_by_suiteql, ProbeOutcome};
use super::{fail, pass, paths, permissions, Ctx};

/// Records loaded per record type to look for the symptom.
const LOADS_PER_TYPE: usize = 2;

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let wanted: Vec<NsPermission> = permissions::relevant(&c)
        .into_iter()
        .filter(|p| p.probe.is_some())
        .collect();
    let c = &c;
    // The loads need only the listed IDs: they do not wait for the role's
    // permission list, which is read at the same time.
    let seen = join_all(wanted.iter().map(|p| async move {
        let record = p.probe.as_deref().unwrap_or_default();
        let listed = c.facts.probe(record).await;
        let refused = match &listed {
            // SuiteQL-probed types are beta records over REST: loading them proves nothing.
            ProbeOutcome::Readable { ids } if !probed_by_suiteql(record) => {
                let loads = join_all(
                    ids.iter()
                        .take(LOADS_PER_TYPE)
                        .map(|id| async move { (id.clone(), c.facts.load(record, id).await) }),
                )
                .await;
                loads.into_iter().find_map(|(id, o)| match o {
                    ProbeOutcome::Denied { .. } => Some(id),
                    _ => None,
                })
            }
            _ => None,
        };
        (listed, refused)
    }));
    let (role, seen) = futures::future::join(c.facts.role_permissions(), seen).await;
    let held = |p: &NsPermission| match role.as_ref() {
        Ok(read) => read.levels.get(&p.id).copied().unwrap_or(0) > 0,
        Err(_) => false,
    };
    let findings = wanted.iter().zip(seen).map(|(p, (listed, refused))| {
        let record = p.probe.as_deref().unwrap_or_default();
        match (listed, refused) {
            (ProbeOutcome::Denied { .. }, _) if held(p) => Some(format!(
                "{record}: refused although the role has {} > {}",
                p.group, p.name
            )),
            (_, Some(id)) => Some(format!("{record} {id}: listed but refused when loaded")),
            _ => None,
        }
    });
    let found: Vec<String> = findings.into_iter().flatten().collect();
    if found.is_empty() {
        return pass(
            "No sign of a subsidiary restriction: every record the role can list also loads.",
        );
    }
    fail(
        format!("NetSuite refused records the role has permission for: {}.", found.join("; ")),
        Diagnosis::new(
            "The role (or the employee) is restricted to certain subsidiaries; NetSuite then answers INSUFFICIENT_PERMISSION for records of other subsidiaries even though the permission is present.",
            "Edit the role and widen its subsidiary restriction (Accessible Subsidiaries: all the subsidiaries the connector works with), and check the employee's subsidiary.",
            format!("{} > (the integration role) > Edit > Subsidiary Restrictions", paths::MANAGE_ROLES),
        ),
    )
    .with_evidence("Records", found.join("; "))
}
