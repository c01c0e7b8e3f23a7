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

pub const INVALID_SCRIPTLET_ID: &str = "SSS_INVALID_SCRIPTLET_ID";
const SCRIPT_DEPLOYMENTS: &str =
    "Customization > Scripting > Script Deployments > (the connector's RESTlet deployment) > Edit";

/// The SuiteScript error code of a RESTlet's error answer, if it has one.
pub fn error_code(body: &Value) -> Option<&str> {
    body["error"]["code"].as_str()
}

/// What to do about a RESTlet error answer, for the codes users hit.
pub fn diagnose(body: &Value) -> Option<Diagnosis> {
    (error_code(body)? == INVALID_SCRIPTLET_ID).then(|| {
        Diagnosis::new(
            "NetSuite will not run the connector's RESTlet for this sign-in (SSS_INVALID_SCRIPTLET_ID: 'That Suitelet is invalid, disabled, or no longer exists'). The script or deployment ID is wrong, the deployment is not Released (on Testing it runs only for its owner), or the token's role is not in the deployment's audience.",
            "Open the deployment: set Status to Released, and on the Audience subtab add the integration role (not a 'Web Services Only' role: Oracle's help says those do not work with RESTlets, section_1530099787). Check the script and deploy IDs the connector uses against the deployment's URL.",
            SCRIPT_DEPLOYMENTS,
        )
    })
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
    fn other_answers_get_no_restlet_diagnosis() {
        assert!(
            diagnose(&serde_json::json!({"error": {"code": "SSS_REQUEST_LIMIT_EXCEEDED"}}))
                .is_none()
        );
        assert!(diagnose(&serde_json::json!([])).is_none());
        assert!(diagnose(&Value::Null).is_none());
    }
}
