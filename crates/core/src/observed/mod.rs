//! The setup profile: the configuration of one NetSuite account or Intacct
//! company *as Onramp observed it* (features, the role's permissions, user and
//! integration flags, the errors seen). Support imports it to see a customer's
//! setup, compare it with another, or reproduce it in Practice mode. It is
//! built only from non-secret types: `Secret` is not `Serialize`, so no
//! credential can reach it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::check::{CheckResult, CheckStatus};
use crate::profile::{Erp, NsLevel};
use crate::state::Environment;

mod check;
mod diff;
pub(crate) mod parse;
#[cfg(test)]
mod tests;

pub use diff::{diff, Change, ChangeArea};
pub use parse::{parse_any, parse_run_record, parse_setup_profile, ProfileFileError};

/// The setup-profile format this build reads and writes.
pub const SETUP_PROFILE_SCHEMA_VERSION: u32 = 1;
/// The `kind` every setup-profile file carries, so other JSON is refused early.
pub const SETUP_PROFILE_KIND: &str = "onramp-setup-profile";

/// Which account/company was checked, and how (never a credential).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SetupFacts {
    pub erp: Erp,
    /// NetSuite realm (`1234567_SB1`) or Intacct company ID.
    pub account_id: String,
    /// NetSuite environment; Intacct companies leave it out.
    #[serde(default)]
    pub environment: Option<Environment>,
    /// Intacct entity (location ID) the user works in.
    #[serde(default)]
    pub entity_id: Option<String>,
    #[serde(default)]
    pub connector_profile_id: Option<String>,
    /// `tba`, `oauth2-code`, `oauth2-m2m`, or `intacct-web-services`.
    #[serde(default)]
    pub auth_method: Option<String>,
    /// Set when the account was Onramp's simulator (Practice mode): nothing
    /// produced from it may pass for a real account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub simulation: Option<Simulation>,
}

/// A run against the simulator: which scenario played the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Simulation {
    /// The practice scenario (`netsuite/happy`, `reproduced/<id>`…).
    pub scenario: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SetupProfile {
    pub schema_version: u32,
    pub kind: String,
    pub setup: SetupFacts,
    pub observed: Observed,
    #[serde(default)]
    pub errors_seen: Vec<ErrorSeen>,
    #[serde(default)]
    pub checks: Vec<CheckResult>,
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub app_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Observed {
    Netsuite(NsObserved),
    Intacct(IntacctObserved),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum FeatureState {
    On,
    Off,
    Unknown,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct NsObserved {
    /// Feature id (`REST_WEB_SERVICES`) → what NetSuite's answers showed.
    pub features: BTreeMap<String, FeatureState>,
    pub role: NsRole,
    pub user: NsUser,
    pub integration: NsIntegration,
    pub token: NsToken,
    /// Whether NetSuite accepted the login at all.
    pub login_accepted: Option<bool>,
    /// The Login Audit Trail's Detail for a refused login, as the user read it.
    pub audit_detail: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct NsRole {
    pub id: Option<u64>,
    pub name: Option<String>,
    /// How the permissions were learnt (SuiteQL or per-record probes).
    pub source: Option<String>,
    /// Permission key → level; only keys NetSuite showed.
    pub permissions: BTreeMap<String, NsLevel>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct NsUser {
    pub email: Option<String>,
    pub active: Option<bool>,
    pub give_access: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum IntegrationState {
    Enabled,
    Blocked,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct NsIntegration {
    pub name: Option<String>,
    pub state: Option<IntegrationState>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum TokenState {
    Active,
    Revoked,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct NsToken {
    pub state: Option<TokenState>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct IntacctObserved {
    /// Subscribed applications as `get_applications` lists them.
    pub subscriptions: Option<Vec<String>>,
    pub sender: IntacctSender,
    pub user: IntacctUser,
    /// Effective permissions as `getUserPermissions` reports them.
    pub permissions: Option<Vec<IntacctPolicy>>,
    /// Object (`ARINVOICE`) → whether a query could read it.
    pub objects_readable: Option<BTreeMap<String, bool>>,
    pub entity: IntacctEntity,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct IntacctSender {
    /// Sender IDs name the vendor's licence, they are not secret.
    pub id: Option<String>,
    pub authorized: Option<bool>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct IntacctUser {
    pub id: Option<String>,
    pub user_type: Option<String>,
    pub admin: Option<String>,
    pub status: Option<String>,
    pub login_disabled: Option<bool>,
    /// Whether the gateway accepted the user's sign-in.
    pub signin_accepted: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct IntacctPolicy {
    pub application: String,
    pub policy: String,
    pub rights: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default, deny_unknown_fields)]
pub struct IntacctEntity {
    pub requested: Option<String>,
    /// Whether the user could sign in to the requested entity.
    pub permitted: Option<bool>,
    /// Whether the user could sign in at the top level of the company.
    pub top_level: Option<bool>,
}

/// A check that did not pass, with the codes behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ErrorSeen {
    pub check_id: String,
    pub status: CheckStatus,
    pub summary: String,
    #[serde(default)]
    pub codes: Vec<String>,
}

/// Evidence labels whose values are error codes worth comparing.
const CODE_LABELS: &[&str] = &["Gateway error", "Login Audit Trail detail", "Error code"];

impl SetupProfile {
    /// A profile of what one run observed.
    pub fn new(setup: SetupFacts, observed: Observed, checks: Vec<CheckResult>) -> Self {
        let errors_seen = checks
            .iter()
            .filter(|c| matches!(c.status, CheckStatus::Fail | CheckStatus::Warn))
            .map(|c| ErrorSeen {
                check_id: c.id.clone(),
                status: c.status,
                summary: c.summary.clone(),
                codes: c
                    .evidence
                    .iter()
                    .filter(|e| CODE_LABELS.contains(&e.label.as_str()))
                    .map(|e| e.value.clone())
                    .collect(),
            })
            .collect();
        Self {
            schema_version: SETUP_PROFILE_SCHEMA_VERSION,
            kind: SETUP_PROFILE_KIND.into(),
            setup,
            observed,
            errors_seen,
            checks,
            generated_at: crate::clock::now_rfc3339(),
            app_version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    /// Ids of the checks that failed, sorted: what a reproduction must fail.
    pub fn failing_checks(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .map(|c| c.id.clone())
            .collect();
        ids.sort();
        ids
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a setup profile always serialises")
    }
}
