//! "Reproduce in Practice mode": a scenario built from a customer's exported
//! setup profile, so support sees the same failing checks offline. The model
//! copies what was observed (role permissions and levels, features, user and
//! integration flags, token, sender, user type, entity access); the
//! credentials are freshly generated practice values, since a profile never
//! carries the customer's.

mod intacct;
mod netsuite;
#[cfg(test)]
mod tests;

use onramp_core::observed::{Observed, SetupProfile};
use rand::RngCore;

use crate::scenario::{Scenario, ScenarioError};

#[derive(Debug, thiserror::Error)]
pub enum ReproduceError {
    #[error("the setup profile cannot be reproduced: {0}")]
    Unsupported(String),
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
}

impl Scenario {
    /// A scenario whose simulated account or company behaves like the one the
    /// profile describes; `expect_failing` is the profile's failing check ids.
    pub fn from_setup_profile(profile: &SetupProfile) -> Result<Self, ReproduceError> {
        Self::from_toml_str("reproduced setup profile", &scenario_toml(profile)?)
            .map_err(Into::into)
    }
}

/// The scenario as TOML text (so support can save, read and tweak it).
pub fn scenario_toml(profile: &SetupProfile) -> Result<String, ReproduceError> {
    let mut doc = toml::Table::new();
    let setup = &profile.setup;
    let place = match &setup.entity_id {
        Some(e) => format!("{} (entity {e})", setup.account_id),
        None => setup.account_id.clone(),
    };
    doc.insert(
        "title".into(),
        format!("Reproduced: {} {place}", erp_name(&profile.observed)).into(),
    );
    doc.insert(
        "description".into(),
        format!(
            "Built from a setup profile exported on {} by Onramp {}. Failing when exported: {}.",
            profile.generated_at,
            profile.app_version,
            list_or_none(&profile.failing_checks())
        )
        .into(),
    );
    doc.insert(
        "expect_failing".into(),
        toml::Value::Array(
            profile
                .failing_checks()
                .into_iter()
                .map(Into::into)
                .collect(),
        ),
    );
    match &profile.observed {
        Observed::Netsuite(ns) => {
            doc.insert("netsuite".into(), netsuite::section(profile, ns)?.into())
        }
        Observed::Intacct(ia) => {
            doc.insert("intacct".into(), intacct::section(profile, ia)?.into())
        }
    };
    toml::to_string(&doc).map_err(|e| ReproduceError::Unsupported(e.to_string()))
}

fn erp_name(o: &Observed) -> &'static str {
    match o {
        Observed::Netsuite(_) => "NetSuite account",
        Observed::Intacct(_) => "Sage Intacct company",
    }
}

fn list_or_none(ids: &[String]) -> String {
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

/// A fresh practice-only credential: 64 hex digits, like NetSuite's keys.
pub(crate) fn practice_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A connector profile's requirements, for parts of the setup that were not observed.
pub(crate) fn connector_profile(
    p: &SetupProfile,
) -> Option<onramp_core::profile::ConnectorProfile> {
    let id = p.setup.connector_profile_id.as_deref()?;
    onramp_core::profile::builtin()
        .into_iter()
        .find(|c| c.id == id)
}
