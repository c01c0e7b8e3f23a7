//! The `[intacct]` section of a scenario file: the simulated company, its users,
//! roles and senders, and the switches for behaviour Sage does not document
//! (every `[I]` item in the Intacct notes is a setting here, not a guess in code).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{default_object_policies, default_user_type_caps};
use super::records::default_records;
use super::texts::Texts;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IntacctScenario {
    /// Credentials the client uses in Practice mode (fake, practice-only).
    pub practice: PracticeCredentials,
    /// Pod returned by getAPISession: `https://<pod>.intacct.com/ia/xml/xmlgw.phtml`.
    pub pod: String,
    /// Seconds a session lives after its last call.
    pub session_timeout_secs: i64,
    /// Refuse requests whose Content-Type is not XML.
    pub require_xml_content_type: bool,
    /// How wrong user/password/company-user combinations are answered.
    pub credential_errors: CredentialErrors,
    /// How a company ID that does not exist is answered.
    pub unknown_company: UnknownCompany,
    /// Compare company and user IDs ignoring case (Sage does not say) [I].
    pub case_insensitive_ids: bool,
    /// Reject users that are not Web Services-only users [I].
    pub require_web_services_user: bool,
    /// getUserPermissions needs the Users "View" right (as documented).
    pub user_permissions_need_users_view: bool,
    pub senders: Vec<Sender>,
    pub company: Company,
    pub users: Vec<User>,
    pub roles: Vec<Role>,
    /// Object name → (application, policy) that governs it.
    pub object_policies: BTreeMap<String, ObjectPolicy>,
    /// Rights a user type can have at most, whatever its roles grant.
    pub user_type_caps: Vec<UserTypeCap>,
    /// Rows per object (USERINFO/USERROLES/ROLES are derived from the users and roles).
    pub records: BTreeMap<String, Vec<BTreeMap<String, String>>>,
    pub rate_limit: Option<RateLimit>,
    pub faults: Vec<Fault>,
    pub rest: RestConfig,
    pub texts: Texts,
}

impl Default for IntacctScenario {
    fn default() -> Self {
        Self {
            practice: PracticeCredentials::default(),
            pod: "na12".into(),
            session_timeout_secs: 3600,
            require_xml_content_type: true,
            credential_errors: CredentialErrors::Classic,
            unknown_company: UnknownCompany::Gw0011,
            case_insensitive_ids: true,
            require_web_services_user: false,
            user_permissions_need_users_view: true,
            senders: Vec::new(),
            company: Company::default(),
            users: Vec::new(),
            roles: Vec::new(),
            object_policies: default_object_policies(),
            user_type_caps: default_user_type_caps(),
            records: default_records(),
            rate_limit: None,
            faults: Vec::new(),
            rest: RestConfig::default(),
            texts: Texts::default(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PracticeCredentials {
    pub sender_id: String,
    pub sender_password: String,
    pub user_id: String,
    pub user_password: String,
    pub company_id: String,
    pub entity_id: Option<String>,
    /// REST app registration (client credentials / authorization code).
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialErrors {
    /// HTTP 200, authentication failure XL03000006 "Sign-in information is incorrect".
    Classic,
    /// HTTP 401, control failure XMLGW_JPP0002 (newer gateway).
    Gateway401,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnknownCompany {
    /// HTTP 400 GW-0011 "Invalid Request [Request ID: …]".
    Gw0011,
    /// HTTP 400 with the older `invalidRequest` "Invalid Request".
    InvalidRequest,
    /// Same answer as a wrong password (`credential_errors`).
    SignIn,
}

/// A Web Services sender (license key) known to Sage.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    pub id: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Company {
    pub id: String,
    /// Module codes returned by get_applications (CO, GL, AR, AP, CM…).
    pub applications: Vec<String>,
    /// Web Services subscription (Company > Subscriptions).
    pub web_services: bool,
    pub demo_expired: bool,
    pub permission_mode: PermissionMode,
    /// Company > Setup > Company > Security > Web Services authorizations.
    pub authorized_senders: Vec<AuthorizedSender>,
    /// Entities of a multi-entity company (empty = single entity).
    pub entities: Vec<Entity>,
}

impl Default for Company {
    fn default() -> Self {
        Self {
            id: String::new(),
            applications: ["CO", "GL", "AR", "AP", "CM"].map(String::from).to_vec(),
            web_services: true,
            demo_expired: false,
            permission_mode: PermissionMode::RoleBased,
            authorized_senders: Vec::new(),
            entities: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionMode {
    RoleBased,
    UserBased,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorizedSender {
    pub id: String,
    #[serde(default = "yes")]
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// Login ID (`id` so `extends` merges users one by one).
    #[serde(rename = "id")]
    pub login_id: String,
    pub password: String,
    #[serde(default = "business_user")]
    pub user_type: String,
    #[serde(default)]
    pub admin: AdminPrivilege,
    #[serde(default)]
    pub status: UserStatus,
    /// Web Services-only user (cannot use the UI).
    #[serde(default)]
    pub logindisabled: bool,
    #[serde(default)]
    pub roles: Vec<String>,
    /// User-level permissions (user-based companies).
    #[serde(default)]
    pub permissions: Vec<Policy>,
    /// Entities the user may sign in to (empty = all, including top level).
    #[serde(default)]
    pub entities: Vec<String>,
    /// May the user sign in at the top level of a multi-entity company.
    #[serde(default = "yes")]
    pub top_level: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminPrivilege {
    #[default]
    Off,
    Limited,
    Full,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserStatus {
    #[default]
    Active,
    Lockedout,
    Inactive,
}

impl UserStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Lockedout => "lockedout",
            Self::Inactive => "inactive",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    #[serde(rename = "id")]
    pub name: String,
    #[serde(default)]
    pub policies: Vec<Policy>,
}

/// One permission line: application, policy and its rights ("List", "View"…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub application: String,
    pub policy: String,
    pub rights: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectPolicy {
    /// Module code that must be subscribed (CO, GL, AR…).
    pub module: String,
    pub application: String,
    pub policy: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserTypeCap {
    pub user_type: String,
    /// Policies the type may use at all (empty = any).
    #[serde(default)]
    pub policies: Vec<String>,
    /// Rights the type may have on them.
    pub rights: Vec<String>,
}

/// N XML gateway requests per window, then HTTP 429 until the window passes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    pub requests: u32,
    pub window_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    pub kind: FaultKind,
    /// 1-based numbers of the gateway requests that get the fault (empty = all).
    #[serde(default)]
    pub on_requests: Vec<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    Http502,
    Http503,
    /// Cloudflare "A timeout occurred" page with `cf-error-details`.
    Cloudflare524,
    /// HTML maintenance page with HTTP 200.
    MaintenanceHtml,
    /// XML answer whose functions fail with "The Service is Temporarily Off-line".
    ServiceOffline,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RestConfig {
    pub clients: Vec<RestClient>,
    pub token_lifetime_secs: u64,
    /// Send `expires_in` as a JSON string ("3600") instead of a number [I]:
    /// no token-response sample of Sage's was found, and NetSuite's string form
    /// shows that real services differ from RFC 6749 here.
    pub expires_in_as_text: bool,
    /// The client-credentials grant only accepts Web Services-only users [I].
    pub client_credentials_needs_web_services_user: bool,
    /// REST path (after /objects/) → XML object whose permissions govern it.
    pub objects: BTreeMap<String, String>,
}

impl Default for RestConfig {
    fn default() -> Self {
        let objects = [
            ("general-ledger/account", "GLACCOUNT"),
            ("general-ledger/journal-entry", "GLBATCH"),
            ("accounts-receivable/customer", "CUSTOMER"),
            ("accounts-receivable/invoice", "ARINVOICE"),
            ("accounts-receivable/payment", "ARPYMT"),
            ("accounts-payable/vendor", "VENDOR"),
            ("accounts-payable/bill", "APBILL"),
            ("accounts-payable/payment", "APPYMT"),
            ("company-config/location", "LOCATION"),
            ("company-config/department", "DEPARTMENT"),
            ("company-config/class", "CLASS"),
            ("company-config/user", "USERINFO"),
        ];
        Self {
            clients: Vec::new(),
            token_lifetime_secs: 3600,
            expires_in_as_text: false,
            client_credentials_needs_web_services_user: true,
            objects: objects
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }
}

/// An app registered in the Sage developer console, tied to a sender ID.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestClient {
    pub client_id: String,
    pub client_secret: String,
    pub sender_id: String,
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    /// Who approves the authorization-code consent page in the simulator.
    #[serde(default)]
    pub consent_user: Option<String>,
}

fn yes() -> bool {
    true
}

fn business_user() -> String {
    "business user".into()
}
