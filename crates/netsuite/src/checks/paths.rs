//! NetSuite menu paths shown as "where" (from Oracle's help).

pub const LOGIN_AUDIT_TRAIL: &str = "Setup > Users/Roles > User Management > View Login Audit Trail (use advanced search and add the Detail, Token and Application columns)";
pub const COMPANY_INFORMATION: &str =
    "Setup > Company > Company Information (Account ID; Company URLs subtab)";
pub const ENABLE_FEATURES: &str = "Setup > Company > Enable Features > SuiteCloud";
pub const MANAGE_ROLES: &str = "Setup > Users/Roles > Manage Roles";
pub const MANAGE_INTEGRATIONS: &str = "Setup > Integration > Manage Integrations";
pub const ACCESS_TOKENS: &str = "Setup > Users/Roles > Access Tokens";
pub const EMPLOYEES: &str = "Lists > Employees > Employees (Access subtab)";
pub const INTEGRATION_GOVERNANCE: &str =
    "Setup > Integration > Integration Management > Integration Governance";
pub const M2M_SETUP: &str =
    "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";

/// Where a permission is set: the role's Permissions subtab for its group.
pub fn role_permission_tab(group: &str) -> String {
    format!("{MANAGE_ROLES} > (the integration role) > Edit > Permissions > {group}")
}
