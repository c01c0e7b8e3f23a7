//! Run-time state of the simulated NetSuite: the accounts built from the scenario
//! (tokens can be revoked or wiped, nonces are remembered), the Login Audit Trail,
//! the clock and the account concurrency pools.

use std::{
    collections::{BTreeMap, BTreeSet, HashSet},
    sync::{Arc, Mutex, MutexGuard},
    time::Duration,
};

use tokio::sync::Semaphore;

use super::{
    audit::AuditTrail,
    memory::{Changes, Memory},
    model::{
        AccountKind, AccountSpec, Behaviour, EmployeeSpec, IntegrationSpec, NetSuiteScenario,
        RoleSpec, TokenSpec,
    },
    oauth2,
};
use crate::options::{SimClock, SimOptions};

/// Shared by every NetSuite route (axum state).
#[derive(Clone)]
pub struct NsState(Arc<Shared>);

pub struct Shared {
    pub clock: SimClock,
    pub latency: Duration,
    pub behaviour: Behaviour,
    pub concurrency_limit: u32,
    pub scenario: NetSuiteScenario,
    pub accounts: Mutex<BTreeMap<String, Account>>,
    pub audit: AuditTrail,
    /// One pool per account, shared by every API (Oracle: account-wide governance).
    pub pools: BTreeMap<String, Arc<Semaphore>>,
    pub oauth2: oauth2::OAuth2State,
    /// Where the accounts keep what changed through the APIs, if anywhere.
    memory: Option<Memory>,
}

/// One NetSuite account as it is now.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub company_name: String,
    pub kind: AccountKind,
    pub features: BTreeSet<String>,
    pub roles: BTreeMap<u64, RoleSpec>,
    pub employees: BTreeMap<u64, EmployeeSpec>,
    pub integrations: Vec<IntegrationSpec>,
    pub tokens: BTreeMap<String, TokenSpec>,
    pub records: BTreeMap<String, Vec<serde_json::Value>>,
    pub restlets: Vec<super::restlet::Deployment>,
    /// (token id, timestamp, nonce) already accepted.
    pub nonces: HashSet<(String, i64, String)>,
    pub oauth2: oauth2::AccountOAuth2State,
    /// What the APIs changed, to keep across a restart.
    pub kept: Changes,
}

impl std::ops::Deref for NsState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl NsState {
    pub fn new(scenario: &NetSuiteScenario, options: &SimOptions) -> Self {
        let limit = options
            .concurrency_limit
            .unwrap_or_else(|| scenario.account_concurrency_limit());
        let mut accounts: BTreeMap<_, _> = scenario
            .accounts
            .iter()
            .map(|a| (a.id.clone(), build_account(scenario, a)))
            .collect();
        let (memory, restored) = match options.memory.clone() {
            Some(dir) => {
                let (memory, restored) = Memory::open(dir.join("netsuite.json"), &mut accounts);
                (Some(memory), restored)
            }
            None => (None, HashSet::new()),
        };
        let pools = accounts
            .keys()
            .map(|id| (id.clone(), Arc::new(Semaphore::new(limit as usize))))
            .collect();
        Self(Arc::new(Shared {
            clock: options.clock(scenario.clock_offset_secs),
            latency: options.latency,
            behaviour: scenario.behaviour.clone(),
            concurrency_limit: limit,
            scenario: scenario.clone(),
            accounts: Mutex::new(accounts),
            audit: AuditTrail::default(),
            pools,
            oauth2: oauth2::OAuth2State::new(scenario, restored),
            memory,
        }))
    }

    pub fn accounts(&self) -> MutexGuard<'_, BTreeMap<String, Account>> {
        // A panic while holding the lock leaves plain data behind; keep serving.
        self.0.accounts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes what the accounts keep across a restart, when they keep anything.
    pub fn keep(&self, accounts: &BTreeMap<String, Account>) {
        if let Some(memory) = &self.memory {
            memory.save(accounts, self.clock.now());
        }
    }

    /// Sandbox refresh as NetSuite does it: the sandbox becomes a fresh copy of its
    /// production account, and tokens, nonces and OAuth 2.0 grants are gone.
    pub fn refresh_sandbox(&self, account_id: &str) -> Result<(), String> {
        let spec = self
            .scenario
            .accounts
            .iter()
            .find(|a| a.id == account_id)
            .ok_or_else(|| format!("no account {account_id:?} in this scenario"))?;
        if spec.kind != AccountKind::Sandbox {
            return Err(format!("{account_id} is not a sandbox"));
        }
        let mut fresh = build_account(&self.scenario, spec);
        fresh.tokens.clear();
        self.oauth2.forget(account_id);
        let mut accounts = self.accounts();
        accounts.insert(account_id.to_string(), fresh);
        self.keep(&accounts);
        Ok(())
    }
}

impl NsState {
    /// Revokes the account's tokens named `name`; how many there were.
    pub fn revoke_token(&self, account_id: &str, name: &str) -> Result<usize, String> {
        let mut accounts = self.accounts();
        let account = accounts
            .get_mut(account_id)
            .ok_or_else(|| format!("no account {account_id:?} in this scenario"))?;
        let mut revoked = 0;
        for token in account.tokens.values_mut().filter(|t| t.name == name) {
            token.revoked = true;
            account.kept.revoked_tokens.insert(oauth2::key(&token.id));
            revoked += 1;
        }
        self.keep(&accounts);
        match revoked {
            0 => Err(format!("{account_id} has no access token named {name:?}")),
            n => Ok(n),
        }
    }
}

/// Builds an account, copying what a sandbox leaves out from its production account.
fn build_account(scenario: &NetSuiteScenario, spec: &AccountSpec) -> Account {
    let source = spec
        .sandbox_of
        .as_deref()
        .and_then(|p| scenario.accounts.iter().find(|a| a.id == p));
    let features: Vec<String> = inherit(&spec.features, source, |a| &a.features);
    let roles: Vec<RoleSpec> = inherit(&spec.roles, source, |a| &a.roles);
    let employees: Vec<EmployeeSpec> = inherit(&spec.employees, source, |a| &a.employees);
    let integrations = inherit(&spec.integrations, source, |a| &a.integrations);
    let records = inherit(&spec.records, source, |a| &a.records);
    let restlets = inherit(&spec.restlets, source, |a| &a.restlets);
    Account {
        id: spec.id.clone(),
        company_name: spec.company_name.clone(),
        kind: spec.kind,
        features: features.into_iter().collect(),
        roles: roles.into_iter().map(|r| (r.id, r)).collect(),
        employees: employees.into_iter().map(|e| (e.id, e)).collect(),
        integrations,
        tokens: spec
            .tokens
            .iter()
            .map(|t| (t.id.clone(), t.clone()))
            .collect(),
        records,
        restlets,
        nonces: HashSet::new(),
        oauth2: oauth2::AccountOAuth2State::default(),
        kept: Changes::default(),
    }
}

fn inherit<T: Clone + Default>(
    own: &Option<T>,
    source: Option<&AccountSpec>,
    field: fn(&AccountSpec) -> &Option<T>,
) -> T {
    own.clone()
        .or_else(|| source.and_then(|s| field(s).clone()))
        .unwrap_or_default()
}

impl Account {
    pub fn has_feature(&self, id: &str) -> bool {
        self.features.contains(id)
    }

    pub fn integration_by_key(&self, consumer_key: &str) -> Option<&IntegrationSpec> {
        self.integrations
            .iter()
            .find(|i| i.consumer_key == consumer_key)
    }

    pub fn integration_by_id(&self, id: &str) -> Option<&IntegrationSpec> {
        self.integrations.iter().find(|i| i.id == id)
    }

    /// The host label NetSuite uses for this account: lowercase, `_` → `-`.
    pub fn host_label(&self) -> String {
        host_label(&self.id)
    }
}

pub fn host_label(account_id: &str) -> String {
    account_id.to_ascii_lowercase().replace('_', "-")
}
