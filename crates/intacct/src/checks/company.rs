//! The company: not an expired demo, and subscribed to every application the
//! profile's objects belong to (get_applications).

use std::sync::Arc;

use onramp_core::profile::IntacctRequirements;
use onramp_core::{CheckResult, Diagnosis};

use super::{call_failed, diagnose, needs_signin, with_errors, IntacctCtx, Read};

pub const ID: &str = "intacct.company";

/// Application name (as permissions name it) → module code get_applications lists.
const MODULES: &[(&str, &str)] = &[
    ("Company", "CO"),
    ("Administration", "CO"),
    ("General Ledger", "GL"),
    ("Accounts Receivable", "AR"),
    ("Accounts Payable", "AP"),
    ("Cash Management", "CM"),
    ("Order Entry", "SO"),
    ("Purchasing", "PO"),
];

pub async fn check(
    ctx: Arc<IntacctCtx>,
    req: IntacctRequirements,
    id: &'static str,
    title: &'static str,
) -> CheckResult {
    if let Err(e) = ctx.signin().await {
        if ctx.pattern(e).is_some_and(|p| p.check == ID) {
            let r = CheckResult::fail(
                id,
                title,
                format!("Sage Intacct refused the company: {e}"),
                diagnose(&ctx, e),
            );
            return with_errors(r, e);
        }
    }
    let Some(client) = ctx.working().await else {
        return needs_signin(id, title);
    };
    let result = match ctx.read(client, &req, Read::Applications).await {
        Ok(r) => r,
        Err(e) => {
            return call_failed(
                &ctx,
                e,
                id,
                title,
                "Could not list the company's applications",
            )
        }
    };
    if !result.is_success() {
        let list = result.error_text();
        return CheckResult::warn(
            id,
            title,
            format!("The company's subscriptions could not be listed ({list}); the object checks still prove access."),
            Diagnosis::new("get_applications failed for this user.", "No change is needed if the object checks pass.", "Company > Subscriptions"),
        );
    }
    let subscribed: Vec<String> = result
        .data
        .as_ref()
        .map(|d| {
            d.node
                .children_named("application")
                .map(|a| a.text.trim().to_ascii_uppercase())
                .collect()
        })
        .unwrap_or_default();
    ctx.record(|s| s.subscriptions = Some(subscribed.clone()));
    let mut missing: Vec<&str> = Vec::new();
    for obj in &req.objects {
        let module = MODULES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&obj.application))
            .map(|(_, m)| *m);
        if let Some(m) = module {
            if !subscribed.iter().any(|s| s == m) && !missing.contains(&obj.application.as_str()) {
                missing.push(&obj.application);
            }
        }
    }
    let r = if missing.is_empty() {
        CheckResult::pass(
            id,
            title,
            "The company is active and subscribed to every application the connector uses.",
        )
    } else {
        CheckResult::fail(
            id,
            title,
            format!("The company is not subscribed to: {}.", missing.join(", ")),
            Diagnosis::new(
                format!("The connector reads data from {}, which this company does not subscribe to.", missing.join(", ")),
                "Subscribe the company to these applications, or use a connector profile without them.",
                "Company > Subscriptions",
            ),
        )
    };
    r.with_evidence("Subscribed applications", subscribed.join(", "))
}
