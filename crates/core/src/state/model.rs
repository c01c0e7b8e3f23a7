//! The stored state: setups and consultant clients. Nothing secret lives here;
//! a setup's credentials are in the keychain under `SecretKey { setup_id, name }`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;

use super::fields::SetupFields;
use super::StateError;
use crate::clock::now_rfc3339;
use crate::profile::{AuthMethod, Erp};
use crate::runner::RunSummary;
use crate::verdict::RunVerdict;

/// The schema this build writes; older files are migrated on load.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AppState {
    pub schema_version: u32,
    #[serde(default)]
    pub setups: Vec<Setup>,
    #[serde(default)]
    pub clients: Vec<Client>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            setups: Vec::new(),
            clients: Vec::new(),
        }
    }
}

/// A consultant's workspace for one customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Client {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub notes: String,
    pub created_at: String,
    /// When the client was archived (RFC 3339, UTC): hidden from the home
    /// list until unarchived; nothing is deleted.
    #[serde(default)]
    pub archived_at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Environment {
    Production,
    Sandbox,
    TestDrive,
    ReleasePreview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct StepState {
    pub status: StepStatus,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Setup {
    pub id: String,
    pub erp: Erp,
    pub label: String,
    pub client_id: Option<String>,
    pub environment: Environment,
    /// `Some(scenario)`: Practice mode against the built-in simulator.
    pub practice_scenario: Option<String>,
    /// NetSuite account as a realm (`123456_SB1`) or Intacct company ID.
    pub account_id: String,
    /// Intacct entity (location ID) in multi-entity companies.
    pub entity_id: Option<String>,
    pub profile_id: Option<String>,
    pub auth_method: Option<AuthMethod>,
    pub current_step: String,
    #[serde(default)]
    pub steps: BTreeMap<String, StepState>,
    /// Non-secret values the user entered or Onramp recorded, typed.
    #[serde(default)]
    pub fields: SetupFields,
    pub last_run: Option<RunSummary>,
    pub created_at: String,
    pub updated_at: String,
    /// What Onramp changed in the ERP with an administrator's consent, oldest first.
    #[serde(default)]
    pub admin_changes: Vec<AdminChange>,
    /// When the setup was archived (RFC 3339, UTC): hidden from the home list
    /// until unarchived; its keychain items and runs stay.
    #[serde(default)]
    pub archived_at: Option<String>,
}

/// One change Onramp made in the ERP for the person, after they saw the list
/// of changes and clicked: who consented, when, and what NetSuite answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AdminChange {
    /// RFC 3339, UTC.
    pub at: String,
    /// The administrator whose sign-in made the change (email or user ID).
    pub consented_by: String,
    /// "Create the integration employee", "Deactivate the integration user"...
    pub action: String,
    /// The changes as they were previewed, one plain sentence each.
    pub changes: Vec<String>,
    /// What was read back to prove it ("employee 101: active, access given").
    pub outcome: String,
}

/// What the "new setup" form sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NewSetup {
    pub erp: Erp,
    pub label: String,
    pub client_id: Option<String>,
    pub account_id: String,
    pub entity_id: Option<String>,
    pub practice_scenario: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum SetupStatus {
    NotStarted,
    InProgress,
    Validated,
    Failing,
}

/// One row of the setups list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct SetupSummary {
    pub id: String,
    pub erp: Erp,
    pub label: String,
    pub client_id: Option<String>,
    pub environment: Environment,
    pub practice_scenario: Option<String>,
    pub account_id: String,
    pub entity_id: Option<String>,
    pub current_step: String,
    pub status: SetupStatus,
    pub updated_at: String,
    pub last_run: Option<RunSummary>,
    pub archived_at: Option<String>,
}

impl Setup {
    /// Builds a new setup from the form, trimming pasted whitespace. The ERP
    /// crate has already spelled the account as the ERP does (NetSuite realm)
    /// and told its `environment`; core keeps no second copy of those rules.
    pub fn create(input: NewSetup, environment: Environment) -> Result<Setup, StateError> {
        let account_id = trimmed_account(input.erp, &input.account_id)?;
        let label = match input.label.trim() {
            "" => format!("{} {account_id}", erp_name(input.erp)),
            label => label.to_owned(),
        };
        let now = now_rfc3339();
        Ok(Setup {
            id: uuid::Uuid::new_v4().to_string(),
            erp: input.erp,
            label,
            client_id: non_empty(input.client_id),
            environment,
            practice_scenario: non_empty(input.practice_scenario),
            account_id,
            entity_id: non_empty(input.entity_id),
            profile_id: None,
            auth_method: None,
            current_step: first_step(input.erp).to_owned(),
            steps: BTreeMap::new(),
            fields: SetupFields::default(),
            last_run: None,
            created_at: now.clone(),
            updated_at: now,
            admin_changes: Vec::new(),
            archived_at: None,
        })
    }

    /// Failing if a step or the last run failed; validated once a complete run
    /// passed; in progress as soon as anything was done.
    pub fn status(&self) -> SetupStatus {
        let step_failed = self.steps.values().any(|s| s.status == StepStatus::Failed);
        match &self.last_run {
            Some(run) if run.failed > 0 => SetupStatus::Failing,
            _ if step_failed => SetupStatus::Failing,
            // A run that proved nothing (every check skipped) validates nothing.
            Some(run) if RunVerdict::of_summary(run) == RunVerdict::AllPassed => {
                SetupStatus::Validated
            }
            Some(_) => SetupStatus::InProgress,
            None if self
                .steps
                .values()
                .any(|s| s.status != StepStatus::NotStarted) =>
            {
                SetupStatus::InProgress
            }
            None => SetupStatus::NotStarted,
        }
    }

    /// Records a step's new status, stamping it and the setup with the time.
    pub fn set_step(&mut self, step: &str, status: StepStatus) {
        let now = now_rfc3339();
        self.steps.insert(
            step.to_owned(),
            StepState {
                status,
                updated_at: now.clone(),
            },
        );
        self.updated_at = now;
    }

    /// Marks the setup as changed now (call before saving an edited setup).
    pub fn touch(&mut self) {
        self.updated_at = now_rfc3339();
    }

    pub fn summary(&self) -> SetupSummary {
        SetupSummary {
            id: self.id.clone(),
            erp: self.erp,
            label: self.label.clone(),
            client_id: self.client_id.clone(),
            environment: self.environment,
            practice_scenario: self.practice_scenario.clone(),
            account_id: self.account_id.clone(),
            entity_id: self.entity_id.clone(),
            current_step: self.current_step.clone(),
            status: self.status(),
            updated_at: self.updated_at.clone(),
            last_run: self.last_run.clone(),
            archived_at: self.archived_at.clone(),
        }
    }
}

/// The first wizard step of each flow (product.md: "Account" / "Company").
pub fn first_step(erp: Erp) -> &'static str {
    match erp {
        Erp::Netsuite => "account",
        Erp::Intacct => "company",
    }
}

fn erp_name(erp: Erp) -> &'static str {
    match erp {
        Erp::Netsuite => "NetSuite",
        Erp::Intacct => "Sage Intacct",
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// The account as one trimmed word; its ERP-specific spelling is the ERP crate's.
fn trimmed_account(erp: Erp, raw: &str) -> Result<String, StateError> {
    let trimmed = raw.trim();
    let what = match erp {
        Erp::Netsuite => "NetSuite account ID",
        Erp::Intacct => "Sage Intacct company ID",
    };
    if trimmed.is_empty() {
        return Err(StateError::Invalid(format!(
            "the {what} is empty; copy it from {}",
            match erp {
                Erp::Netsuite => "Setup > Company > Company Information (Account ID)",
                Erp::Intacct => "the sign-in page or Company > Company information",
            }
        )));
    }
    if let Some(bad) = trimmed.chars().find(|c| c.is_whitespace()) {
        return Err(StateError::Invalid(format!(
            "the {what} {trimmed:?} contains a space or line break ({bad:?}); it is a single word"
        )));
    }
    Ok(trimmed.to_owned())
}
