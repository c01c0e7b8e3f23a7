//! Catches scenario mistakes at start-up (a token naming an employee that does
//! not exist...) instead of as a confusing login failure later.

use std::collections::BTreeSet;

use super::{model::NetSuiteScenario, state::NsState};
use crate::options::SimOptions;

impl NetSuiteScenario {
    pub fn validate(&self) -> Result<(), String> {
        let mut ids = BTreeSet::new();
        for a in &self.accounts {
            if !ids.insert(a.id.as_str()) {
                return Err(format!("account {} is listed twice", a.id));
            }
            if let Some(p) = &a.sandbox_of {
                if !self.accounts.iter().any(|x| &x.id == p) {
                    return Err(format!(
                        "account {} is a sandbox of unknown account {p}",
                        a.id
                    ));
                }
            }
        }
        if self.accounts.is_empty() {
            return Err("[netsuite] has no accounts".into());
        }
        let state = NsState::new(self, &SimOptions::default());
        let accounts = state.accounts();
        for a in accounts.values() {
            for e in a.employees.values() {
                if let Some(r) = e.roles.iter().find(|r| !a.roles.contains_key(r)) {
                    return Err(format!(
                        "account {}: employee {} has unknown role {r}",
                        a.id, e.id
                    ));
                }
            }
            for t in a.tokens.values() {
                let what = if !a.employees.contains_key(&t.employee) {
                    Some(format!("employee {}", t.employee))
                } else if !a.roles.contains_key(&t.role) {
                    Some(format!("role {}", t.role))
                } else if a.integration_by_id(&t.integration).is_none() {
                    Some(format!("integration {}", t.integration))
                } else {
                    None
                };
                if let Some(what) = what {
                    return Err(format!(
                        "account {}: token {:?} names unknown {what}",
                        a.id, t.name
                    ));
                }
            }
        }
        Ok(())
    }
}
