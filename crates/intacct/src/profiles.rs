//! Intacct connector profiles: the built-in ones (embedded data files) and
//! profile files a consultant edits.

use onramp_core::profile::{ConnectorProfile, Erp};

use crate::errors::IntacctError;

const BUILTIN: &[(&str, &str)] = &[(
    "intacct-accounting-sync",
    include_str!("../../../profiles/intacct-accounting-sync.toml"),
)];

/// Parses a profile file and checks it is a usable Intacct profile.
pub fn parse(text: &str) -> Result<ConnectorProfile, IntacctError> {
    let p: ConnectorProfile = toml::from_str(text)
        .map_err(|e| IntacctError::InvalidInput(format!("the profile is not valid: {e}")))?;
    if p.erp != Erp::Intacct {
        return Err(IntacctError::InvalidInput(format!(
            "profile {} is for another ERP, not Sage Intacct",
            p.id
        )));
    }
    let Some(req) = &p.intacct else {
        return Err(IntacctError::InvalidInput(format!(
            "profile {} has no [intacct] section",
            p.id
        )));
    };
    if let Some(o) = req
        .objects
        .iter()
        .find(|o| o.object.trim().is_empty() || o.rights.is_empty())
    {
        return Err(IntacctError::InvalidInput(format!(
            "profile {}: object {:?} needs a name and at least one right",
            p.id, o.name
        )));
    }
    Ok(p)
}

/// A built-in profile by id.
pub fn builtin(id: &str) -> Result<ConnectorProfile, IntacctError> {
    let names = || {
        BUILTIN
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (_, text) = BUILTIN
        .iter()
        .find(|(n, _)| *n == id.trim())
        .ok_or_else(|| {
            IntacctError::InvalidInput(format!(
                "no built-in Intacct profile named {id:?} (known: {})",
                names()
            ))
        })?;
    parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profile_covers_the_sync_objects() {
        let p = builtin("intacct-accounting-sync").unwrap();
        assert!(p.builtin);
        let req = p.intacct.unwrap();
        let objects: Vec<&str> = req.objects.iter().map(|o| o.object.as_str()).collect();
        for o in [
            "GLACCOUNT",
            "GLBATCH",
            "GLENTRY",
            "CUSTOMER",
            "ARINVOICE",
            "ARPYMT",
            "VENDOR",
            "APBILL",
            "APPYMT",
            "LOCATION",
            "DEPARTMENT",
            "CLASS",
        ] {
            assert!(objects.contains(&o), "{o} missing");
        }
        assert!(req
            .objects
            .iter()
            .all(|o| o.rights.contains(&"List".to_string())));
    }

    #[test]
    fn other_erps_and_unknown_names_are_refused() {
        assert!(builtin("nope").is_err());
        let ns = "schema_version = 1\nid = 'x'\nname = 'x'\ndescription = ''\nerp = 'netsuite'\n";
        assert!(parse(ns).unwrap_err().to_string().contains("another ERP"));
    }
}
