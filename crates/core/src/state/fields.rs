//! A setup's non-secret values, typed: what the person entered or ticked and
//! Onramp's bookkeeping (IDs NetSuite assigned, expiry dates, who consented).
//! Secrets are never here; they are in the keychain. Times are RFC 3339 UTC
//! strings, as every reader parses them (and the UI shows them).
//!
//! A new value gets a slot here and, if older files may hold it under a
//! string key, a line in `migrate::LEGACY_KEYS`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SetupFields {
    /// The integration role's name, as the wizard tells the person to enter it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    /// The integration user (an email address): who the connector acts as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<String>,
    /// The user the integration belonged to before a change of owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_owner: Option<String>,
    /// Who signs the report's done steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_by: Option<String>,
    /// Practice mode: the scenario (`netsuite/<name>`) whose fix the person
    /// made, so the simulated account stays fixed after a restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice_fix: Option<String>,
    /// Ticked checklist items (feature, permission or object keys) by step id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checklists: BTreeMap<String, BTreeSet<String>>,
    #[serde(default)]
    pub netsuite: NetSuiteFields,
    #[serde(default)]
    pub intacct: IntacctFields,
    /// Keys an older file held that this version has no slot for, kept as
    /// they were (and written back) so that nothing is lost silently.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub legacy: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NetSuiteFields {
    /// The integration record's Client ID (OAuth 2.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The integration record an administrator signs in through (a public
    /// client), when it is not the setup's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_client_id: Option<String>,
    /// The M2M mapping's Certificate ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id: Option<String>,
    /// The Certificate ID of a new mapping (rotation, change of owner), until
    /// a full run proves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_id_pending: Option<String>,
    /// When the M2M certificate in use expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_expires_at: Option<String>,
    /// What the OAuth 2.0 tokens in the keychain say about themselves.
    #[serde(default)]
    pub token: TokenFields,
    /// A new consent waiting to be proven (its tokens wait in the keychain's
    /// pending entries): the same bookkeeping as the working connection's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_token: Option<TokenFields>,
    /// When and where the M2M private key was handed to the connector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_export: Option<KeyExported>,
    /// Set when the connector's vendor keeps the M2M key and supplied the
    /// certificate (kept in the data folder); none when Onramp made the pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_certificate: Option<VendorKey>,
    /// An administrator's sign-in kept in the keychain (the token is there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_session: Option<KeptAdminSession>,
    /// The integration employee Onramp created with an administrator's consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<String>,
    /// A change of owner under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_change: Option<OwnerChange>,
}

/// From the access token's expiry and `sub` ("role;entity"), and the names
/// looked up at Connect (when the token's role may read them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TokenFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_expires_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_expires_at: Option<String>,
    /// Internal IDs of the role and the user (entity) the token acts as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<String>,
}

/// The M2M private key's hand-off (once per key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct KeyExported {
    pub at: String,
    /// The file as shown to the person.
    pub to: String,
}

/// A vendor's M2M certificate, as imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct VendorKey {
    /// What the vendor's connector signs with (ES384, PS256…).
    pub algorithm: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct KeptAdminSession {
    pub expires_at: String,
    /// The administrator the changes are recorded under.
    pub consented_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct OwnerChange {
    /// The user taking the integration over (an email address).
    pub to: String,
    /// Their internal ID (M2M: the mapping is made for the employee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct IntacctFields {
    /// Whether the company has entities; unanswered until the person says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_entity: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_mode: Option<PermissionMode>,
}

/// How an Intacct company grants permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PermissionMode {
    /// Roles assigned to the user (the user form has a Roles table).
    Role,
    /// Permissions on the user itself.
    User,
}

/// A value the person sets on the wizard's pages (the UI's only field writes;
/// IDs NetSuite shows go through the OAuth commands, which check them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "name", content = "value", rename_all = "snake_case")]
pub enum FieldChange {
    PreparedBy(Option<String>),
    MultiEntity(Option<bool>),
    PermissionMode(Option<PermissionMode>),
}

impl SetupFields {
    pub fn apply(&mut self, change: FieldChange) {
        match change {
            FieldChange::PreparedBy(v) => self.prepared_by = v.and_then(non_blank),
            FieldChange::MultiEntity(v) => self.intacct.multi_entity = v,
            FieldChange::PermissionMode(v) => self.intacct.permission_mode = v,
        }
    }

    /// A change of owner is proven: `new_user` is the integration user now,
    /// and the one before is remembered.
    pub fn owner_changed(&mut self, new_user: String) {
        self.netsuite.owner_change = None;
        self.previous_owner = self.user_email.replace(new_user);
    }

    /// Ticks (or unticks) one checklist item of a step; other ticks stay.
    pub fn tick(&mut self, step: &str, item: &str, done: bool) {
        if done {
            let items = self.checklists.entry(step.to_owned()).or_default();
            items.insert(item.to_owned());
        } else if let Some(items) = self.checklists.get_mut(step) {
            items.remove(item);
            if items.is_empty() {
                self.checklists.remove(step);
            }
        }
    }
}

/// `Some(trimmed)` unless blank: a blank value is no value.
fn non_blank(v: String) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_owned())
}
