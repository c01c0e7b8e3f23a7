//! What a simulated NetSuite account keeps when its simulator restarts: the
//! OAuth 2.0 grants it issued and its M2M certificate mappings. A real account
//! keeps them until they expire or are revoked, so a Practice connection made
//! yesterday must still work after the app restarts. Practice mode gives each
//! setup's simulator a file for this (`SimOptions::memory`); grants are filed
//! by hash (`grants::key`), so the file holds no usable token.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use super::grants::{AccessGrant, CodeGrant, RefreshGrant};
use super::{AccountOAuth2State, CertificateMapping};

/// Far above what a setup's account issues (a few grants a run).
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// Ended grants are kept a while, so an expired token is refused as expired
/// (NetSuite's own Detail) rather than as unknown.
const KEEP_ENDED: Duration = Duration::days(1);
const VERSION: u32 = 1;

/// One account's OAuth 2.0 state as the file holds it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptAccount {
    codes: BTreeMap<String, CodeGrant>,
    refresh_tokens: BTreeMap<String, RefreshGrant>,
    access_tokens: BTreeMap<String, AccessGrant>,
    certificates: Vec<CertificateMapping>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kept {
    version: u32,
    accounts: BTreeMap<String, KeptAccount>,
}

/// The memory file of one simulator.
#[derive(Debug)]
pub struct Memory {
    path: PathBuf,
    /// Accounts read from the file and not yet touched in this run.
    unread: Mutex<BTreeMap<String, KeptAccount>>,
    /// What the file holds now, so unchanged state is not written again.
    written: Mutex<Vec<u8>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Memory {
    /// Reads what an earlier run kept. A file that cannot be read is moved
    /// aside (nothing lost) and the account starts with nothing issued, as a
    /// fresh one would: the user connects again.
    pub fn open(path: PathBuf) -> Self {
        let kept = match read(&path) {
            Ok(kept) => kept,
            Err(why) => {
                let moved = onramp_core::state::quarantine(&path);
                tracing::warn!(path = %path.display(), %why, moved = ?moved.ok(), "practice account memory unreadable; starting afresh");
                Kept::default()
            }
        };
        Self {
            path,
            unread: Mutex::new(kept.accounts),
            written: Mutex::default(),
        }
    }

    /// The kept state of an account, the first time it is touched in this run.
    pub fn take(&self, account: &str) -> Option<KeptAccount> {
        lock(&self.unread).remove(account)
    }

    /// Writes the accounts' state if it changed; a failed write is logged and
    /// the simulator keeps serving (only a restart would notice).
    pub fn save<'a>(
        &self,
        accounts: impl Iterator<Item = (&'a String, &'a AccountOAuth2State)>,
        now: OffsetDateTime,
    ) {
        let mut all = lock(&self.unread).clone();
        for (id, state) in accounts.filter(|(_, s)| s.initialized) {
            all.insert(id.clone(), KeptAccount::of(state, now));
        }
        let kept = Kept {
            version: VERSION,
            accounts: all,
        };
        let Ok(bytes) = serde_json::to_vec(&kept) else {
            return;
        };
        let mut written = lock(&self.written);
        if *written == bytes {
            return;
        }
        let result = self
            .path
            .parent()
            .map_or(Ok(()), onramp_core::files::create_private_dir)
            .and_then(|()| onramp_core::state::atomic_write(&self.path, &bytes));
        match result {
            Ok(()) => *written = bytes,
            Err(e) => {
                tracing::warn!(path = %self.path.display(), error = %e, "could not keep the practice account's grants")
            }
        }
    }
}

fn read(path: &Path) -> Result<Kept, String> {
    let bytes = match onramp_core::files::read_capped(
        path,
        MAX_FILE_BYTES,
        "a practice account's memory",
    ) {
        Ok(bytes) => bytes,
        Err(onramp_core::files::ReadError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            return Ok(Kept::default())
        }
        Err(e) => return Err(e.to_string()),
    };
    let kept: Kept = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if kept.version != VERSION {
        return Err(format!("version {} is not {VERSION}", kept.version));
    }
    Ok(kept)
}

impl KeptAccount {
    /// What is worth keeping: grants not ended more than `KEEP_ENDED` ago.
    fn of(state: &AccountOAuth2State, now: OffsetDateTime) -> Self {
        let live = |expires_at: OffsetDateTime| expires_at + KEEP_ENDED > now;
        Self {
            codes: keep(&state.codes, |g| g.expires_at > now),
            refresh_tokens: keep(&state.refresh_tokens, |g| live(g.expires_at)),
            access_tokens: keep(&state.access_tokens, |g| live(g.expires_at)),
            certificates: state.certificates.clone(),
        }
    }

    /// Puts the kept grants and mappings back into a fresh account's state.
    pub fn restore(self, state: &mut AccountOAuth2State) {
        state.codes = self.codes;
        state.refresh_tokens = self.refresh_tokens;
        state.access_tokens = self.access_tokens;
        state.certificates = self.certificates;
    }
}

fn keep<G: Clone>(grants: &BTreeMap<String, G>, keep: impl Fn(&G) -> bool) -> BTreeMap<String, G> {
    grants
        .iter()
        .filter(|(_, g)| keep(g))
        .map(|(k, g)| (k.clone(), g.clone()))
        .collect()
}
