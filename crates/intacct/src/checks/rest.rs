//! The REST API (only for profiles that use it): a client-credentials token for
//! the Web Services user, then one list call per required object.

use std::sync::Arc;

use onramp_core::profile::IntacctRequirements;
use onramp_core::{CheckResult, Diagnosis, DiffStatus, PermissionDiff, PermissionDiffRow};

use super::permissions::ROLE_WHERE;
use super::IntacctCtx;
use crate::rest::{token_diagnosis, RestError};
use crate::rest_errors::api_error_diagnosis;

pub const ID: &str = "intacct.rest";

pub async fn check(
    ctx: Arc<IntacctCtx>,
    req: IntacctRequirements,
    id: &'static str,
    title: &'static str,
) -> CheckResult {
    let Some(rest) = &ctx.rest else {
        return CheckResult::skip(
            id,
            title,
            "Not run: no REST app client ID and secret were given.",
        );
    };
    let c = ctx.creds();
    let token = match rest
        .client_credentials(&c.user_id, &c.company_id, c.entity_id.as_deref())
        .await
    {
        Ok(t) => t,
        Err(e @ RestError::OAuth { .. }) => {
            let RestError::OAuth { error, .. } = &e else {
                unreachable!()
            };
            return CheckResult::fail(
                id,
                title,
                format!("No REST API token: {e}"),
                token_diagnosis(error),
            );
        }
        Err(e) => {
            return CheckResult::fail(
                id,
                title,
                format!("No REST API token: {e}"),
                Diagnosis::new(
                    e.to_string(),
                    "Check the network and the app registration, then try again.",
                    "Sage developer console > Apps",
                ),
            )
        }
    };
    let mut rows = Vec::new();
    let mut token_refused = None;
    for obj in &req.objects {
        let (status, actual) = match rest.probe(&token, &obj.object).await {
            Ok(n) => (DiffStatus::Ok, format!("readable ({n} records)")),
            Err(RestError::Api {
                status: 403, code, ..
            }) => (DiffStatus::Missing, code),
            Err(e) => {
                if let RestError::Api { code, error_id, .. } = &e {
                    token_refused =
                        token_refused.or(api_error_diagnosis(code, error_id.as_deref()));
                }
                (DiffStatus::Unknown, e.to_string())
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
    let denied: Vec<&str> = rows
        .iter()
        .filter(|r| r.status == DiffStatus::Missing)
        .map(|r| r.id.as_str())
        .collect();
    let unknown = rows
        .iter()
        .filter(|r| r.status == DiffStatus::Unknown)
        .count();
    let r = if let Some(d) = token_refused {
        CheckResult::fail(
            id,
            title,
            "Sage Intacct stopped accepting the REST token partway through.",
            d,
        )
    } else if !denied.is_empty() {
        CheckResult::fail(
            id,
            title,
            format!("The REST API refused to list: {}.", denied.join(", ")),
            Diagnosis::new(
                "The same role permissions govern the REST API as the XML gateway, and the role lacks them.",
                "Grant the listed permissions to the Web Services user's role.",
                ROLE_WHERE,
            ),
        )
    } else if unknown > 0 {
        CheckResult::warn(
            id,
            title,
            format!("{unknown} object(s) could not be probed through the REST API."),
            Diagnosis::new(
                "The REST API answered with errors that are not permission errors.",
                "Run the checks again; if it persists, send the report to support.",
                "Onramp report",
            ),
        )
    } else {
        CheckResult::pass(
            id,
            title,
            format!(
                "A REST API token was issued and all {} objects can be listed.",
                rows.len()
            ),
        )
    };
    r.with_diff(PermissionDiff {
        source: "REST API list call per object".into(),
        rows,
    })
}
