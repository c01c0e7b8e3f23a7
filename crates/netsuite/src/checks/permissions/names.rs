//! Display names and role subtabs of permissions a profile may not list.

/// Names from Oracle's permission table (help chapter_N3236764).
const KNOWN_NAMES: &[(&str, &str)] = &[
    ("ADMI_RESTWEBSERVICES", "REST Web Services"),
    ("ADMI_WEBSERVICES", "SOAP Web Services"),
    ("ADMI_LOGIN_OAUTH", "Log in using Access Tokens"),
    ("ADMI_LOGIN_OAUTH2", "Log in using OAuth 2.0 Access Tokens"),
    ("ADMI_MANAGE_OAUTH_TOKENS", "Access Token Management"),
    ("ADMI_MANAGE_OWN_OAUTH_TOKENS", "User Access Tokens"),
    (
        "ADMI_MANAGE_OAUTH2",
        "OAuth 2.0 Authorized Applications Management",
    ),
    ("ADMI_INTEGRAPP", "Integration Application"),
    ("ADMI_MANAGEROLES", "Manage Roles"),
    ("REPO_ANALYTICS", "SuiteAnalytics Workbook"),
    ("LIST_FIND", "Perform Search"),
    ("LIST_CUSTJOB", "Customers"),
    ("LIST_ITEM", "Items"),
    ("LIST_ACCOUNT", "Accounts"),
    ("LIST_CURRENCY", "Currency"),
    ("LIST_SUBSIDIARY", "Subsidiaries"),
    ("LIST_DEPARTMENT", "Departments"),
    ("LIST_CLASS", "Classes"),
    ("LIST_LOCATION", "Locations"),
    ("TRAN_CUSTINVC", "Invoice"),
    ("TRAN_SALESORD", "Sales Order"),
    ("TRAN_CUSTCRED", "Credit Memo"),
    ("TRAN_CUSTPYMT", "Customer Payment"),
    ("TRAN_CUSTRFND", "Customer Refund"),
];

pub fn display_name(key: &str) -> Option<&'static str> {
    KNOWN_NAMES.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
}

pub fn group_of(key: &str) -> &'static str {
    match key.split('_').next().unwrap_or_default() {
        "LIST" => "Lists",
        "TRAN" => "Transactions",
        "REPO" => "Reports",
        "ADMI" => "Setup",
        _ => "Other",
    }
}
