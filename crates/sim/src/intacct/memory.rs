//! What a simulated Sage Intacct company keeps when its simulator restarts:
//! users changed through `update` (status and entity restrictions, as an
//! offboarding leaves them) and passwords an administrator changed, by hash.
//! The real company keeps both, so a practice offboarding or password rotation
//! must survive a restart of the app. Only these API changes are kept: the
//! scenario stays the base.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::scenario::{IntacctScenario, User, UserStatus};
use crate::kept::KeptFile;

const VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kept {
    /// By login ID.
    users: BTreeMap<String, UserChange>,
    /// Login ID → the new password's `kept::key`; never the password.
    passwords: BTreeMap<String, String>,
}

/// What `update` changes on a user.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserChange {
    status: UserStatus,
    entities: Vec<String>,
}

#[derive(Debug)]
pub struct Memory(KeptFile);

impl Memory {
    /// What an earlier run kept, as the state holds it: updated users (the
    /// scenario's user with the kept change) and changed passwords' keys.
    pub fn open(
        dir: PathBuf,
        scenario: &IntacctScenario,
    ) -> (Self, HashMap<String, User>, HashMap<String, String>) {
        let (file, kept) = KeptFile::open::<Kept>(dir, VERSION);
        let users = kept
            .users
            .into_iter()
            .filter_map(|(login, change)| {
                let mut user = scenario.find_user(&login)?.clone();
                (user.status, user.entities) = (change.status, change.entities);
                Some((user.login_id.clone(), user))
            })
            .collect();
        (Self(file), users, kept.passwords.into_iter().collect())
    }

    pub fn save(&self, users: &HashMap<String, User>, passwords: &HashMap<String, String>) {
        let kept = Kept {
            users: users
                .iter()
                .map(|(login, u)| {
                    let change = UserChange {
                        status: u.status,
                        entities: u.entities.clone(),
                    };
                    (login.clone(), change)
                })
                .collect(),
            passwords: passwords
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        };
        self.0.save(&kept);
    }
}
