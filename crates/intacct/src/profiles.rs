//! Intacct connector profiles: the built-in ones (embedded data files) and
//! profile files a consultant edits.

use onramp_core::profile::{self as core_profile, ConnectorProfile, Erp};

use crate::errors::IntacctError;

/// Parses a profile file and checks it is a usable Intacct profile.
pub fn parse(text: &str) -> Result<ConnectorProfile, IntacctError> {
    let invalid = |e: core_profile::ProfileError| IntacctError::InvalidInput(e.to_string());
    let p = core_profile::parse_toml(text).map_err(invalid)?;
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
    core_profile::validate(&p)
        .map_err(|issues| invalid(core_profile::ProfileError::Invalid(issues)))?;
    Ok(p)
}

/// A built-in profile by id (the data files live in `profiles/`).
pub fn builtin(id: &str) -> Result<ConnectorProfile, IntacctError> {
    core_profile::builtin_by_id(id)
        .filter(|p| p.erp == Erp::Intacct)
        .ok_or_else(|| {
            let names: Vec<String> = core_profile::builtin()
                .into_iter()
                .filter(|p| p.erp == Erp::Intacct)
                .map(|p| p.id)
                .collect();
            IntacctError::InvalidInput(format!(
                "no built-in Intacct profile named {id:?} (known: {})",
                names.join(", ")
            ))
        })
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
