//! The Login Audit Trail (Setup > Users/Roles > User Management > View Login
//! Audit Trail): NetSuite answers every failed login with the same INVALID_LOGIN
//! body and records the real reason here, in the Detail column.

use std::{collections::VecDeque, sync::Mutex};

use serde::Serialize;

/// Oldest rows are dropped beyond this, like a bounded saved search.
const MAX_ROWS: usize = 2000;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AuditRow {
    /// RFC 3339, simulated clock.
    pub date: String,
    /// Account whose trail this row belongs to (the host's account).
    pub account: String,
    /// User email, empty when the login could not be tied to a user.
    pub email: String,
    /// Role name, empty when unknown.
    pub role: String,
    /// `Success` or `Failure`.
    pub status: &'static str,
    /// NetSuite's detail code: `InvalidSignature`, `token_rejected`...
    pub detail: String,
    /// Token name (TBA) or empty.
    pub token: String,
    /// Integration record name.
    pub application: String,
    /// Real request URL (method and `https://host/path`).
    pub request: String,
    /// What the simulator adds for the learner when NetSuite's own wording is
    /// undocumented; empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sim_note: String,
}

#[derive(Default)]
pub struct AuditTrail {
    rows: Mutex<VecDeque<AuditRow>>,
}

impl AuditTrail {
    pub fn push(&self, row: AuditRow) {
        tracing::debug!(account = %row.account, status = row.status, detail = %row.detail, "login audit");
        let mut rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
        if rows.len() == MAX_ROWS {
            rows.pop_front();
        }
        rows.push_back(row);
    }

    /// Newest first, as the NetSuite page lists them.
    pub fn rows(&self) -> Vec<AuditRow> {
        let rows = self.rows.lock().unwrap_or_else(|e| e.into_inner());
        rows.iter().rev().cloned().collect()
    }
}
