//! Reading profiles: the built-in data files embedded at build time, and
//! profiles a consultant imports as TOML or JSON.

use super::{ConnectorProfile, ProfileError};

/// The built-in profiles, in the order the wizard lists them.
const BUILTIN: &[(&str, &str)] = &[
    (
        "netsuite-zuora-billing.toml",
        include_str!("../../../../profiles/netsuite-zuora-billing.toml"),
    ),
    (
        "netsuite-readonly-reporting.toml",
        include_str!("../../../../profiles/netsuite-readonly-reporting.toml"),
    ),
    (
        "intacct-accounting-sync.toml",
        include_str!("../../../../profiles/intacct-accounting-sync.toml"),
    ),
    (
        "netsuite-ai-connector-mcp.toml",
        include_str!("../../../../profiles/netsuite-ai-connector-mcp.toml"),
    ),
    (
        "netsuite-suiteanalytics-connect.toml",
        include_str!("../../../../profiles/netsuite-suiteanalytics-connect.toml"),
    ),
    (
        "netsuite-restlet-connector.toml",
        include_str!("../../../../profiles/netsuite-restlet-connector.toml"),
    ),
];

/// Every built-in profile, marked `builtin = true`. The files are checked by
/// this crate's tests, so a broken one never ships.
pub fn builtin() -> Vec<ConnectorProfile> {
    BUILTIN
        .iter()
        .map(|(file, text)| {
            let mut profile = parse_toml(text)
                .unwrap_or_else(|e| panic!("built-in profile {file} does not parse: {e}"));
            profile.builtin = true;
            profile
        })
        .collect()
}

/// The built-in profile with this id, if there is one.
pub fn builtin_by_id(id: &str) -> Option<ConnectorProfile> {
    builtin().into_iter().find(|p| p.id == id.trim())
}

/// Parses a profile file. Imported profiles are never built-in, whatever they
/// claim; call `validate` before using one.
pub fn parse_toml(text: &str) -> Result<ConnectorProfile, ProfileError> {
    let mut profile: ConnectorProfile =
        toml::from_str(text).map_err(|e| ProfileError::Syntax(e.to_string()))?;
    profile.builtin = false;
    Ok(profile)
}

/// Parses a profile exported as JSON (the app's export format).
pub fn parse_json(text: &str) -> Result<ConnectorProfile, ProfileError> {
    let mut profile: ConnectorProfile =
        serde_json::from_str(text).map_err(|e| ProfileError::Syntax(e.to_string()))?;
    profile.builtin = false;
    Ok(profile)
}
