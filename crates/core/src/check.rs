//! The check model: every validation step yields a `CheckResult` with its
//! evidence and, when it does not pass, cause → fix → where.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
    Warn,
    Skip,
}

/// What went wrong, how to fix it, and where in the ERP's UI to do it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Diagnosis {
    pub cause: String,
    pub fix: String,
    /// Menu path in the ERP, e.g. "Setup > Users/Roles > Manage Roles".
    #[serde(rename = "where")]
    pub where_: String,
}

/// One observed fact behind a result (never a secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Evidence {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum DiffStatus {
    Ok,
    Missing,
    Insufficient,
    Extra,
    /// The role could not be inspected and no probe covers this permission.
    Unknown,
}

/// One line of the required-vs-actual permission table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PermissionDiffRow {
    /// ERP identifier: NetSuite permission key (`LIST_CURRENCY`) or Intacct object (`ARINVOICE`).
    pub id: String,
    pub name: String,
    /// Grouping shown in the UI: NetSuite permission tab, Intacct application.
    pub group: String,
    pub required: Option<String>,
    pub actual: Option<String>,
    pub status: DiffStatus,
    /// How the actual side of this row was learnt; absent in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<Proof>,
}

/// How a permission's level was learnt: a role's permission list is exact,
/// a probe proves only what the request needed (a read proves View).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProofMethod {
    /// Read from the role's permission list with the integration's own sign-in.
    RoleList,
    /// Read from the role's permission list with an administrator's sign-in.
    AdminRoleList,
    /// A request that needs the permission was answered (or refused for lack of it).
    Probe,
    /// Nothing this sign-in may do proves it; `detail` says what would.
    NotProvable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Proof {
    pub method: ProofMethod,
    /// What was done and what it proves, or what would prove the row.
    pub detail: String,
}

impl Proof {
    pub fn new(method: ProofMethod, detail: impl Into<String>) -> Self {
        Self {
            method,
            detail: detail.into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PermissionDiff {
    /// How the actual side was learnt, e.g. "SuiteQL rolepermissions" or "per-object probes".
    pub source: String,
    pub rows: Vec<PermissionDiffRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct CheckResult {
    /// Stable identifier, e.g. `netsuite.auth`, `intacct.sender`.
    pub id: String,
    pub title: String,
    pub status: CheckStatus,
    /// One plain-language sentence of what was found.
    pub summary: String,
    #[serde(flatten)]
    pub diagnosis: Option<Diagnosis>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<PermissionDiff>,
    #[serde(default)]
    pub duration_ms: u64,
}

impl CheckResult {
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        status: CheckStatus,
        summary: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            status,
            summary: summary.into(),
            diagnosis: None,
            evidence: Vec::new(),
            diff: None,
            duration_ms: 0,
        }
    }

    pub fn pass(
        id: impl Into<String>,
        title: impl Into<String>,
        summary: impl Into<String>,
    ) -> Self {
        Self::new(id, title, CheckStatus::Pass, summary)
    }

    pub fn skip(
        id: impl Into<String>,
        title: impl Into<String>,
        summary: impl Into<String>,
    ) -> Self {
        Self::new(id, title, CheckStatus::Skip, summary)
    }

    pub fn fail(
        id: impl Into<String>,
        title: impl Into<String>,
        summary: impl Into<String>,
        diagnosis: Diagnosis,
    ) -> Self {
        Self::new(id, title, CheckStatus::Fail, summary).with_diagnosis(diagnosis)
    }

    pub fn warn(
        id: impl Into<String>,
        title: impl Into<String>,
        summary: impl Into<String>,
        diagnosis: Diagnosis,
    ) -> Self {
        Self::new(id, title, CheckStatus::Warn, summary).with_diagnosis(diagnosis)
    }

    pub fn with_diagnosis(mut self, diagnosis: Diagnosis) -> Self {
        self.diagnosis = Some(diagnosis);
        self
    }

    pub fn with_evidence(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.evidence.push(Evidence {
            label: label.into(),
            value: value.into(),
        });
        self
    }

    pub fn with_diff(mut self, diff: PermissionDiff) -> Self {
        self.diff = Some(diff);
        self
    }
}

impl Diagnosis {
    pub fn new(
        cause: impl Into<String>,
        fix: impl Into<String>,
        where_: impl Into<String>,
    ) -> Self {
        Self {
            cause: cause.into(),
            fix: fix.into(),
            where_: where_.into(),
        }
    }
}
