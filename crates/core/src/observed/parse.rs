//! Strict reading of setup-profile and run-record files: the kind and schema
//! version are checked first so a wrong file gets a plain message rather than
//! a serde error about some field deep inside.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{check, SetupProfile, SETUP_PROFILE_KIND, SETUP_PROFILE_SCHEMA_VERSION};
use crate::report::{RunRecord, RUN_RECORD_KIND, RUN_RECORD_SCHEMA_VERSION};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ProfileFileError {
    #[error("the file is not JSON ({0}); an Onramp setup profile or run record is a .json file")]
    NotJson(String),
    #[error("the file is {found}, not {expected}")]
    WrongKind { found: String, expected: String },
    #[error("{what} schema version {found} is not supported: this Onramp reads version {supported}{hint}")]
    Version {
        what: &'static str,
        found: String,
        supported: u32,
        hint: &'static str,
    },
    #[error("the {what} is not valid: {detail}")]
    Invalid { what: &'static str, detail: String },
}

impl From<ProfileFileError> for crate::error::IpcError {
    fn from(e: ProfileFileError) -> Self {
        Self::new(crate::error::ErrorKind::InvalidInput, e.to_string())
    }
}

/// Reads a setup-profile file; anything else is refused with the reason.
pub fn parse_setup_profile(text: &str) -> Result<SetupProfile, ProfileFileError> {
    let value = json(text)?;
    match kind_of(&value).as_deref() {
        Some(SETUP_PROFILE_KIND) => setup_profile(value),
        other => Err(wrong_kind(other, SETUP_PROFILE_KIND)),
    }
}

fn setup_profile(value: Value) -> Result<SetupProfile, ProfileFileError> {
    let p: SetupProfile = strict(value, "setup profile", SETUP_PROFILE_SCHEMA_VERSION)?;
    check::setup(&p.setup, &p.observed)
        .and_then(|()| check::timestamp("generated_at", &p.generated_at))
        .map_err(|detail| invalid("setup profile", detail))?;
    Ok(p)
}

fn run_record(value: Value) -> Result<RunRecord, ProfileFileError> {
    let r: RunRecord = strict(value, "run record", RUN_RECORD_SCHEMA_VERSION)?;
    check::setup(&r.setup, &r.observed)
        .and_then(|()| check::timestamp("generated_at", &r.generated_at))
        .and_then(|()| {
            r.expiries
                .iter()
                .try_for_each(|e| check::timestamp("an expiry's expires_at", &e.expires_at))
        })
        .map_err(|detail| invalid("run record", detail))?;
    Ok(r)
}

fn invalid(what: &'static str, detail: String) -> ProfileFileError {
    ProfileFileError::Invalid { what, detail }
}

/// Reads a setup profile, or a run record turned into one (both can be compared).
pub fn parse_any(text: &str) -> Result<SetupProfile, ProfileFileError> {
    let value = json(text)?;
    match kind_of(&value).as_deref() {
        Some(SETUP_PROFILE_KIND) => setup_profile(value),
        Some(RUN_RECORD_KIND) => Ok(run_record(value)?.setup_profile()),
        other => Err(wrong_kind(
            other,
            &format!("{SETUP_PROFILE_KIND} or {RUN_RECORD_KIND}"),
        )),
    }
}

/// Reads a run record (`--save` output).
pub fn parse_run_record(text: &str) -> Result<RunRecord, ProfileFileError> {
    let value = json(text)?;
    match kind_of(&value).as_deref() {
        Some(RUN_RECORD_KIND) => run_record(value),
        other => Err(wrong_kind(other, RUN_RECORD_KIND)),
    }
}

fn json(text: &str) -> Result<Value, ProfileFileError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with('<') {
        return Err(ProfileFileError::NotJson(
            "it looks like HTML or XML; export the JSON file, not the report page".into(),
        ));
    }
    serde_json::from_str(text).map_err(|e| ProfileFileError::NotJson(e.to_string()))
}

fn kind_of(v: &Value) -> Option<String> {
    v.get("kind").and_then(Value::as_str).map(str::to_owned)
}

fn wrong_kind(found: Option<&str>, expected: &str) -> ProfileFileError {
    ProfileFileError::WrongKind {
        found: found.map_or("JSON without a \"kind\"".into(), |k| {
            format!("a {k:?} file")
        }),
        expected: format!("a {expected:?} file"),
    }
}

fn strict<T: DeserializeOwned>(
    value: Value,
    what: &'static str,
    supported: u32,
) -> Result<T, ProfileFileError> {
    let version = value.get("schema_version");
    match version.and_then(Value::as_u64) {
        Some(v) if v == u64::from(supported) => {}
        found => {
            return Err(ProfileFileError::Version {
                what,
                found: found.map_or_else(
                    || version.map_or("(missing)".into(), Value::to_string),
                    |v| v.to_string(),
                ),
                supported,
                hint: if found.is_some_and(|v| v > u64::from(supported)) {
                    " (it was made by a newer Onramp; update this one)"
                } else {
                    ""
                },
            })
        }
    }
    serde_json::from_value(value).map_err(|e| ProfileFileError::Invalid {
        what,
        detail: e.to_string(),
    })
}
