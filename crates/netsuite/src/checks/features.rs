//! `netsuite.features`: features cannot be listed through REST, but answers
//! reveal them: a REST login proves REST Web Services and the login method's
//! feature; a 403 that says "Enable … in Setup > Company > Enable Features"
//! names one that is off. Others are listed for the user to confirm.

use futures::future::join_all;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{fail, pass, paths, Ctx};
use crate::client::Credentials;

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let login_ok = c.facts.login().await.is_ok();
    let login_feature = match c.facts.client().credentials() {
        Credentials::Tba(_) => "TOKEN_BASED_AUTHENTICATION",
        Credentials::Bearer(_) => "OAUTH2",
    };
    let probes = c.req.permissions.iter().filter_map(|p| p.probe.as_deref());
    let outcomes = join_all(probes.map(|t| c.facts.probe(t))).await;
    let seen_off: Vec<String> = outcomes
        .iter()
        .filter_map(|o| o.feature_hint().map(str::to_owned))
        .collect();
    let mut on = Vec::new();
    let mut unconfirmed = Vec::new();
    for f in &c.req.features {
        if login_ok && (f.id == "REST_WEB_SERVICES" || f.id == login_feature) {
            on.push(f.name.clone());
        } else {
            unconfirmed.push(f.name.clone());
        }
    }
    let result = if let Some(first) = seen_off.first() {
        fail(
            format!("A feature the connector needs is off: {first}"),
            Diagnosis::new(
                first.clone(),
                "Enable the feature NetSuite names, save, and run again.",
                paths::ENABLE_FEATURES,
            ),
        )
    } else {
        pass(format!(
            "Enabled (seen in NetSuite's answers): {}.",
            if on.is_empty() {
                "none checked".into()
            } else {
                on.join(", ")
            }
        ))
    };
    if unconfirmed.is_empty() {
        result
    } else {
        result.with_evidence(
            "Not visible through REST; confirm at Setup > Company > Enable Features > SuiteCloud",
            unconfirmed.join(", "),
        )
    }
}
