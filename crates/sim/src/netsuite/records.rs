//! Which permission a record type (or SuiteQL table) needs, and how NetSuite
//! names permissions in messages and in `rolepermissions.name`.

use super::model::Behaviour;

/// (permission key, role subtab, display name) from Oracle's permission table.
const PERMISSIONS: &[(&str, &str, &str)] = &[
    ("ADMI_RESTWEBSERVICES", "Setup", "REST Web Services"),
    ("ADMI_WEBSERVICES", "Setup", "SOAP Web Services"),
    ("ADMI_LOGIN_OAUTH", "Setup", "Log in using Access Tokens"),
    (
        "ADMI_LOGIN_OAUTH2",
        "Setup",
        "Log in using OAuth 2.0 Access Tokens",
    ),
    (
        "ADMI_MANAGE_OAUTH_TOKENS",
        "Setup",
        "Access Token Management",
    ),
    (
        "ADMI_MANAGE_OWN_OAUTH_TOKENS",
        "Setup",
        "User Access Tokens",
    ),
    (
        "ADMI_MANAGE_OAUTH2",
        "Setup",
        "OAuth 2.0 Authorized Applications Management",
    ),
    ("ADMI_INTEGRAPP", "Setup", "Integration Application"),
    // Key from Oracle's SDF permission reference (oracle/netsuite-suitecloud-sdk,
    // references/permissions.json, generated from help chapter_N3236764).
    ("ADMI_MCP_SERVER", "Setup", "MCP Server Connection"),
    // Same source as above (the profile netsuite-suiteanalytics-connect cites it).
    (
        "ADMI_SUITEANALYTICSCONNECT",
        "Setup",
        "SuiteAnalytics Connect",
    ),
    ("REPO_ANALYTICS", "Reports", "SuiteAnalytics Workbook"),
    ("LIST_CUSTJOB", "Lists", "Customers"),
    ("LIST_ITEM", "Lists", "Items"),
    ("LIST_ACCOUNT", "Lists", "Accounts"),
    ("LIST_CURRENCY", "Lists", "Currency"),
    ("LIST_SUBSIDIARY", "Lists", "Subsidiaries"),
    ("LIST_DEPARTMENT", "Lists", "Departments"),
    ("LIST_CLASS", "Lists", "Classes"),
    ("LIST_LOCATION", "Lists", "Locations"),
    ("LIST_EMPLOYEE", "Lists", "Employees"),
    ("LIST_EMPLOYEE_RECORD", "Lists", "Employee Record"),
    ("ADMI_MANAGEROLES", "Setup", "Manage Roles"),
    (
        super::loginaudit::PERMISSION,
        "Setup",
        "View Login Audit Trail",
    ),
    ("TRAN_FIND", "Transactions", "Find Transaction"),
    ("LIST_FIND", "Lists", "Perform Search"),
    ("TRAN_CUSTINVC", "Transactions", "Invoice"),
    ("TRAN_SALESORD", "Transactions", "Sales Order"),
    ("TRAN_CUSTCRED", "Transactions", "Credit Memo"),
    ("TRAN_CUSTPYMT", "Transactions", "Customer Payment"),
    ("TRAN_CUSTRFND", "Transactions", "Customer Refund"),
];

/// Record type (lowercase REST name, also the SuiteQL table) → permission key.
const RECORD_PERMISSIONS: &[(&str, &str)] = &[
    ("customer", "LIST_CUSTJOB"),
    ("currency", "LIST_CURRENCY"),
    ("subsidiary", "LIST_SUBSIDIARY"),
    ("account", "LIST_ACCOUNT"),
    ("item", "LIST_ITEM"),
    ("inventoryitem", "LIST_ITEM"),
    ("noninventorysaleitem", "LIST_ITEM"),
    ("serviceitem", "LIST_ITEM"),
    ("department", "LIST_DEPARTMENT"),
    ("classification", "LIST_CLASS"),
    ("location", "LIST_LOCATION"),
    ("employee", "LIST_EMPLOYEE"),
    ("invoice", "TRAN_CUSTINVC"),
    ("salesorder", "TRAN_SALESORD"),
    ("creditmemo", "TRAN_CUSTCRED"),
    ("customerpayment", "TRAN_CUSTPYMT"),
    ("customerrefund", "TRAN_CUSTRFND"),
];

/// What reading a record type (or SuiteQL table) requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Requirement {
    Permission(String),
    Nothing,
    /// Not a record type the simulator knows a permission for.
    UnknownType,
}

pub fn permission_for(record_type: &str, behaviour: &Behaviour) -> Requirement {
    let t = record_type.to_ascii_lowercase();
    if let Some(key) = behaviour.permission_overrides.get(&t) {
        return if key.is_empty() {
            Requirement::Nothing
        } else {
            Requirement::Permission(key.clone())
        };
    }
    RECORD_PERMISSIONS
        .iter()
        .find(|(r, _)| *r == t)
        .map_or(Requirement::UnknownType, |(_, k)| {
            Requirement::Permission((*k).to_string())
        })
}

/// `Lists -> Currency`, as permission errors name it.
pub fn permission_label(key: &str) -> String {
    match PERMISSIONS.iter().find(|(k, _, _)| *k == key) {
        Some((_, tab, name)) => format!("{tab} -> {name}"),
        None => key.to_string(),
    }
}

/// Display name of a permission (`rolepermissions.name`).
pub fn permission_name(key: &str) -> &str {
    PERMISSIONS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, _, n)| n)
}

/// Every permission key the simulator knows (the Administrator holds them all).
pub fn all_permission_keys() -> impl Iterator<Item = &'static str> {
    PERMISSIONS.iter().map(|(k, _, _)| *k)
}

/// The REST/SOAP wording of a missing record permission.
pub fn permission_violation(key: &str) -> String {
    format!(
        "Permission Violation: You need the '{}' permission to access this page. Please contact your account administrator.",
        permission_label(key)
    )
}

/// The id of a record's subsidiary (`subsidiary = { id = "2" }` or `subsidiary = 2`).
pub fn subsidiary_of(record: &serde_json::Value) -> Option<u64> {
    let s = record.get("subsidiary")?;
    let id = s.get("id").unwrap_or(s);
    id.as_u64().or_else(|| id.as_str()?.parse().ok())
}

/// The record's id as text (`"101"` or `101`).
pub fn id_of(record: &serde_json::Value) -> Option<String> {
    match record.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_map_case_insensitively_and_overrides_win() {
        let mut b = Behaviour::default();
        assert_eq!(
            permission_for("Currency", &b),
            Requirement::Permission("LIST_CURRENCY".into())
        );
        assert_eq!(
            permission_for("customerPayment", &b),
            Requirement::Permission("TRAN_CUSTPYMT".into())
        );
        assert_eq!(permission_for("spaceship", &b), Requirement::UnknownType);
        b.permission_overrides
            .insert("currency".into(), String::new());
        assert_eq!(permission_for("currency", &b), Requirement::Nothing);
        assert_eq!(
            permission_violation("LIST_CURRENCY"),
            "Permission Violation: You need the 'Lists -> Currency' permission to access this page. Please contact your account administrator."
        );
        assert_eq!(
            subsidiary_of(&serde_json::json!({"subsidiary": {"id": "2"}})),
            Some(2)
        );
        assert_eq!(
            subsidiary_of(&serde_json::json!({"subsidiary": 3})),
            Some(3)
        );
    }
}
