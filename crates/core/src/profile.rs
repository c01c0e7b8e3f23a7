//! Connector profiles: what a connector needs from the ERP (features, permissions
//! with levels, or Intacct objects and operations, and the auth method). Profiles
//! are data files (`profiles/*.toml`); the built-in ones are embedded read-only.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Erp {
    Netsuite,
    Intacct,
}

/// NetSuite authentication methods, in the order the wizard recommends them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMethod {
    /// OAuth 2.0 authorization code + PKCE: the default for new integrations.
    Oauth2Code,
    /// OAuth 2.0 client credentials (machine to machine) with a certificate.
    Oauth2M2m,
    /// Token-Based Authentication (OAuth 1.0a): existing integrations only.
    Tba,
}

impl AuthMethod {
    /// The name the wizard shows.
    pub fn label(self) -> &'static str {
        match self {
            Self::Oauth2Code => "OAuth 2.0 — authorization code",
            Self::Oauth2M2m => "OAuth 2.0 — client credentials (M2M)",
            Self::Tba => "Token-Based Authentication (TBA)",
        }
    }
}

/// NetSuite permission levels; `rolepermissions.permlevel` is the numeric form.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "lowercase")]
pub enum NsLevel {
    None,
    View,
    Create,
    Edit,
    Full,
}

impl NsLevel {
    pub fn from_permlevel(n: u8) -> Option<Self> {
        Some(match n {
            0 => Self::None,
            1 => Self::View,
            2 => Self::Create,
            3 => Self::Edit,
            4 => Self::Full,
            _ => return None,
        })
    }

    pub fn permlevel(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::View => "View",
            Self::Create => "Create",
            Self::Edit => "Edit",
            Self::Full => "Full",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NsFeature {
    /// Stable id used by checks and the simulator, e.g. `REST_WEB_SERVICES`.
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NsPermission {
    /// NetSuite permission key, e.g. `LIST_CURRENCY`.
    pub id: String,
    /// Display name as NetSuite shows it on the role, e.g. `Currency`.
    pub name: String,
    /// Role subtab: Transactions, Reports, Lists, Setup, Custom Record.
    pub group: String,
    pub level: NsLevel,
    /// REST record type that proves access when the role cannot be read, e.g. `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NetSuiteRequirements {
    pub auth_methods: Vec<AuthMethod>,
    /// OAuth 2.0 scopes the connector uses (`rest_webservices`, `restlets`, `suite_analytics`).
    #[serde(default)]
    pub scopes: Vec<String>,
    pub features: Vec<NsFeature>,
    pub permissions: Vec<NsPermission>,
    /// The RESTlet deployment a RESTlet- or bundle-based connector calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restlet: Option<NsRestlet>,
    /// The role the connector's bundle or SuiteApp installs: the user gets it
    /// instead of building one, and Onramp finds it by its script ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installed_role: Option<NsInstalledRole>,
}

/// A role a bundle or SuiteApp installs, as its installation guide names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NsInstalledRole {
    /// Script ID (`customrole_...`), the same in every account it is installed in.
    pub scriptid: String,
    /// The name it is installed with (the account may rename it).
    pub name: String,
}

/// A RESTlet script deployment, by the IDs its URL carries
/// (`restlet.nl?script=<script>&deploy=<deploy>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NsRestlet {
    /// Script ID (`customscript_...`) or internal id.
    pub script: String,
    /// Deployment ID (`customdeploy_...`) or internal id.
    pub deploy: String,
}

/// Sage Intacct admin privileges on a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum AdminLevel {
    Off,
    Limited,
    Full,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct IntacctObject {
    /// Object name as the API spells it, e.g. `ARINVOICE`.
    pub object: String,
    pub name: String,
    /// Application (module) whose subscription and permissions cover it, e.g. `Accounts Receivable`.
    pub application: String,
    /// Permission policy name as `getUserPermissions` reports it, e.g. `Invoices`.
    pub policy: String,
    /// Rights needed, as Intacct names them: `List`, `View`, `Add`, `Edit`, `Delete`.
    pub rights: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct IntacctRequirements {
    /// Whether the connector uses the REST API (OAuth 2.0) besides the XML gateway.
    #[serde(default)]
    pub rest: bool,
    pub admin: AdminLevel,
    pub objects: Vec<IntacctObject>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ConnectorProfile {
    pub schema_version: u32,
    pub id: String,
    pub name: String,
    pub description: String,
    pub erp: Erp,
    /// Built-in profiles are read-only; consultants copy them to edit.
    #[serde(default)]
    pub builtin: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub netsuite: Option<NetSuiteRequirements>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intacct: Option<IntacctRequirements>,
}

impl ConnectorProfile {
    /// The NetSuite sign-in methods the connector supports, recommended first.
    pub fn auth_methods(&self) -> &[AuthMethod] {
        self.netsuite
            .as_ref()
            .map_or(&[], |n| n.auth_methods.as_slice())
    }

    /// Whether the connector can sign in this way; a method it does not
    /// support can never be chosen or kept for a setup using it.
    pub fn supports(&self, method: AuthMethod) -> bool {
        self.auth_methods().contains(&method)
    }

    /// "TBA" or "OAuth 2.0 — authorization code or TBA", for messages.
    pub fn auth_methods_text(&self) -> String {
        let names: Vec<_> = self.auth_methods().iter().map(|m| m.label()).collect();
        names.join(" or ")
    }
}

mod load;
#[cfg(test)]
mod tests;
mod validate;

pub use load::{builtin, builtin_by_id, parse_json, parse_toml};
pub use validate::{validate, INTACCT_RIGHTS};

/// The profile format this build reads and writes.
pub const PROFILE_SCHEMA_VERSION: u32 = 1;

/// One problem with a profile, and the field it concerns (`netsuite.permissions[2].id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ProfileIssue {
    pub field: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile could not be read: {0}")]
    Syntax(String),
    #[error("the profile is not valid: {}", describe(.0))]
    Invalid(Vec<ProfileIssue>),
}

fn describe(issues: &[ProfileIssue]) -> String {
    issues
        .iter()
        .map(|i| format!("{}: {}", i.field, i.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl From<ProfileError> for crate::error::IpcError {
    fn from(e: ProfileError) -> Self {
        Self::new(crate::error::ErrorKind::InvalidInput, e.to_string())
    }
}
