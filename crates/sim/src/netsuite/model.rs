//! The `[netsuite]` section of a scenario file: accounts (production and
//! sandboxes), their features, roles, employees, integration records, access
//! tokens and records, plus switches for behaviour Oracle does not document.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::oauth2;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetSuiteScenario {
    /// Seconds the simulated NetSuite clock is ahead of this computer (negative: behind).
    #[serde(default)]
    pub clock_offset_secs: i64,
    /// Service tier; sets the account concurrency limit unless `concurrency_limit` is given.
    #[serde(default)]
    pub governance_tier: GovernanceTier,
    /// SuiteCloud Plus licenses: each adds 10 to the tier's limit.
    #[serde(default)]
    pub suitecloud_plus_licenses: u32,
    pub concurrency_limit: Option<u32>,
    #[serde(default)]
    pub behaviour: Behaviour,
    /// What a client is configured with in this scenario (fake, practice-only values).
    #[serde(default)]
    pub client: ClientConfig,
    pub accounts: Vec<AccountSpec>,
    /// OAuth 2.0 settings (owned by the OAuth 2.0 part of the simulator).
    #[serde(default)]
    pub oauth2: oauth2::OAuth2Scenario,
}

/// Base concurrency limits by tier (Oracle's governance table).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GovernanceTier {
    #[default]
    Shared,
    Tier3,
    Tier2,
    Tier1,
    Tier0,
    Standard,
    Premium,
    Enterprise,
    Ultimate,
    /// Development and partner accounts: fixed at 5, no SuiteCloud Plus.
    Development,
}

impl GovernanceTier {
    pub fn base_limit(self) -> u32 {
        match self {
            Self::Shared | Self::Tier3 | Self::Standard | Self::Development => 5,
            Self::Tier2 => 10,
            Self::Tier1 | Self::Premium => 15,
            Self::Tier0 | Self::Enterprise | Self::Ultimate => 20,
        }
    }
}

impl NetSuiteScenario {
    pub fn account_concurrency_limit(&self) -> u32 {
        self.concurrency_limit
            .unwrap_or_else(|| match self.governance_tier {
                GovernanceTier::Development => 5,
                t => t.base_limit() + 10 * self.suitecloud_plus_licenses,
            })
    }
}

/// Behaviour Oracle does not document ([I] in the NetSuite notes): each is a setting.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Behaviour {
    /// Answer to a REST call when the REST Web Services feature is off.
    pub rest_feature_disabled: RestDisabledAnswer,
    /// Answer to a SuiteQL call without `Prefer: transient`.
    pub missing_prefer_transient: MissingPreferAnswer,
    /// Who may read the `role`, `rolepermissions` and `rolerestrictions`
    /// tables through SuiteQL: `any`, `administrator`, or a permission key the
    /// calling role must hold. Default `ADMI_MANAGEROLES`: NetSuite's Records
    /// Catalog puts `role` behind Manage Roles, and public SuiteQL table
    /// references list all three under "Setup - Bulk Manage Roles"
    /// (GH:iloveitaly/netsuite-permissions, output/netsuite_record_catalog.csv
    /// "Role,role,ADMI_MANAGEROLES"; output/tim_table.csv).
    pub role_tables_require: String,
    /// Whether a SuiteQL body may carry bind `params`. Oracle documents only
    /// `q` for REST (help section_157909186990, section_158394344595); `params`
    /// exist for SuiteScript's `query.runSuiteQL`. Default: refused.
    pub suiteql_params: SuiteqlParams,
    /// Answer to SuiteQL from a role without SuiteAnalytics Workbook
    /// (REPO_ANALYTICS, which Oracle's REST setup requires, help
    /// article_5085602973); the wording is undocumented, so it is a setting.
    pub suiteql_without_workbook: WorkbookMissingAnswer,
    /// REST record types that are beta records: each answers 403 "The <type>
    /// record is only available as a beta record…" unless the account has the
    /// feature `REST_RECORD_SERVICE_BETA`.
    pub rest_beta_records: Vec<String>,
    /// Minimum permission level (1 View … 4 Full) to read a record through REST.
    pub record_read_level: u8,
    /// Whether a subsidiary-restricted role sees records outside its
    /// subsidiaries in collection lists (loading one still fails).
    pub restricted_collections: RestrictedCollections,
    /// Record type or SuiteQL table → permission key it requires ("" = none),
    /// replacing the built-in mapping for that name.
    pub permission_overrides: BTreeMap<String, String>,
    /// How NetSuite refuses RESTlet calls (statuses public clients do not record).
    pub restlet: RestletAnswers,
    /// [I] USER_ERROR detail when a new employee's email is already used by
    /// another employee; Oracle documents no wording.
    pub employee_email_taken: String,
    /// [I] USER_ERROR detail before the list of missing mandatory fields
    /// (NetSuite's UI says "Please enter value(s) for: Subsidiary").
    pub missing_fields_prefix: String,
    /// The certificate endpoint's undocumented parts.
    pub certificates: super::oauth2::cert_api::CertificateAnswers,
}

impl Default for Behaviour {
    fn default() -> Self {
        Self {
            rest_feature_disabled: RestDisabledAnswer::InvalidLogin,
            missing_prefer_transient: MissingPreferAnswer::InvalidRequest,
            role_tables_require: "ADMI_MANAGEROLES".into(),
            suiteql_params: SuiteqlParams::Refuse,
            suiteql_without_workbook: WorkbookMissingAnswer::InsufficientPermission,
            rest_beta_records: vec!["account".into()],
            record_read_level: 1,
            restricted_collections: RestrictedCollections::ListAll,
            permission_overrides: BTreeMap::new(),
            restlet: RestletAnswers::default(),
            employee_email_taken: "This email address is already in use by another employee."
                .into(),
            missing_fields_prefix: "Please enter value(s) for: ".into(),
            certificates: Default::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RestDisabledAnswer {
    /// 401 INVALID_LOGIN, `FeatureDisabled` in the Login Audit Trail.
    InvalidLogin,
    /// 403 INSUFFICIENT_PERMISSION.
    InsufficientPermission,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingPreferAnswer {
    /// 400 INVALID_REQUEST naming the `Prefer` header.
    InvalidRequest,
    /// Run the query anyway.
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuiteqlParams {
    /// 400 INVALID_CONTENT naming `params` (wording undocumented).
    Refuse,
    /// Bind them to `?` placeholders, as SuiteScript would.
    Bind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbookMissingAnswer {
    /// 403 INSUFFICIENT_PERMISSION, "You need the 'Reports -> SuiteAnalytics
    /// Workbook' permission…" in the wording of record permission errors.
    InsufficientPermission,
    /// 400 USER_ERROR "Your current role does not have permission to perform this action."
    UserError,
}

pub use super::restlet::RestletAnswers;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RestrictedCollections {
    ListAll,
    Filter,
}

/// The values a client is configured with (what the user typed), practice-only.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    /// Account ID as the user entered it (may be deliberately wrong in a scenario).
    pub account_id: Option<String>,
    pub consumer_key: Option<String>,
    pub consumer_secret: Option<String>,
    pub token_id: Option<String>,
    pub token_secret: Option<String>,
    /// Role and user the setup is meant for (non-secret fields of the wizard).
    pub role_name: Option<String>,
    pub user_email: Option<String>,
    /// Connector profile to validate against (`netsuite-zuora-billing`...).
    pub profile: Option<String>,
    /// Maintain page: the new token the administrator created for the same user.
    pub rotation: Option<PracticeToken>,
    /// Maintain page: the user who takes over the integration, with their token.
    pub new_owner: Option<PracticeOwner>,
}

/// A token's values as NetSuite shows them once, when it is created (practice-only).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeToken {
    pub token_id: String,
    pub token_secret: String,
}

/// Another employee holding the integration role, and their token.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeOwner {
    pub email: String,
    pub name: String,
    /// The employee's internal ID.
    pub entity: u64,
    /// Their TBA token (none in an OAuth 2.0 scenario: they get a certificate mapping).
    pub token_id: Option<String>,
    pub token_secret: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    #[default]
    Production,
    Sandbox,
    ReleasePreview,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountSpec {
    /// Account ID exactly as NetSuite spells it: `1234567`, `1234567_SB1`, `TSTDRV840553`.
    pub id: String,
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub kind: AccountKind,
    /// Production account this sandbox was copied from: features, roles, employees,
    /// integrations and records not given here come from it (never tokens), and a
    /// sandbox refresh copies them again.
    pub sandbox_of: Option<String>,
    pub features: Option<Vec<String>>,
    pub roles: Option<Vec<RoleSpec>>,
    pub employees: Option<Vec<EmployeeSpec>>,
    pub integrations: Option<Vec<IntegrationSpec>>,
    #[serde(default)]
    pub tokens: Vec<TokenSpec>,
    /// Record type (lowercase REST name) → records, each a table with an `id`.
    pub records: Option<BTreeMap<String, Vec<serde_json::Value>>>,
    /// RESTlet script deployments (Customization > Scripting > Script Deployments).
    pub restlets: Option<Vec<super::restlet::Deployment>>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub inactive: bool,
    /// Script ID (`customrole_...`): set for roles a bundle or SuiteApp installed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scriptid: Option<String>,
    /// "Web Services Only Role": cannot call RESTlets.
    #[serde(default)]
    pub web_services_only: bool,
    /// Subsidiaries the role is restricted to; empty means all.
    #[serde(default)]
    pub subsidiaries: Vec<u64>,
    /// Permission key → level (0 None, 1 View, 2 Create, 3 Edit, 4 Full).
    #[serde(default)]
    pub permissions: BTreeMap<String, u8>,
}

/// NetSuite's Administrator role has this internal id and every permission.
pub const ADMINISTRATOR_ROLE: u64 = 3;

impl RoleSpec {
    pub fn is_administrator(&self) -> bool {
        self.id == ADMINISTRATOR_ROLE
    }

    pub fn level(&self, permkey: &str) -> u8 {
        if self.is_administrator() {
            return 4;
        }
        self.permissions.get(permkey).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct EmployeeSpec {
    pub id: u64,
    pub email: String,
    #[serde(default)]
    pub name: String,
    /// "Give Access" on the Access subtab.
    #[serde(default = "yes")]
    pub give_access: bool,
    #[serde(default)]
    pub inactive: bool,
    pub roles: Vec<u64>,
    pub subsidiary: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
pub enum IntegrationState {
    #[default]
    Enabled,
    Blocked,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntegrationSpec {
    /// Application ID (a GUID in NetSuite).
    pub id: String,
    pub name: String,
    /// Also the OAuth 2.0 client ID.
    pub consumer_key: String,
    /// Also the OAuth 2.0 client secret.
    pub consumer_secret: String,
    #[serde(default)]
    pub state: IntegrationState,
    /// "Token-Based Authentication" checkbox on the integration record.
    #[serde(default = "yes")]
    pub tba: bool,
    #[serde(default)]
    pub oauth2: oauth2::IntegrationOAuth2,
    /// Concurrency Limit allocated to this integration (Integration
    /// Governance); none means it shares the account's unallocated pool.
    pub concurrency_limit: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenSpec {
    /// Token ID.
    pub id: String,
    pub secret: String,
    #[serde(default)]
    pub name: String,
    pub employee: u64,
    pub role: u64,
    /// Application ID of the integration record.
    pub integration: String,
    #[serde(default)]
    pub revoked: bool,
}

fn yes() -> bool {
    true
}
