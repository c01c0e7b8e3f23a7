//! Diagnoses for a RESTlet-based connector's calls (`/app/site/hosting/restlet.nl`).
//! NetSuite answers a script or deployment it will not run for this caller
//! with SuiteScript error SSS_INVALID_SCRIPTLET_ID, whatever the reason: the
//! IDs are wrong, the deployment is not Released (on Testing it runs only for
//! its owner), or the token's role is not in the deployment's audience.
//!
//! The answer as public clients record it (a NetSuite M2M client's README,
//! "Live-data retrieval" incident; the same text in SuiteApp deployment
//! checklists): `{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That
//! Suitelet is invalid, disabled, or no longer exists."}}`.

use onramp_core::Diagnosis;
use serde_json::Value;

use super::paths;

pub const INVALID_SCRIPTLET_ID: &str = "SSS_INVALID_SCRIPTLET_ID";
/// Oracle's help, "RESTlet Authentication" (chapter_1529417663): "if a role
/// has the Web Services Only box checked, a user logged in through that role
/// can send web services calls only. RESTlet calls receive an
/// INVALID_LOGIN_CREDENTIALS error response."
pub const INVALID_LOGIN_CREDENTIALS: &str = "INVALID_LOGIN_CREDENTIALS";
const SCRIPT_DEPLOYMENTS: &str =
    "Customization > Scripting > Script Deployments > (the connector's RESTlet deployment) > Edit";

/// The SuiteScript error code of a RESTlet's error answer, if it has one.
pub fn error_code(body: &Value) -> Option<&str> {
    body["error"]["code"].as_str()
}

/// What to do about a RESTlet error answer, for the codes users hit.
pub fn diagnose(body: &Value) -> Option<Diagnosis> {
    diagnose_code(error_code(body)?)
}

/// The same, from the error code alone.
pub fn diagnose_code(code: &str) -> Option<Diagnosis> {
    match code {
        INVALID_SCRIPTLET_ID => Some(invalid_scriptlet()),
        INVALID_LOGIN_CREDENTIALS => Some(web_services_only()),
        _ => None,
    }
}

/// A RESTlet refused with INVALID_LOGIN_CREDENTIALS after the same
/// credentials signed in to REST web services: the role is Web Services Only.
fn web_services_only() -> Diagnosis {
    Diagnosis::new(
        "NetSuite refused the connector's RESTlet call with INVALID_LOGIN_CREDENTIALS. RESTlets are SuiteScript, not web services: Oracle's help says a role with 'Web Services Only' checked can send web services calls only, and RESTlet calls get exactly this answer.",
        "Edit the integration role and clear 'Web Services Only', or issue the connector's token for a role without it. Then run again.",
        format!("{} > (the integration role) > Edit > Web Services Only", paths::MANAGE_ROLES),
    )
}

fn invalid_scriptlet() -> Diagnosis {
    Diagnosis::new(
            "NetSuite will not run the connector's RESTlet for this sign-in (SSS_INVALID_SCRIPTLET_ID: 'That Suitelet is invalid, disabled, or no longer exists'). The script or deployment ID is wrong, the deployment is not Released (on Testing it runs only for its owner), or the token's role is not in the deployment's audience.",
            "Open the deployment: set Status to Released, and on the Audience subtab add the integration role (not a 'Web Services Only' role: Oracle's help says those do not work with RESTlets, section_1530099787). Check the script and deploy IDs the connector uses against the deployment's URL.",
            SCRIPT_DEPLOYMENTS,
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Verbatim from a public client's recorded answer (see the module comment).
    const RECORDED: &str = r#"{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That Suitelet is invalid, disabled, or no longer exists."}}"#;

    #[test]
    fn an_invalid_scriptlet_names_release_audience_and_ids() {
        let body: Value = serde_json::from_str(RECORDED).unwrap();
        assert_eq!(error_code(&body), Some(INVALID_SCRIPTLET_ID));
        let d = diagnose(&body).unwrap();
        assert!(
            d.fix.contains("Released") && d.fix.contains("Audience"),
            "{d:?}"
        );
        assert!(d.fix.contains("Web Services Only"), "{d:?}");
        assert!(d.where_.starts_with("Customization > Scripting"), "{d:?}");
    }

    #[test]
    fn invalid_login_credentials_names_web_services_only() {
        let body = serde_json::json!({"error": {"code": "INVALID_LOGIN_CREDENTIALS"}});
        let d = diagnose(&body).unwrap();
        assert!(d.cause.contains("Web Services Only"), "{d:?}");
        assert!(d.where_.contains("Manage Roles"), "{d:?}");
    }

    #[test]
    fn other_answers_get_no_restlet_diagnosis() {
        assert!(
            diagnose(&serde_json::json!({"error": {"code": "SSS_REQUEST_LIMIT_EXCEEDED"}}))
                .is_none()
        );
        assert!(diagnose(&serde_json::json!([])).is_none());
        assert!(diagnose(&Value::Null).is_none());
    }
}
