//! A scenario: one TOML file describing the simulated NetSuite and/or Intacct
//! setup (what is configured, and what is wrong with it), plus the practice-only
//! credentials a client needs to log in to it.

use serde::Deserialize;

use crate::{intacct::IntacctScenario, merge, netsuite::NetSuiteScenario};

include!(concat!(env!("OUT_DIR"), "/builtin_scenarios.rs"));

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub title: String,
    /// What is wrong, in plain words, and what Onramp should tell the user.
    pub description: String,
    /// Check ids (`netsuite.auth`, `intacct.sender`...) that must fail against it.
    #[serde(default, alias = "expected")]
    pub expect_failing: Vec<String>,
    /// Name of a built-in scenario this one amends (see `merge`).
    #[serde(default)]
    pub extends: Option<String>,
    /// How the user puts it right; every scenario that expects a failure has one.
    #[serde(default)]
    pub fix: Option<Fix>,
    pub netsuite: Option<NetSuiteScenario>,
    pub intacct: Option<IntacctScenario>,
}

/// What the user changes to put a fault right, where, and what the simulated
/// account looks like afterwards. Practice mode restarts the simulator with
/// that account: the simulator stays as strict as before, the account changed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    /// The change, in plain words, as the user would make it.
    pub change: String,
    /// The ERP menu path, or `Onramp > ...` when the change is in the setup.
    #[serde(rename = "where")]
    pub where_: String,
    /// The built-in scenario the account matches after the change.
    #[serde(default)]
    pub becomes: Option<String>,
    /// How the account differs after the change (over `becomes`, or over this
    /// scenario), merged like `extends`.
    #[serde(default)]
    pub patch: Option<toml::Table>,
    /// The change is to what the user typed in Onramp, not to the account.
    #[serde(default)]
    pub setup: Option<SetupFix>,
    /// The change issues new credentials (a new token, the right password):
    /// the user stores them again on the Credentials step.
    #[serde(default)]
    pub new_credentials: bool,
}

/// Setup values the user corrects in Onramp.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetupFix {
    /// NetSuite account ID or Intacct company ID.
    pub account_id: Option<String>,
    /// Intacct entity.
    pub entity_id: Option<String>,
}

impl Fix {
    /// Whether the simulated account itself changes.
    pub fn changes_account(&self) -> bool {
        self.becomes.is_some() || self.patch.is_some()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    #[error("no built-in scenario named {0:?}; try `onramp-cli sim list`")]
    UnknownBuiltin(String),
    #[error("scenario {name} is not valid: {detail}")]
    Invalid { name: String, detail: String },
    #[error("scenario {name} extends itself through {chain}")]
    ExtendsLoop { name: String, chain: String },
}

/// A built-in scenario's name and headline, for pickers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinInfo {
    /// `netsuite/happy`, `intacct/rate-limited`...
    pub name: String,
    pub title: String,
    pub description: String,
}

impl Scenario {
    /// Parses a scenario file; `name` only labels error messages.
    pub fn from_toml_str(name: &str, text: &str) -> Result<Self, ScenarioError> {
        let value = resolve(name, text, &mut Vec::new())?;
        value
            .try_into()
            .map_err(|e: toml::de::Error| invalid(name, e))
    }

    /// A scenario shipped with the app, by name (`netsuite/happy`).
    pub fn builtin(name: &str) -> Result<Self, ScenarioError> {
        let text = builtin_text(name).ok_or_else(|| ScenarioError::UnknownBuiltin(name.into()))?;
        Self::from_toml_str(name, text)
    }

    /// A built-in scenario as it is after the user made its fix: the account
    /// it `becomes` and/or its `patch`; unchanged when the fix is in Onramp.
    /// Keeps the scenario's title and description, and expects nothing to fail.
    pub fn builtin_fixed(name: &str) -> Result<Self, ScenarioError> {
        let text = builtin_text(name).ok_or_else(|| ScenarioError::UnknownBuiltin(name.into()))?;
        let mut value = resolve(name, text, &mut Vec::new())?;
        let fix = Self::from_toml_str(name, text)?
            .fix
            .ok_or_else(|| invalid(name, "it has no fix to apply"))?;
        if let Some(target) = &fix.becomes {
            let target_text = builtin_text(target)
                .ok_or_else(|| ScenarioError::UnknownBuiltin(target.clone()))?;
            let mut base = resolve(target, target_text, &mut vec![name.to_string()])?;
            for key in ["title", "description"] {
                if let (Some(t), Some(v)) = (base.as_table_mut(), value.get(key)) {
                    t.insert(key.into(), v.clone());
                }
            }
            value = base;
        }
        if let Some(patch) = fix.patch {
            merge::merge(&mut value, toml::Value::Table(patch));
        }
        if let Some(t) = value.as_table_mut() {
            t.remove("fix");
            t.remove("extends");
            t.insert("expect_failing".into(), toml::Value::Array(Vec::new()));
        }
        value
            .try_into()
            .map_err(|e: toml::de::Error| invalid(name, e))
    }

    /// Every built-in scenario, sorted by name. Entries that fail to parse are
    /// skipped here; `builtin` reports their error (and a unit test forbids them).
    pub fn list_builtin() -> Vec<BuiltinInfo> {
        BUILTIN
            .iter()
            .filter_map(|(name, _)| {
                let s = Self::builtin(name).ok()?;
                Some(BuiltinInfo {
                    name: (*name).to_string(),
                    title: s.title,
                    description: s.description,
                })
            })
            .collect()
    }

    /// The names of all built-in scenarios, whether or not they parse.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }
}

fn builtin_text(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_end_matches(".toml");
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Parses `text` and applies it over the scenario it `extends`, recursively.
fn resolve(name: &str, text: &str, chain: &mut Vec<String>) -> Result<toml::Value, ScenarioError> {
    let value: toml::Value = toml::from_str(text).map_err(|e| invalid(name, e))?;
    let Some(parent) = value.get("extends").and_then(|v| v.as_str()) else {
        return Ok(value);
    };
    if chain.iter().any(|c| c == parent) || parent == name {
        chain.push(parent.to_string());
        return Err(ScenarioError::ExtendsLoop {
            name: name.into(),
            chain: chain.join(" → "),
        });
    }
    chain.push(parent.to_string());
    let parent_text =
        builtin_text(parent).ok_or_else(|| ScenarioError::UnknownBuiltin(parent.into()))?;
    let mut base = resolve(parent, parent_text, chain)?;
    if let Some(t) = base.as_table_mut() {
        // What a scenario expects to fail, and its fix, are its own, never inherited.
        t.remove("expect_failing");
        t.remove("fix");
    }
    merge::merge(&mut base, value);
    Ok(base)
}

fn invalid(name: &str, e: impl std::fmt::Display) -> ScenarioError {
    ScenarioError::Invalid {
        name: name.into(),
        detail: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parses_and_describes_itself() {
        let names: Vec<_> = Scenario::builtin_names().collect();
        assert!(names.contains(&"netsuite/happy"), "{names:?}");
        for name in names {
            let s = Scenario::builtin(name).unwrap_or_else(|e| panic!("{e}"));
            assert!(!s.title.trim().is_empty(), "{name} has no title");
            assert!(
                !s.description.trim().is_empty(),
                "{name} has no description"
            );
            if name.starts_with("netsuite/") {
                assert!(s.netsuite.is_some(), "{name} has no [netsuite] section");
            }
        }
        assert_eq!(
            Scenario::list_builtin().len(),
            Scenario::builtin_names().count()
        );
    }

    #[test]
    fn unknown_names_and_bad_files_are_explained() {
        assert!(matches!(
            Scenario::builtin("netsuite/nope"),
            Err(ScenarioError::UnknownBuiltin(_))
        ));
        let e = Scenario::from_toml_str("x.toml", "title = 1").unwrap_err();
        assert!(e.to_string().contains("x.toml"), "{e}");
        let e = Scenario::from_toml_str("x.toml", "title=\"t\"\ndescription=\"d\"\nbogus=1")
            .unwrap_err();
        assert!(e.to_string().contains("bogus"), "{e}");
    }

    #[test]
    fn extends_starts_from_the_parent_but_not_its_expectations() {
        let s = Scenario::from_toml_str(
            "child",
            "extends = \"netsuite/happy\"\ntitle = \"Child\"\ndescription = \"d\"",
        )
        .unwrap();
        assert_eq!(s.title, "Child");
        assert!(s.expect_failing.is_empty());
        assert!(s.netsuite.is_some());
        let e = Scenario::from_toml_str("loop", "extends = \"loop\"").unwrap_err();
        assert!(matches!(e, ScenarioError::ExtendsLoop { .. }), "{e}");
    }

    #[test]
    fn every_fault_scenario_says_how_to_fix_it_and_the_fix_resolves() {
        let mut faults = 0;
        for name in Scenario::builtin_names() {
            let s = Scenario::builtin(name).unwrap();
            if s.expect_failing.is_empty() {
                assert!(
                    s.fix.is_none(),
                    "{name} fails nothing, so has nothing to fix"
                );
                continue;
            }
            faults += 1;
            let fix = s.fix.unwrap_or_else(|| panic!("{name} has no [fix]"));
            assert!(!fix.change.trim().is_empty(), "{name}: empty change");
            assert!(fix.where_.contains(" > "), "{name}: where is not a path");
            assert!(
                fix.changes_account() || fix.setup.is_some(),
                "{name}: the fix changes neither the account nor the setup"
            );
            let fixed = Scenario::builtin_fixed(name).unwrap_or_else(|e| panic!("{e}"));
            assert!(fixed.expect_failing.is_empty(), "{name}");
            assert!(fixed.fix.is_none(), "{name}");
            assert_eq!(fixed.title, s.title, "{name} keeps its title");
            assert_eq!(fixed.netsuite.is_some(), s.netsuite.is_some(), "{name}");
            assert_eq!(fixed.intacct.is_some(), s.intacct.is_some(), "{name}");
        }
        assert!(faults >= 12, "only {faults} fault scenarios");
    }

    #[test]
    fn a_fix_changes_exactly_what_the_user_changed() {
        // Becomes: the account is the happy one again.
        let fixed = Scenario::builtin_fixed("intacct/missing-ar-permission").unwrap();
        let happy = Scenario::builtin("intacct/happy").unwrap();
        assert_eq!(
            format!("{:?}", fixed.intacct),
            format!("{:?}", happy.intacct)
        );
        // Patch: the sender is authorised, and still the one the user holds.
        let before = Scenario::builtin("intacct/sender-not-authorized").unwrap();
        let after = Scenario::builtin_fixed("intacct/sender-not-authorized").unwrap();
        let authorised = |s: &Scenario| {
            let company = &s.intacct.as_ref().unwrap().company;
            company
                .authorized_senders
                .iter()
                .any(|a| a.id == "acme_sync" && a.active)
        };
        assert!(!authorised(&before) && authorised(&after));
        assert_eq!(
            after.intacct.unwrap().practice.sender_id,
            before.intacct.unwrap().practice.sender_id
        );
        // New credentials: the revoked token stays revoked; the client holds a new one.
        let before = Scenario::builtin("netsuite/revoked-token").unwrap();
        let after = Scenario::builtin_fixed("netsuite/revoked-token").unwrap();
        let (b, a) = (before.netsuite.unwrap(), after.netsuite.unwrap());
        assert_ne!(a.client.token_id, b.client.token_id);
        let tokens = |n: &NetSuiteScenario| format!("{:?}", n.accounts);
        assert!(
            tokens(&a).contains("revoked: true")
                && tokens(&a).contains(a.client.token_id.as_deref().unwrap())
        );
        // In Onramp: the account is unchanged, the setup is corrected.
        let s = Scenario::builtin("intacct/wrong-company").unwrap();
        let fix = s.fix.unwrap();
        assert!(!fix.changes_account());
        assert_eq!(
            fix.setup.unwrap().account_id.as_deref(),
            Some("onramp-practice")
        );
    }

    #[test]
    fn fixes_are_not_inherited_and_a_scenario_without_one_cannot_be_fixed() {
        let child = Scenario::from_toml_str(
            "child",
            "extends = \"intacct/missing-ar-permission\"\ntitle = \"C\"\ndescription = \"d\"",
        )
        .unwrap();
        assert!(child.fix.is_none());
        let e = Scenario::builtin_fixed("netsuite/happy").unwrap_err();
        assert!(e.to_string().contains("no fix"), "{e}");
    }
}
