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

    /// Refused because a workflow's Lock Record action locks the record, which
    /// says nothing about the role's permissions. NetSuite's text, as a public
    /// client's fixture records it (airbytehq/airbyte, source-netsuite unit
    /// tests): 400 USER_ERROR "Error while accessing a resource. This record
    /// has been locked by a user defined workflow." Oracle's help (Lock Record
    /// Action, section_N2743672) says loading a locked record through web
    /// services or SuiteScript throws an error.
    pub fn locked_by_workflow(&self) -> bool {
        matches!(self, Self::UserError { detail }
            if detail.to_ascii_lowercase().contains("locked by a user defined workflow"))
    }

    /// A feature (not a permission) is missing, as the 403 body says so.
    pub fn feature_hint(&self) -> Option<&str> {
        match self {
            Self::Denied { detail, .. } if detail.contains("Enable Features") => Some(detail),
            _ => None,
        }
    }
}

/// Cause and place for a record locked by a workflow.
pub const LOCKED_BY_WORKFLOW: &str = "NetSuite answered 'This record has been locked by a user defined workflow': a workflow's Lock Record action locks the record. This is not a missing role permission.";
pub const WORKFLOWS_WHERE: &str = "Customization > Workflow > Workflows > (the workflow on this record type) > (state) > Actions > Lock Record";

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
