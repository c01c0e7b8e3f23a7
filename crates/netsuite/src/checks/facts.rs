//! Facts several checks need, each fetched at most once per run.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use tokio::sync::OnceCell;

use crate::accounts::{Account, Environment};
use crate::client::{Credentials, GovernanceLimits, NetSuiteClient, ServerTime};
use crate::errors::NetSuiteError;

pub use super::probe::{names_permission, probed_by_suiteql, ProbeOutcome};

pub type Login = Arc<Result<ServerTime, NetSuiteError>>;
pub type Limits = Arc<Result<GovernanceLimits, NetSuiteError>>;
type Cell<T> = Arc<OnceCell<T>>;

/// Whose sign-in read the role's permission list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleReader {
    /// The integration's own credentials (its role may read roles).
    Integration,
    /// The optional administrator's sign-in.
    Administrator,
}

/// The role's permission list as SuiteQL `rolepermissions` returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RolePermissions {
    pub role: u64,
    /// Permission key → `permlevel` (0 None … 4 Full).
    pub levels: BTreeMap<String, u8>,
    pub reader: RoleReader,
}

pub type RoleRead = Arc<Result<RolePermissions, String>>;

pub struct Facts {
    client: Arc<NetSuiteClient>,
    /// An administrator's sign-in, used only to read the role.
    admin: Option<Arc<NetSuiteClient>>,
    role_id: Option<u64>,
    role_name: Option<String>,
    resolved_role: OnceCell<Option<u64>>,
    login: OnceCell<Login>,
    limits: OnceCell<Limits>,
    sibling: OnceCell<Option<String>>,
    role: OnceCell<RoleRead>,
    probes: Mutex<HashMap<String, Cell<ProbeOutcome>>>,
    loads: Mutex<HashMap<(String, String), Cell<ProbeOutcome>>>,
}

impl Facts {
    pub fn new(
        client: Arc<NetSuiteClient>,
        role_id: Option<u64>,
        role_name: Option<String>,
    ) -> Self {
        let role_id = role_id.or_else(|| match client.credentials() {
            Credentials::Bearer(t) => role_from_access_token(t.expose()),
            Credentials::Tba(_) => None,
        });
        Self {
            client,
            admin: None,
            role_id,
            role_name,
            resolved_role: OnceCell::new(),
            login: OnceCell::new(),
            limits: OnceCell::new(),
            sibling: OnceCell::new(),
            role: OnceCell::new(),
            probes: Mutex::default(),
            loads: Mutex::default(),
        }
    }

    /// Reads the role with an administrator's sign-in instead of the integration's.
    pub fn with_admin(mut self, admin: Option<Arc<NetSuiteClient>>) -> Self {
        self.admin = admin;
        self
    }

    pub fn client(&self) -> &NetSuiteClient {
        &self.client
    }

    /// The administrator's sign-in, when the user gave one.
    pub fn admin(&self) -> Option<&NetSuiteClient> {
        self.admin.as_deref()
    }

    /// Who reads roles: the administrator when given (the integration role
    /// usually may not: roles are behind Setup > Manage Roles).
    fn role_reader(&self) -> (&NetSuiteClient, RoleReader) {
        match &self.admin {
            Some(a) => (a, RoleReader::Administrator),
            None => (&self.client, RoleReader::Integration),
        }
    }

    /// The sign-in that reads roles (the administrator's when given).
    pub(crate) fn role_client(&self) -> &NetSuiteClient {
        self.role_reader().0
    }

    /// The role to inspect: given, from the OAuth 2.0 token, or found by name.
    pub async fn role_id(&self) -> Option<u64> {
        *self
            .resolved_role
            .get_or_init(|| async {
                if self.role_id.is_some() {
                    return self.role_id;
                }
                let name = self.role_name.as_deref()?.trim();
                let page = self
                    .role_reader()
                    .0
                    .suiteql_with_params(
                        "SELECT id FROM role WHERE name = ?",
                        &[name.into()],
                        10,
                        0,
                    )
                    .await
                    .ok()?;
                let id = page.items.first()?.get("id")?;
                id.as_u64().or_else(|| id.as_str()?.parse().ok())
            })
            .await
    }

    /// The role's name: given with the setup, else read by its ID (with the
    /// administrator's sign-in when there is one). `None` when unreadable.
    pub async fn role_name(&self) -> Option<String> {
        if let Some(n) = self
            .role_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            return Some(n.to_owned());
        }
        let id = self.role_id().await?;
        let page = self
            .role_reader()
            .0
            .suiteql_with_params("SELECT name FROM role WHERE id = ?", &[id.into()], 1, 0)
            .await
            .ok()?;
        let name = page.items.first()?.get("name")?.as_str()?.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// `serverTime`: proves the login and needs no permission. The
    /// integration's governance limits are asked at the same time (the
    /// request does not depend on the login's answer), so every later request
    /// already keeps within the headroom they allow.
    pub async fn login(&self) -> Login {
        self.login
            .get_or_init(|| async {
                let (time, _) = tokio::join!(self.client.server_time(), self.limits());
                Arc::new(time)
            })
            .await
            .clone()
    }

    /// `governanceLimits` with the integration's own sign-in (administrators
    /// only). When readable, the run's requests are capped at its headroom.
    pub async fn limits(&self) -> Limits {
        self.limits
            .get_or_init(|| async {
                let limits = self.client.governance_limits().await;
                let headroom = limits.as_ref().ok().and_then(GovernanceLimits::headroom);
                if let Some(n) = headroom {
                    // Slots in use are taken out as they free up: never wait for that here.
                    let governor = self.client.governor().clone();
                    tokio::spawn(async move {
                        governor.cap(usize::try_from(n).unwrap_or(usize::MAX)).await
                    });
                }
                Arc::new(limits)
            })
            .await
            .clone()
    }

    /// After a refused login: the related account (sandbox ↔ production)
    /// whose realm accepts the same credentials, if any.
    pub async fn sibling_that_accepts(&self) -> Option<String> {
        self.sibling
            .get_or_init(|| async {
                for realm in sibling_realms(self.client.account()) {
                    let Ok(account) = Account::parse(&realm) else {
                        continue;
                    };
                    let mut options = self.client.options().clone();
                    options.governor = Some(self.client.governor().clone());
                    let Ok(other) =
                        NetSuiteClient::new(account, self.client.credentials().clone(), options)
                    else {
                        continue;
                    };
                    if other.server_time().await.is_ok() {
                        return Some(realm);
                    }
                }
                None
            })
            .await
            .clone()
    }

    /// The role's permissions from SuiteQL, or why they could not be read.
    pub async fn role_permissions(&self) -> RoleRead {
        self.role
            .get_or_init(|| async { Arc::new(self.read_role().await) })
            .await
            .clone()
    }

    async fn read_role(&self) -> Result<RolePermissions, String> {
        let role = self.role_id().await.ok_or(
            "the role's internal ID is not known (enter it, or sign in with OAuth 2.0, or let an administrator sign in to look it up by name)",
        )?;
        let (client, reader) = self.role_reader();
        let query = format!("SELECT permkey, permlevel FROM rolepermissions WHERE role = {role}");
        let mut levels = BTreeMap::new();
        let mut offset = 0;
        loop {
            let page = client
                .suiteql(&query, 1000, offset)
                .await
                .map_err(|e| e.to_string())?;
            for item in &page.items {
                let key = item.get("permkey").and_then(|v| v.as_str());
                let level = item.get("permlevel").and_then(|v| {
                    v.as_u64()
                        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                });
                if let (Some(k), Some(l)) = (key, level) {
                    levels.insert(k.to_string(), u8::try_from(l).unwrap_or(4));
                }
            }
            if !page.has_more || page.items.is_empty() || offset >= 9000 {
                break;
            }
            offset += 1000;
        }
        // Every role that can sign in holds some permission: no rows means the
        // list is hidden from this sign-in, not that the role is empty.
        if levels.is_empty() {
            return Err(format!(
                "NetSuite returned no permission rows for role {role}, so the list is not visible to this sign-in"
            ));
        }
        Ok(RolePermissions {
            role,
            levels,
            reader,
        })
    }

    /// The login's outcome, if a check tried it (never sends a request).
    pub fn seen_login(&self) -> Option<Login> {
        self.login.get().cloned()
    }

    /// The role's internal ID, if a check resolved it (never sends a request).
    pub fn seen_role_id(&self) -> Option<u64> {
        self.resolved_role.get().copied().flatten().or(self.role_id)
    }

    /// The role's permissions, if a check read them (never sends a request).
    pub fn seen_role_permissions(&self) -> Option<RoleRead> {
        self.role.get().cloned()
    }

    /// Record-type probes the checks made, with their outcomes.
    pub fn seen_probes(&self) -> Vec<(String, ProbeOutcome)> {
        let map = self.probes.lock().unwrap_or_else(|p| p.into_inner());
        let mut out: Vec<_> = map
            .iter()
            .filter_map(|(k, cell)| Some((k.clone(), cell.get()?.clone())))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// `GET /record/v1/<type>?limit=5` (or `SELECT id FROM <type>` for a
    /// beta REST record), once per record type.
    pub async fn probe(&self, record_type: &str) -> ProbeOutcome {
        let cell = cell(&self.probes, record_type.to_ascii_lowercase());
        cell.get_or_init(|| async {
            let page = if probed_by_suiteql(record_type) {
                // The type is one of SUITEQL_PROBES: a fixed, known table name.
                self.client
                    .suiteql(
                        &format!("SELECT id FROM {}", record_type.to_ascii_lowercase()),
                        1,
                        0,
                    )
                    .await
            } else {
                self.client.list_records(record_type, 5).await
            };
            ProbeOutcome::from_result(page.map(|c| c.items.iter().filter_map(item_id).collect()))
        })
        .await
        .clone()
    }

    /// `GET /record/v1/<type>/<id>`: REST loads in edit mode, so this is where
    /// subsidiary restrictions show even when listing worked.
    pub async fn load(&self, record_type: &str, id: &str) -> ProbeOutcome {
        let cell = cell(
            &self.loads,
            (record_type.to_ascii_lowercase(), id.to_string()),
        );
        cell.get_or_init(|| async {
            ProbeOutcome::from_result(
                self.client
                    .get_record(record_type, id)
                    .await
                    .map(|v| item_id(&v).into_iter().collect()),
            )
        })
        .await
        .clone()
    }
}

fn cell<K: std::hash::Hash + Eq>(
    map: &Mutex<HashMap<K, Cell<ProbeOutcome>>>,
    key: K,
) -> Cell<ProbeOutcome> {
    map.lock()
        .unwrap_or_else(|p| p.into_inner())
        .entry(key)
        .or_default()
        .clone()
}

fn item_id(v: &serde_json::Value) -> Option<String> {
    match v.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn sibling_realms(account: &Account) -> Vec<String> {
    let prod = account.production_realm();
    match account.environment() {
        Environment::Production => vec![format!("{prod}_SB1")],
        Environment::Sandbox | Environment::ReleasePreview => vec![prod.to_string()],
        Environment::TestDrive => Vec::new(),
    }
}

/// OAuth 2.0 access tokens carry `sub = "<role>;<entity>"`. Only the payload
/// is read (no verification): it picks which role to inspect, nothing more.
pub fn role_from_access_token(token: &str) -> Option<u64> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    claims
        .get("sub")?
        .as_str()?
        .split(';')
        .next()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_from_oracle_sample_token() {
        // Payload of Oracle's RESTlet OAuth 2.0 header example (ORA:section_158272429269): sub "1000;12".
        let token = "eyJraWQiOiIyMDIwXzEiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDAwOzEyIiwiYXVkIjoiN0VCODkwREMtNEJDRC00RTQ5LTkzNDEtRjZEMDIyNDUxOEY5OzM4Mjk4NTUiLCJ0dHlwZSI6IkFDQ0VTUyIsInNjb3BlIjpbIlJFU1RMRVRTIl0sImlzcyI6Imh0dHBzOlwvXC9zeXN0ZW0ubmV0c3VpdGUuY29tIiwiZXhwIjoxNTgwODI1NjQyLCJpYXQiOjE1ODA4MjIwNDJ9.sig";
        assert_eq!(role_from_access_token(token), Some(1000));
        assert_eq!(role_from_access_token("not-a-jwt"), None);
    }

    #[test]
    fn siblings() {
        let s = |a: &str| sibling_realms(&Account::parse(a).unwrap());
        assert_eq!(s("1234567"), vec!["1234567_SB1"]);
        assert_eq!(s("1234567_SB2"), vec!["1234567"]);
        assert!(s("TSTDRV1").is_empty());
    }
}
