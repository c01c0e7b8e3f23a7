//! Why NetSuite refused an administrator's action, as cause → fix → where.
//! Matched on the error code NetSuite sends and, for USER_ERROR, on the field
//! its detail names (the wording itself is not documented: see the
//! simulator's `employee_email_taken` and `missing_fields_prefix` settings).

use onramp_core::Diagnosis;

use crate::checks::paths;
use crate::errors::NetSuiteError;

/// What the administrator's sign-in was doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminAction {
    ResolveRole,
    CreateEmployee,
    Deactivate,
    ReadAuditTrail,
    MapCertificate,
}

impl AdminAction {
    fn permission(self) -> (&'static str, &'static str) {
        match self {
            Self::ResolveRole => ("Manage Roles", "Setup"),
            Self::CreateEmployee | Self::Deactivate => ("Employees (Create or Full)", "Lists"),
            Self::ReadAuditTrail => ("View Login Audit Trail", "Setup"),
            Self::MapCertificate => ("OAuth 2.0 Client Credentials certificates", "Setup"),
        }
    }
}

/// Cause → fix → where for `e`, or `None` when it is not the administrator's to fix.
pub fn diagnose(action: AdminAction, e: &NetSuiteError) -> Option<Diagnosis> {
    let (permission, tab) = action.permission();
    let lacks = || {
        Diagnosis::new(
            format!("The administrator's role lacks '{permission}', which this change needs."),
            format!("Sign in again with the Administrator role, or add '{permission}' to the role you signed in with ({tab} subtab), then run the change again."),
            paths::role_permission_tab(tab),
        )
    };
    match e {
        NetSuiteError::InsufficientPermission { .. } => Some(lacks()),
        // SuiteQL hides a table the role may not read behind "Unknown identifier".
        NetSuiteError::InvalidParameter { detail }
            if matches!(action, AdminAction::ReadAuditTrail | AdminAction::ResolveRole)
                && detail.contains("Unknown identifier") =>
        {
            Some(lacks())
        }
        NetSuiteError::UserError { detail } => user_error(action, detail),
        NetSuiteError::InvalidLogin { .. } | NetSuiteError::BearerRejected { .. } => Some(Diagnosis::new(
            "NetSuite no longer accepts the administrator's sign-in (it lasts 60 minutes, or the user or role was deactivated).",
            "Press 'Sign in as administrator' again and allow access.",
            "Onramp > this setup > Administrator",
        )),
        _ => None,
    }
}

fn user_error(action: AdminAction, detail: &str) -> Option<Diagnosis> {
    let d = detail.to_ascii_lowercase();
    if action == AdminAction::CreateEmployee && d.contains("subsidiary") {
        return Some(Diagnosis::new(
            "This is a OneWorld account: every employee belongs to a subsidiary, and none was chosen.",
            "Pick the subsidiary the integration user belongs to (usually the parent company) and create the employee again.",
            "Setup > Company > Subsidiaries",
        ));
    }
    if action == AdminAction::CreateEmployee && d.contains("email") {
        return Some(Diagnosis::new(
            "Another employee (perhaps an inactive one) already uses this email address; NetSuite signs users in by email, so each must be unique.",
            "Use a dedicated address for the integration user (for example integration+connector@your domain), or reuse that employee instead of creating one.",
            paths::EMPLOYEES,
        ));
    }
    if action == AdminAction::MapCertificate && d.contains("certificate") {
        return Some(Diagnosis::new(
            "The integration record already has five active certificates, the most NetSuite allows.",
            "Revoke a certificate that is no longer used (Onramp lists them with their users and expiry dates), then map the new one.",
            paths::M2M_SETUP,
        ));
    }
    match action {
        AdminAction::CreateEmployee | AdminAction::Deactivate => Some(Diagnosis::new(
            format!("NetSuite refused the employee record: {detail}"),
            "Correct the value NetSuite names, then run the change again.",
            paths::EMPLOYEES,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_names_its_own_cause() {
        let perm = NetSuiteError::InsufficientPermission {
            permission: Some("Lists -> Employees".into()),
            detail: "Permission Violation".into(),
        };
        let d = diagnose(AdminAction::CreateEmployee, &perm).unwrap();
        assert!(d.cause.contains("Employees"), "{}", d.cause);
        let sub = NetSuiteError::UserError {
            detail: "Please enter value(s) for: Subsidiary".into(),
        };
        assert!(diagnose(AdminAction::CreateEmployee, &sub)
            .unwrap()
            .cause
            .contains("OneWorld"));
        let taken = NetSuiteError::UserError {
            detail: "This email address is already in use by another employee.".into(),
        };
        assert!(diagnose(AdminAction::CreateEmployee, &taken)
            .unwrap()
            .cause
            .contains("already uses"));
        let hidden = NetSuiteError::InvalidParameter {
            detail: "Search error occurred: Unknown identifier 'loginaudit'.".into(),
        };
        assert!(diagnose(AdminAction::ReadAuditTrail, &hidden)
            .unwrap()
            .cause
            .contains("View Login Audit Trail"));
        assert!(diagnose(
            AdminAction::CreateEmployee,
            &NetSuiteError::ConcurrencyLimitExceeded
        )
        .is_none());
    }
}
