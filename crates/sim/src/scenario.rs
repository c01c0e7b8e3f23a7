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
    pub netsuite: Option<NetSuiteScenario>,
    pub intacct: Option<IntacctScenario>,
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
        // What a scenario expects to fail is its own, never inherited.
        t.remove("expect_failing");
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
}
