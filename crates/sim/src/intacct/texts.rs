//! Error texts. Documented ones are defaults taken from Sage's docs; the ones
//! Sage never published (locked-out user, entity denied…) are sensible defaults
//! that a scenario can replace, so support can match what a customer really saw.

use serde::{Deserialize, Serialize};

/// One `<error>`; `{sender}`, `{company}`, `{user}`, `{entity}`, `{object}`
/// are filled in when the error is produced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ErrorText {
    pub errorno: String,
    pub description: String,
    pub description2: String,
    pub correction: String,
}

impl ErrorText {
    pub fn new(errorno: &str, description: &str, description2: &str, correction: &str) -> Self {
        Self {
            errorno: errorno.into(),
            description: description.into(),
            description2: description2.into(),
            correction: correction.into(),
        }
    }

    pub fn fill(&self, vars: &[(&str, &str)]) -> Self {
        let sub = |s: &str| {
            vars.iter().fold(s.to_string(), |acc, (k, v)| {
                acc.replace(&format!("{{{k}}}"), v)
            })
        };
        Self {
            errorno: sub(&self.errorno),
            description: sub(&self.description),
            description2: sub(&self.description2),
            correction: sub(&self.correction),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Texts {
    pub sender_not_authorized: ErrorText,
    /// [I] the sender is listed but its authorization is not Active.
    pub sender_inactive: ErrorText,
    /// Documented text; the errorno is unknown [I].
    pub not_subscribed: ErrorText,
    /// [I] locked-out user.
    pub user_locked_out: ErrorText,
    /// [I] inactive user.
    pub user_inactive: ErrorText,
    /// [I] the user may not sign in to the requested entity.
    pub entity_not_permitted: ErrorText,
    /// [I] the user is not a Web Services user (only with `require_web_services_user`).
    pub not_web_services_user: ErrorText,
    /// [I] getUserPermissions without the Users "View" right.
    pub user_permissions_denied: ErrorText,
    /// Object permission missing; `{operation}`, `{object}` (lower case) and `{support_id}`.
    pub permission_denied: ErrorText,
    /// [I] a function control ID repeated while `uniqueid` is true; `{controlid}`.
    pub duplicate_controlid: ErrorText,
    /// GW-0011 description; `{request_id}` is filled in.
    pub invalid_request: String,
    /// [I] `update` of a user by a caller without admin privileges (Sage
    /// documents only that "Only users with Administrative privileges can update users").
    pub update_not_admin: ErrorText,
    /// [I] `update` of a USERINFO whose RECORDNO or LOGINID the company does not have; `{key}`.
    pub update_unknown_record: ErrorText,
    /// [I] `update` with a field value the object does not take; `{field}`, `{value}`.
    pub update_invalid_value: ErrorText,
    /// [I] GW-0010 description.
    pub rate_limited: String,
    /// Function failure while the service is off-line; errorno unknown [I].
    pub service_offline: ErrorText,
    /// [I] request without an XML Content-Type.
    pub not_xml: ErrorText,
}

impl Default for Texts {
    fn default() -> Self {
        Self {
            sender_not_authorized: ErrorText::new(
                "XL03000006",
                "Invalid Web Services Authorization",
                "The sender ID '{sender}' is not authorized to make Web Services requests to company ID '{company}'.",
                "Contact the company administrator to grant Web Services authorization to this sender ID.",
            ),
            sender_inactive: ErrorText::new(
                "XL03000006",
                "Invalid Web Services Authorization",
                "The Web Services authorization for sender ID '{sender}' is not active in company ID '{company}'.",
                "Contact the company administrator to set this sender ID's Web Services authorization to Active.",
            ),
            not_subscribed: ErrorText::new(
                "XL03000006",
                "",
                "This company is not authorized for XML transactions. Please subscribe to the XML Gateway.",
                "",
            ),
            user_locked_out: ErrorText::new(
                "XL03000006",
                "",
                "Sign-in information is incorrect. This user is locked out.",
                "Ask a company administrator to unlock the user.",
            ),
            user_inactive: ErrorText::new(
                "XL03000006",
                "",
                "Sign-in information is incorrect. This user is inactive.",
                "Ask a company administrator to set the user's status to Active.",
            ),
            entity_not_permitted: ErrorText::new(
                "XL03000006",
                "",
                "The user '{user}' does not have permission to access entity '{entity}'.",
                "Grant the user access to the entity or sign in to an entity the user may access.",
            ),
            not_web_services_user: ErrorText::new(
                "XL03000006",
                "",
                "The user '{user}' is not a Web Services user.",
                "Use a Web Services user for API access.",
            ),
            user_permissions_denied: ErrorText::new(
                "PL04000005",
                "",
                "You do not have permission for API operation READ on objects of type userpermissions",
                "",
            ),
            permission_denied: ErrorText::new(
                "PL04000005",
                "",
                "You do not have permission for API operation {operation} on objects of type {object} [Support ID: {support_id}]",
                "",
            ),
            duplicate_controlid: ErrorText::new(
                "BL01001973",
                "",
                "The function with control ID '{controlid}' was already processed. With uniqueid=true a function cannot be repeated.",
                "Send a new function control ID, or set uniqueid to false.",
            ),
            update_not_admin: ErrorText::new(
                "PL04000005",
                "",
                "You do not have permission for API operation UPDATE on objects of type userinfo",
                "Only users with Administrative privileges can update users.",
            ),
            update_unknown_record: ErrorText::new(
                "BL01001973",
                "",
                "Could not find a USERINFO record with key '{key}'.",
                "Provide a valid RECORDNO or LOGINID.",
            ),
            update_invalid_value: ErrorText::new(
                "BL01001973",
                "",
                "Invalid value '{value}' for field {field}.",
                "",
            ),
            invalid_request: "Invalid Request [Request ID: {request_id}]".into(),
            rate_limited: "Rate limit exceeded [Request ID: {request_id}]".into(),
            service_offline: ErrorText::new(
                "XL03000010",
                "",
                "The Service is Temporarily Off-line",
                "Please Try Again Later",
            ),
            not_xml: ErrorText::new(
                "XL03000003",
                "",
                "XML Parse schema error: the request body must be sent as Content-Type application/xml",
                "",
            ),
        }
    }
}
