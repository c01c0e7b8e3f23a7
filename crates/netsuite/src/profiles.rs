//! The built-in NetSuite connector profiles (data files in `profiles/`).

use onramp_core::profile::{self as core_profile, ConnectorProfile, Erp};

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("no built-in NetSuite profile is called '{0}' (built in: {names})", names = builtin_names().collect::<Vec<_>>().join(", "))]
    Unknown(String),
    #[error("the profile is not valid: {0}")]
    Invalid(String),
    #[error("the profile is for {0:?}, not NetSuite")]
    NotNetSuite(Erp),
}

/// The ids of the built-in NetSuite profiles (the data files live in `profiles/`).
pub fn builtin_names() -> impl Iterator<Item = String> {
    core_profile::builtin()
        .into_iter()
        .filter(|p| p.erp == Erp::Netsuite)
        .map(|p| p.id)
}

pub fn builtin(name: &str) -> Result<ConnectorProfile, ProfileError> {
    let profile =
        core_profile::builtin_by_id(name).ok_or_else(|| ProfileError::Unknown(name.to_string()))?;
    netsuite_only(profile)
}

/// Parses a profile file, checks it is a NetSuite one, then validates it.
pub fn parse(text: &str) -> Result<ConnectorProfile, ProfileError> {
    let invalid = |e: core_profile::ProfileError| ProfileError::Invalid(e.to_string());
    let profile = netsuite_only(core_profile::parse_toml(text).map_err(invalid)?)?;
    core_profile::validate(&profile)
        .map_err(|issues| invalid(core_profile::ProfileError::Invalid(issues)))?;
    Ok(profile)
}

fn netsuite_only(p: ConnectorProfile) -> Result<ConnectorProfile, ProfileError> {
    if p.erp != Erp::Netsuite || p.netsuite.is_none() {
        return Err(ProfileError::NotNetSuite(p.erp));
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use onramp_core::profile::{AuthMethod, NsLevel};

    fn level(p: &ConnectorProfile, id: &str) -> NsLevel {
        let ns = p.netsuite.as_ref().unwrap();
        ns.permissions
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .level
    }

    #[test]
    fn zuora_profile_matches_zuoras_table() {
        let p = builtin("netsuite-zuora-billing").unwrap();
        assert!(p.builtin);
        for id in [
            "LIST_CUSTJOB",
            "LIST_ITEM",
            "TRAN_CUSTPYMT",
            "TRAN_CUSTRFND",
            "TRAN_CUSTCRED",
            "TRAN_CUSTINVC",
            "TRAN_SALESORD",
            "ADMI_WEBSERVICES",
            "LIST_CURRENCY",
            "LIST_LOCATION",
            "LIST_CLASS",
            "LIST_DEPARTMENT",
            "LIST_SUBSIDIARY",
            "ADMI_LOGIN_OAUTH",
        ] {
            assert_eq!(level(&p, id), NsLevel::Full, "{id}");
        }
        for id in [
            "LIST_ACCOUNT",
            "LIST_CRMGROUP",
            "LIST_PAYMETH",
            "ADMI_ACCOUNTINGLIST",
            "ADMI_EMPLOYEELIST",
        ] {
            assert_eq!(level(&p, id), NsLevel::View, "{id}");
        }
        // SOAP connector: OAuth 2.0 cannot be used.
        assert_eq!(p.netsuite.unwrap().auth_methods, vec![AuthMethod::Tba]);
    }

    #[test]
    fn reporting_profile_never_writes() {
        let p = builtin("netsuite-readonly-reporting").unwrap();
        let ns = p.netsuite.as_ref().unwrap();
        for perm in &ns.permissions {
            if perm.id.starts_with("LIST_") || perm.id.starts_with("TRAN_") {
                assert_eq!(perm.level, NsLevel::View, "{}", perm.id);
            }
        }
        let mut ids: Vec<&str> = ns.permissions.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate permission ids");
    }

    #[test]
    fn unknown_and_foreign_profiles_are_refused() {
        assert!(matches!(builtin("nope"), Err(ProfileError::Unknown(_))));
        let intacct =
            "schema_version = 1\nid = \"x\"\nname = \"x\"\ndescription = \"\"\nerp = \"intacct\"\n";
        assert!(matches!(parse(intacct), Err(ProfileError::NotNetSuite(_))));
    }
}
