//! What one probe showed, and which record types are probed through SuiteQL.

use crate::errors::NetSuiteError;

/// What `GET /record/v1/<type>?limit=…` (or loading one record) showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeOutcome {
    /// Readable; the IDs of the first few records.
    Readable { ids: Vec<String> },
    /// INSUFFICIENT_PERMISSION; `permission` as NetSuite named it, if it did.
    Denied {
        permission: Option<String>,
        detail: String,
    },
    /// 400 USER_ERROR: the role may not perform this at all.
    UserError { detail: String },
    /// Anything else (unknown record type, transport failure…).
    Failed { message: String },
}

impl ProbeOutcome {
    pub(super) fn from_result(r: Result<Vec<String>, NetSuiteError>) -> Self {
        match r {
            Ok(ids) => Self::Readable { ids },
            Err(NetSuiteError::InsufficientPermission { permission, detail }) => {
                Self::Denied { permission, detail }
            }
            Err(NetSuiteError::UserError { detail }) => Self::UserError { detail },
            Err(e) => Self::Failed {
                message: e.to_string(),
            },
        }
    }

    /// Refused for lack of a permission other than the one called `name`
    /// (NetSuite names it as "Lists -> Currency"): the refusal says nothing
    /// about `name`. Returns the permission NetSuite named.
    pub fn refused_for_other(&self, name: &str) -> Option<&str> {
        match self {
            Self::Denied {
                permission: Some(p),
                ..
            } if !names_permission(p, name) => Some(p),
            _ => None,
        }
    }

    /// A feature (not a permission) is missing, as the 403 body says so.
    pub fn feature_hint(&self) -> Option<&str> {
        match self {
            Self::Denied { detail, .. } if detail.contains("Enable Features") => Some(detail),
            _ => None,
        }
    }
}

/// Whether NetSuite's "Lists -> Currency" names the permission called `name`.
pub fn names_permission(permission: &str, name: &str) -> bool {
    permission
        .rsplit("->")
        .next()
        .is_some_and(|n| n.trim().eq_ignore_ascii_case(name.trim()))
}

/// Record types whose REST record is a beta record: NetSuite answers 403
/// INSUFFICIENT_PERMISSION "The account record is only available as a beta
/// record…" unless REST Record Service (Beta) is on, which connectors that read
/// accounts through SuiteQL never need. These are probed with SuiteQL instead.
const SUITEQL_PROBES: &[&str] = &["account"];

/// Whether `record_type` is probed with `SELECT id FROM <type>` rather than REST.
pub fn probed_by_suiteql(record_type: &str) -> bool {
    SUITEQL_PROBES
        .iter()
        .any(|t| t.eq_ignore_ascii_case(record_type))
}
