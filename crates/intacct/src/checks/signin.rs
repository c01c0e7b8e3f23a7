//! Sender, sign-in and entity: one `getAPISession` sign-in, read three ways.

use std::sync::Arc;

use onramp_core::{CheckResult, Diagnosis};

use super::{diagnose, not_checked, with_errors, IntacctCtx};
use crate::errors::{IntacctError, Layer};
use crate::session::Session;

pub const SENDER: &str = "intacct.sender";
pub const LOGIN: &str = "intacct.login";
pub const ENTITY: &str = "intacct.entity";

fn owner<'a>(ctx: &'a IntacctCtx, e: &IntacctError) -> Option<&'a str> {
    ctx.pattern(e).map(|p| p.check.as_str())
}

pub async fn sender(ctx: Arc<IntacctCtx>, id: &'static str, title: &'static str) -> CheckResult {
    let sender = ctx.creds().sender_id.clone();
    let e = match ctx.signin().await {
        Ok(s) => {
            return CheckResult::pass(
                id,
                title,
                format!(
                    "The gateway accepted Sender ID {sender} and company {} authorises it.",
                    ctx.creds().company_id
                ),
            )
            .with_evidence("Sender ID", sender)
            .with_evidence("Session endpoint", s.endpoint.to_string())
        }
        Err(e) => e,
    };
    let layer = e.layer_errors().map(|(l, _, _)| l);
    let result = match (owner(&ctx, e), layer) {
        (Some(SENDER), _) => {
            let refused = CheckResult::fail(id, title, format!("The gateway refused Sender ID {sender}: {e}"), diagnose(&ctx, e));
            match crate::senders::sender_spelling(&sender).warning() {
                Some(w) => refused.with_evidence("Sender ID spelling", w),
                None => refused,
            }
        }
        // Past the control layer the sender ID and password were accepted, and the
        // company's Web Services authorization is checked before the user.
        (Some(_), Some(Layer::Authentication)) => CheckResult::pass(
            id,
            title,
            format!("The gateway accepted Sender ID {sender}; the sign-in then stopped at the user (see the sign-in check)."),
        ),
        (None, Some(Layer::Authentication)) => CheckResult::warn(
            id,
            title,
            format!("The gateway accepted Sender ID {sender}, then refused the sign-in for a reason Onramp does not recognise: {e}"),
            Diagnosis::new(
                "The sender ID and password were accepted; whether this company authorises the sender could not be told from the error text.",
                "Check that the sender ID is listed and Active in the company's Web Services authorizations, then read the sign-in check.",
                crate::guidance::SENDER_AUTHORIZATIONS_WHERE,
            ),
        ),
        (Some(other), _) => CheckResult::warn(
            id,
            title,
            format!("The gateway refused the request before the sender could be checked on its own: {e}"),
            Diagnosis::new(
                "The gateway answered for the request as a whole, so the sender could not be confirmed separately.",
                format!("Fix what the {other} check reports, then run the checks again."),
                "See the related check",
            ),
        ),
        (None, _) => CheckResult::fail(id, title, format!("Could not complete a request to Sage Intacct: {e}"), diagnose(&ctx, e)),
    };
    with_errors(result, e)
}

fn session_evidence(r: CheckResult, ctx: &IntacctCtx, s: &Session) -> CheckResult {
    let location = if s.location_id.is_empty() {
        "top level".to_string()
    } else {
        s.location_id.clone()
    };
    let expires = s
        .expires_at
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| "not reported".into());
    r.with_evidence("User ID", ctx.creds().user_id.clone())
        .with_evidence("Company ID", ctx.creds().company_id.clone())
        .with_evidence("Session works in", location)
        .with_evidence("Session expires", expires)
        .with_evidence("Session endpoint", s.endpoint.to_string())
}

pub async fn login(ctx: Arc<IntacctCtx>, id: &'static str, title: &'static str) -> CheckResult {
    let user = ctx.creds().user_id.clone();
    let e = match ctx.signin().await {
        Ok(s) => {
            let r = CheckResult::pass(
                id,
                title,
                format!("User {user} signed in and got an API session."),
            );
            return session_evidence(r, &ctx, s);
        }
        Err(e) => e,
    };
    if let Some(r) = not_checked(&ctx, e, id, title) {
        return r;
    }
    if owner(&ctx, e) == Some(ENTITY) && ctx.creds().entity_id.is_some() {
        // The credentials were accepted; only the entity was refused. The top
        // level shows whether the user can work anywhere at all.
        if let Ok(s) = ctx.top_signin().await {
            let r = CheckResult::pass(id, title, format!("User {user} signs in at the top level; the chosen entity was refused (see the entity check)."));
            return session_evidence(r, &ctx, s);
        }
        let r = CheckResult::warn(
            id,
            title,
            format!("User {user}'s credentials were accepted, but the user may not work in the chosen entity (see the entity check)."),
            diagnose(&ctx, e),
        );
        return with_errors(r, e);
    }
    let r = CheckResult::fail(
        id,
        title,
        format!("User {user} could not sign in: {e}"),
        diagnose(&ctx, e),
    );
    with_errors(r, e)
}

pub async fn entity(ctx: Arc<IntacctCtx>, id: &'static str, title: &'static str) -> CheckResult {
    let Some(entity) = ctx.creds().entity_id.clone() else {
        return CheckResult::pass(
            id,
            title,
            "No entity was chosen: the connector works at the top level of the company.",
        );
    };
    match ctx.signin().await {
        Ok(s) => CheckResult::pass(id, title, format!("The user works in entity {entity}."))
            .with_evidence("Session location", s.location_id.clone()),
        Err(e) => {
            let r = CheckResult::fail(
                id,
                title,
                format!("The user may not work in entity {entity}: {e}"),
                diagnose(&ctx, e),
            );
            with_errors(r, e)
        }
    }
}
