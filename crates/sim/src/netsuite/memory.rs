//! What a simulated NetSuite account keeps when its simulator restarts: what
//! happened in it through the APIs — the OAuth 2.0 grants it issued, its M2M
//! certificate mappings, employees created or changed, TBA tokens revoked. A
//! real account keeps all of it, so a Practice connection made yesterday must
//! still work after the app restarts, and an offboarded user stay offboarded.
//! Practice mode gives each setup's simulator a folder for this
//! (`SimOptions::memory`; `netsuite.json` in it). Grants and token IDs are filed by hash
//! (`kept::key`), so the file holds no usable token. Only API changes are
//! kept: the scenario (and a practice fix, which changes it) stays the base.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::model::EmployeeSpec;
use super::oauth2::{self, AccessGrant, CertificateMapping, CodeGrant, RefreshGrant};
use super::state::Account;
use crate::kept::KeptFile;

/// Ended grants are kept a while, so an expired token is refused as expired
/// (NetSuite's own Detail) rather than as unknown.
const KEEP_ENDED: Duration = Duration::days(1);
const VERSION: u32 = 1;

/// What changed in an account through the APIs in this run, to keep.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub employees: BTreeSet<u64>,
    /// TBA token IDs, by key.
    pub revoked_tokens: BTreeSet<String>,
}

/// One account as the file holds it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptAccount {
    /// `None` while OAuth 2.0 was never used: the scenario's mappings apply.
    oauth2: Option<KeptGrants>,
    employees: BTreeMap<u64, EmployeeSpec>,
    revoked_tokens: BTreeSet<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptGrants {
    codes: BTreeMap<String, CodeGrant>,
    refresh_tokens: BTreeMap<String, RefreshGrant>,
    access_tokens: BTreeMap<String, AccessGrant>,
    certificates: Vec<CertificateMapping>,
}

/// The memory of one simulator's accounts.
#[derive(Debug)]
pub struct Memory(KeptFile);

impl Memory {
    /// Reads what an earlier run kept into the freshly built `accounts`; the
    /// ids of the accounts whose OAuth 2.0 state came back.
    pub fn open(
        path: PathBuf,
        accounts: &mut BTreeMap<String, Account>,
    ) -> (Self, HashSet<String>) {
        let (file, kept) = KeptFile::open::<BTreeMap<String, KeptAccount>>(path, VERSION);
        let mut restored = HashSet::new();
        for (id, kept) in kept {
            if let Some(account) = accounts.get_mut(&id) {
                if kept.restore(account) {
                    restored.insert(id);
                }
            }
        }
        (Self(file), restored)
    }

    /// Writes the accounts' kept state if it changed.
    pub fn save(&self, accounts: &BTreeMap<String, Account>, now: OffsetDateTime) {
        let kept: BTreeMap<_, _> = accounts
            .iter()
            .map(|(id, a)| (id.clone(), KeptAccount::of(a, now)))
            .collect();
        self.0.save(&kept);
    }
}

impl KeptAccount {
    /// What is worth keeping: the API's changes, and grants not ended more
    /// than `KEEP_ENDED` ago.
    fn of(a: &Account, now: OffsetDateTime) -> Self {
        let live = |expires_at: OffsetDateTime| expires_at + KEEP_ENDED > now;
        let o = &a.oauth2;
        Self {
            oauth2: o.initialized.then(|| KeptGrants {
                codes: keep(&o.codes, |g| g.expires_at > now),
                refresh_tokens: keep(&o.refresh_tokens, |g| live(g.expires_at)),
                access_tokens: keep(&o.access_tokens, |g| live(g.expires_at)),
                certificates: o.certificates.clone(),
            }),
            employees: a
                .kept
                .employees
                .iter()
                .filter_map(|id| a.employees.get(id).map(|e| (*id, e.clone())))
                .collect(),
            revoked_tokens: a.kept.revoked_tokens.clone(),
        }
    }

    /// Applies what was kept to an account built from the scenario; true when
    /// its OAuth 2.0 state came back.
    fn restore(self, a: &mut Account) -> bool {
        for (id, employee) in self.employees {
            a.employees.insert(id, employee);
            a.kept.employees.insert(id);
        }
        for token in a.tokens.values_mut() {
            if self.revoked_tokens.contains(&oauth2::key(&token.id)) {
                token.revoked = true;
            }
        }
        a.kept.revoked_tokens = self.revoked_tokens;
        let Some(g) = self.oauth2 else {
            return false;
        };
        let o = &mut a.oauth2;
        o.initialized = true;
        (o.codes, o.refresh_tokens, o.access_tokens) = (g.codes, g.refresh_tokens, g.access_tokens);
        o.certificates = g.certificates;
        true
    }
}

fn keep<G: Clone>(grants: &BTreeMap<String, G>, keep: impl Fn(&G) -> bool) -> BTreeMap<String, G> {
    grants
        .iter()
        .filter(|(_, g)| keep(g))
        .map(|(k, g)| (k.clone(), g.clone()))
        .collect()
}
