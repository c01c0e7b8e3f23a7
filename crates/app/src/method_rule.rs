//! The profile/method rule: a NetSuite setup signs in only in a way its
//! connector profile supports. A method the profile does not list can never
//! be chosen (refused) or kept (cleared when the profile changes), a step is
//! not left without the choice it asks for, and the validation suite fails
//! a setup that still mismatches (one stored before the rule, or a user
//! profile edited since).

use onramp_core::profile::{AuthMethod, ConnectorProfile, Erp};
use onramp_core::state::Setup;
use onramp_core::{CheckResult, Diagnosis, ErrorKind, IpcError};

use crate::connector_profiles;
use crate::data_dir::DataDir;

/// The suite check's id.
pub const CHECK_ID: &str = "netsuite.profile_method";

const WHERE: &str = "Onramp: the Sign-in method step of this setup";

/// The setup's chosen profile; `None` before the user picked one.
pub fn chosen_profile(
    data_dir: &DataDir,
    setup: &Setup,
) -> Result<Option<ConnectorProfile>, IpcError> {
    match &setup.profile_id {
        Some(id) => connector_profiles::resolve(data_dir, setup.erp, id).map(Some),
        None => Ok(None),
    }
}

/// Refuses a method the profile does not support, naming the ones it does.
pub fn allow(profile: &ConnectorProfile, method: AuthMethod) -> Result<(), IpcError> {
    if profile.supports(method) {
        return Ok(());
    }
    Err(IpcError::new(
        ErrorKind::InvalidInput,
        format!(
            "{} signs in with {} only; {} is not supported by this connector profile",
            profile.name,
            profile.auth_methods_text(),
            method.label()
        ),
    ))
}

/// After a profile change: a method the new profile does not support is
/// cleared (the user chooses again), never kept.
pub fn keep_supported(setup: &mut Setup, profile: Option<&ConnectorProfile>) {
    if let (Some(profile), Some(method)) = (profile, setup.auth_method) {
        if !profile.supports(method) {
            setup.auth_method = None;
            setup.steps.remove("auth");
        }
    }
}

/// A step that asks for a consequential choice is not done until it is made.
pub fn may_leave(
    setup: &Setup,
    step: &str,
    profile: Option<&ConnectorProfile>,
) -> Result<(), IpcError> {
    let refuse = |m: &str| Err(IpcError::new(ErrorKind::InvalidInput, m.to_owned()));
    match step {
        "profile" if profile.is_none() => {
            refuse("choose the connector profile first: it decides the permissions, sign-in methods and checks")
        }
        "auth" if setup.erp == Erp::Netsuite => match (setup.auth_method, profile) {
            (None, _) => refuse("choose how the connector signs in first"),
            (Some(m), Some(p)) => allow(p, m),
            (Some(_), None) => Ok(()),
        },
        _ => Ok(()),
    }
}

/// The suite's check of the rule, with cause → fix → where when it fails.
pub fn check(profile: &ConnectorProfile, method: AuthMethod) -> CheckResult {
    const TITLE: &str = "Sign-in method supported by the connector";
    if profile.supports(method) {
        return CheckResult::pass(
            CHECK_ID,
            TITLE,
            format!("{} supports {}.", profile.name, method.label()),
        )
        .with_evidence("Connector profile", profile.id.clone())
        .with_evidence("Sign-in method", method.label());
    }
    CheckResult::fail(
        CHECK_ID,
        TITLE,
        format!(
            "This setup signs in with {}, which {} does not support: the connector cannot use it, \
             whatever the other checks prove.",
            method.label(),
            profile.name
        ),
        Diagnosis::new(
            format!(
                "The connector profile {} supports {} only; the setup was set up for {}.",
                profile.name,
                profile.auth_methods_text(),
                method.label()
            ),
            format!(
                "Choose {} on the Sign-in method step and follow the steps for it (integration record, \
                 credentials), then run the checks again.",
                profile.auth_methods_text()
            ),
            WHERE,
        ),
    )
    .with_evidence("Connector profile", profile.id.clone())
    .with_evidence("Sign-in method", method.label())
}
