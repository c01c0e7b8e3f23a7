//! Shared run-time state of one simulated Intacct company: sessions, paged
//! query results, the rate window, REST grants and the rejection log.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand::distributions::Alphanumeric;
use rand::Rng;
use serde::Serialize;
use time::OffsetDateTime;

use super::memory::Memory;
use super::records::Row;
use super::scenario::{IntacctScenario, User};
use crate::options::SimClock;

const LOG_CAP: usize = 500;

#[derive(Debug, Clone)]
pub struct Session {
    pub user: String,
    pub company: String,
    /// Entity of the session; empty = top level.
    pub location: String,
    pub started: OffsetDateTime,
    pub expires: OffsetDateTime,
}

/// Rows left over from a readByQuery, fetched with readMore.
#[derive(Debug, Clone)]
pub struct PendingResult {
    pub object: String,
    pub rows: Vec<Row>,
    pub fields: Vec<String>,
    pub pagesize: usize,
    pub total: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub seq: u64,
    pub at: String,
    /// `xml`, `oauth2/token`, `objects`…
    pub endpoint: String,
    /// `ok`, or the layer that refused (`control`, `authentication`, `result`, `http`).
    pub outcome: String,
    /// Why, in words (never a secret).
    pub detail: String,
}

#[derive(Debug, Clone)]
pub struct AuthCode {
    pub client_id: String,
    pub redirect_uri: String,
    pub challenge: Option<String>,
    pub user: String,
    pub expires: OffsetDateTime,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub user: String,
    pub entity: String,
    pub expires: OffsetDateTime,
}

pub struct IntacctState {
    pub scenario: IntacctScenario,
    pub clock: SimClock,
    pub latency: Duration,
    pub sessions: Mutex<HashMap<String, Session>>,
    pub pending: Mutex<HashMap<String, PendingResult>>,
    /// Function control IDs already processed under `uniqueid=true`, per sender.
    pub used_controlids: Mutex<HashSet<(String, String)>>,
    pub rate_window: Mutex<VecDeque<Instant>>,
    pub gateway_requests: AtomicU64,
    pub log: Mutex<VecDeque<LogEntry>>,
    log_seq: AtomicU64,
    pub codes: Mutex<HashMap<String, AuthCode>>,
    pub tokens: Mutex<HashMap<String, Token>>,
    /// Passwords an administrator changed (login ID → `kept::key` of it).
    pub changed_passwords: Mutex<HashMap<String, String>>,
    /// Users as changed by an `update`, by login ID.
    pub updated_users: Mutex<HashMap<String, User>>,
    /// Where both are kept across a restart, if anywhere.
    memory: Option<Memory>,
}

impl IntacctState {
    /// `memory`: the folder to keep API changes in (`SimOptions::memory`).
    pub fn new(
        scenario: IntacctScenario,
        clock: SimClock,
        latency: Duration,
        memory: Option<PathBuf>,
    ) -> Self {
        let (memory, users, passwords) = match memory {
            Some(dir) => {
                let (m, users, passwords) = Memory::open(dir.join("intacct.json"), &scenario);
                (Some(m), users, passwords)
            }
            None => (None, HashMap::new(), HashMap::new()),
        };
        Self {
            scenario,
            clock,
            latency,
            sessions: Mutex::default(),
            pending: Mutex::default(),
            used_controlids: Mutex::default(),
            rate_window: Mutex::default(),
            gateway_requests: AtomicU64::new(0),
            log: Mutex::default(),
            log_seq: AtomicU64::new(0),
            codes: Mutex::default(),
            tokens: Mutex::default(),
            changed_passwords: Mutex::new(passwords),
            updated_users: Mutex::new(users),
            memory,
        }
    }

    /// Writes the users' changes and changed passwords, when they are kept.
    pub fn keep(&self) {
        if let Some(memory) = &self.memory {
            memory.save(&lock(&self.updated_users), &lock(&self.changed_passwords));
        }
    }

    /// A user as the company has them now: the scenario's, with any update applied.
    pub fn user(&self, login_id: &str) -> Option<User> {
        let user = self.scenario.find_user(login_id)?;
        let updated = lock(&self.updated_users).get(&user.login_id).cloned();
        Some(updated.unwrap_or_else(|| user.clone()))
    }

    /// Every user as the company has them now, in the scenario's order (RECORDNO).
    pub fn users(&self) -> Vec<User> {
        let updated = lock(&self.updated_users);
        self.scenario
            .users
            .iter()
            .map(|u| updated.get(&u.login_id).unwrap_or(u).clone())
            .collect()
    }

    /// Rows of `object` with the users' updates applied.
    pub fn rows_of(&self, object: &str) -> Option<Vec<Row>> {
        if lock(&self.updated_users).is_empty() {
            return self.scenario.rows_of(object);
        }
        let mut now = self.scenario.clone();
        now.users = self.users();
        now.rows_of(object)
    }

    /// Whether `password` is the user's current one (changed, or as in the scenario).
    pub fn password_matches(
        &self,
        login_id: &str,
        scenario_password: &str,
        password: &str,
    ) -> bool {
        match lock(&self.changed_passwords).get(login_id) {
            Some(changed) => *changed == crate::kept::key(password),
            None => scenario_password == password,
        }
    }

    /// The artificial latency of `SimOptions`, on every ERP request.
    pub async fn delay(&self) {
        if !self.latency.is_zero() {
            tokio::time::sleep(self.latency).await;
        }
    }

    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    pub fn record(&self, endpoint: &str, outcome: &str, detail: impl Into<String>) {
        let entry = LogEntry {
            seq: self.log_seq.fetch_add(1, Ordering::Relaxed) + 1,
            at: super::timestamp(self.now()),
            endpoint: endpoint.into(),
            outcome: outcome.into(),
            detail: detail.into(),
        };
        let mut log = lock(&self.log);
        if log.len() == LOG_CAP {
            log.pop_front();
        }
        log.push_back(entry);
    }
}

/// Locks a mutex, carrying on past a panic in another request.
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

pub fn random_id(len: usize) -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}
