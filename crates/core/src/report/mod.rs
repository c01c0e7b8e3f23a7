//! The setup report: one run's checks, what was observed, the steps and expiry
//! dates, as a versioned JSON `RunRecord` (what `--save` writes and the app
//! exports) and as one self-contained HTML page rendered from it. Built only
//! from non-secret types, so no credential can appear in either.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::check::CheckResult;
use crate::observed::{Observed, SetupFacts, SetupProfile};
use crate::runner::RunSummary;
use crate::state::StepStatus;

mod html;
mod pdf;
mod store;
#[cfg(test)]
mod store_tests;
#[cfg(test)]
pub(crate) mod tests;

pub use crate::observed::parse::parse_run_record;
pub use html::render_html;
pub use pdf::{render_pdf, PdfOptions};
pub use store::{RunRef, RunStore, KEEP_PER_SETUP};

pub const RUN_RECORD_SCHEMA_VERSION: u32 = 1;
pub const RUN_RECORD_KIND: &str = "onramp-run-record";

/// The one time a generated M2M private key left the keychain, for a
/// connector that takes it pasted in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct KeyHandoff {
    /// RFC 3339, UTC.
    pub at: String,
    /// The file written.
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct RunRecord {
    pub schema_version: u32,
    pub kind: String,
    pub setup: SetupFacts,
    #[serde(default)]
    pub summary: Option<RunSummary>,
    pub checks: Vec<CheckResult>,
    pub observed: Observed,
    /// Wizard steps with their status and who/when (the app fills these).
    #[serde(default)]
    pub steps: Vec<StepRecord>,
    /// Certificates, refresh tokens, sessions: what expires and when.
    #[serde(default)]
    pub expiries: Vec<Expiry>,
    /// Changes Onramp made in the ERP with an administrator's consent.
    #[serde(default)]
    pub changes: Vec<crate::state::AdminChange>,
    /// When the M2M private key was written out for the connector, and where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_handoff: Option<KeyHandoff>,
    /// What the run cost the account's shared request pool.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traffic: Option<crate::http::TrafficStats>,
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub app_version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    pub id: String,
    pub title: String,
    pub status: StepStatus,
    /// Who marked it (a name the user typed; never an account credential).
    #[serde(default)]
    pub by: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Expiry {
    /// e.g. "M2M certificate (id abc…)", "OAuth 2.0 refresh token".
    pub what: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
}

impl RunRecord {
    pub fn new(
        setup: SetupFacts,
        observed: Observed,
        checks: Vec<CheckResult>,
        summary: Option<RunSummary>,
    ) -> Self {
        Self {
            schema_version: RUN_RECORD_SCHEMA_VERSION,
            kind: RUN_RECORD_KIND.into(),
            setup,
            summary,
            checks,
            observed,
            steps: Vec::new(),
            expiries: Vec::new(),
            changes: Vec::new(),
            key_handoff: None,
            traffic: None,
            generated_at: crate::clock::now_rfc3339(),
            app_version: env!("CARGO_PKG_VERSION").into(),
        }
    }

    /// The setup profile of this run (what support imports and reproduces).
    pub fn setup_profile(&self) -> SetupProfile {
        let mut p = SetupProfile::new(
            self.setup.clone(),
            self.observed.clone(),
            self.checks.clone(),
        );
        // Observed when the run happened, by the version that ran it.
        p.app_version.clone_from(&self.app_version);
        p.generated_at.clone_from(&self.generated_at);
        p
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a run record always serialises")
    }

    pub fn to_html(&self) -> String {
        render_html(self)
    }
}
