//! REST API error answers: the fields a client can rely on, and what to do
//! about the ones users hit.
//!
//! REST-2102 (`tokenInvalid`) after a second authorization: Sage does not
//! document it; Nango observed it and published the answer (nango.dev, "How to
//! fix Sage Intacct OAuth error: Token is not valid", 2026-07-24): authorising
//! another authorization-code connection for the same user and company leaves
//! the earlier connection unable to refresh its token.

use onramp_core::{Diagnosis, Redactor};
use serde_json::Value;

/// Shown before an authorization-code sign-in: it can break the customer's
/// live connector.
pub const SECOND_AUTHORIZATION_WARNING: &str = "Signing in here authorises a new REST connection for this user and company. Sage Intacct then stops the connection authorised before it for the same user and company from refreshing its token (REST-2102 'Token is not valid'), so a connector that runs as this user would stop working. Validate with client credentials or a separate user instead, or re-authorise the connector afterwards.";

const TOKEN_INVALID_ID: &str = "REST-2102";
const TOKEN_INVALID_CODE: &str = "tokenInvalid";

/// `code`, `errorId` and `message` of an error answer. Sage's reference shows
/// the error under `ia::result.ia::error`; the REST-2102 answer Nango
/// published has it under `error`; both are read.
pub fn api_error_fields(v: &Value, r: &Redactor) -> (String, Option<String>, String) {
    let err = if v["ia::result"]["ia::error"].is_object() {
        &v["ia::result"]["ia::error"]
    } else {
        &v["error"]
    };
    let text = |k: &str| err[k].as_str().map(|s| r.redact(s));
    (
        text("code").unwrap_or_default(),
        text("errorId"),
        text("message").unwrap_or_default(),
    )
}

/// What to do about an error answer, for the errors users hit.
pub fn api_error_diagnosis(code: &str, error_id: Option<&str>) -> Option<Diagnosis> {
    (error_id == Some(TOKEN_INVALID_ID) || code == TOKEN_INVALID_CODE).then(|| {
        Diagnosis::new(
            "Sage Intacct no longer accepts this connection's token (REST-2102 'Token is not valid'). This happens when another connection is authorised for the same Sage Intacct user and company: the newer one works, the older one can no longer refresh.",
            "Authorise this connection again, and keep one authorization-code connection per user and company; give other tools their own user or use client credentials.",
            "The connector's Sage Intacct connection settings > Reconnect (authorise again)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Verbatim from the Nango article above (its supportId was redacted there).
    const REST_2102: &str = r#"{
  "error": {
    "code": "tokenInvalid",
    "message": "Token is not valid",
    "errorId": "REST-2102",
    "additionalInfo": {
      "messageId": "IA.TOKEN_IS_INVALID",
      "placeholders": {},
      "propertySet": {}
    },
    "supportId": "<redacted>"
  }
}"#;

    #[test]
    fn rest_2102_is_diagnosed_as_a_second_authorization() {
        let v: Value = serde_json::from_str(REST_2102).unwrap();
        let (code, id, message) = api_error_fields(&v, &Redactor::new());
        assert_eq!(
            (code.as_str(), id.as_deref(), message.as_str()),
            ("tokenInvalid", Some("REST-2102"), "Token is not valid")
        );
        let d = api_error_diagnosis(&code, id.as_deref()).unwrap();
        assert!(
            d.cause.contains("same Sage Intacct user and company"),
            "{d:?}"
        );
        assert!(d.fix.contains("Authorise this connection again"), "{d:?}");
    }

    #[test]
    fn other_errors_get_no_second_authorization_diagnosis() {
        assert!(api_error_diagnosis("permissionDenied", Some("REST-1001")).is_none());
        assert!(api_error_diagnosis("", None).is_none());
        assert!(SECOND_AUTHORIZATION_WARNING.contains("REST-2102"));
    }
}
