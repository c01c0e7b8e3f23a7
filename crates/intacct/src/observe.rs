//! What a run of the Intacct checks observed, as a setup profile's
//! `Observed::Intacct`: read from the facts the checks recorded (user record,
//! subscriptions, effective permissions) and the sign-in outcomes. Passwords
//! are never read here; only the sender, user, company and entity IDs.

use std::collections::BTreeMap;

use onramp_core::observed::{
    IntacctEntity, IntacctObserved, IntacctPolicy, IntacctSender, IntacctUser, Observed, SetupFacts,
};
use onramp_core::profile::{ConnectorProfile, Erp};
use onramp_core::{CheckResult, CheckStatus, DiffStatus};

use crate::checks::IntacctCtx;
use crate::client::IntacctCredentials;

/// Facts the checks recorded while they ran.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The USERINFO row of the Web Services user (USERTYPE, ADMIN, STATUS, LOGINDISABLED).
    pub user: Option<BTreeMap<String, String>>,
    /// Application codes from get_applications.
    pub subscriptions: Option<Vec<String>>,
    /// getUserPermissions, one line per policy.
    pub permissions: Option<Vec<IntacctPolicy>>,
    /// Sign-in with the configured entity, and at the top level.
    pub signin_ok: Option<bool>,
    pub top_signin_ok: Option<bool>,
}

/// Which company was checked, and how.
pub fn setup_facts(creds: &IntacctCredentials, profile: &ConnectorProfile) -> SetupFacts {
    SetupFacts {
        erp: Erp::Intacct,
        account_id: creds.company_id.trim().to_string(),
        environment: None,
        entity_id: creds.entity_id.clone(),
        connector_profile_id: Some(profile.id.clone()),
        auth_method: Some("intacct-web-services".into()),
        simulation: None,
    }
}

fn status_of(results: &[CheckResult], id: &str) -> Option<CheckStatus> {
    results.iter().find(|r| r.id == id).map(|r| r.status)
}

/// Builds the observed configuration after `results` were produced with `ctx`.
pub fn observe(ctx: &IntacctCtx, creds: &IntacctCredentials, results: &[CheckResult]) -> Observed {
    let seen = ctx.seen();
    let sender_ok = match status_of(results, "intacct.sender") {
        Some(CheckStatus::Pass) => Some(true),
        Some(CheckStatus::Fail) => Some(false),
        _ => None,
    };
    let row = seen.user.unwrap_or_default();
    let field = |k: &str| row.get(k).filter(|v| !v.is_empty()).cloned();
    let user = IntacctUser {
        id: Some(creds.user_id.trim().to_string()),
        user_type: field("USERTYPE"),
        admin: field("ADMIN"),
        status: field("STATUS"),
        login_disabled: field("LOGINDISABLED").map(|v| v.eq_ignore_ascii_case("true")),
        signin_accepted: match (seen.signin_ok, seen.top_signin_ok) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), _) => Some(false),
            _ => None,
        },
    };
    let permitted = match (&creds.entity_id, status_of(results, "intacct.entity")) {
        (None, _) => None,
        (Some(_), Some(CheckStatus::Pass)) => Some(true),
        (Some(_), Some(CheckStatus::Fail)) => Some(false),
        // Refused in the entity but accepted at the top level: the entity is denied.
        (Some(_), _) => match (seen.signin_ok, seen.top_signin_ok) {
            (Some(false), Some(true)) => Some(false),
            (Some(true), _) => Some(true),
            _ => None,
        },
    };
    Observed::Intacct(IntacctObserved {
        subscriptions: seen.subscriptions,
        sender: IntacctSender {
            id: Some(creds.sender_id.trim().to_string()),
            authorized: sender_ok,
            active: sender_ok.filter(|ok| *ok),
        },
        user,
        permissions: seen.permissions,
        objects_readable: objects_readable(results),
        entity: IntacctEntity {
            requested: creds.entity_id.clone(),
            permitted,
            top_level: seen.top_signin_ok.filter(|_| creds.entity_id.is_some()),
        },
    })
}

/// The object check's per-object rows: which queries were answered.
fn objects_readable(results: &[CheckResult]) -> Option<BTreeMap<String, bool>> {
    let diff = results
        .iter()
        .find(|r| r.id == "intacct.objects")?
        .diff
        .as_ref()?;
    Some(
        diff.rows
            .iter()
            .filter(|r| r.status != DiffStatus::Unknown)
            .map(|r| (r.id.clone(), r.status == DiffStatus::Ok))
            .collect(),
    )
}
