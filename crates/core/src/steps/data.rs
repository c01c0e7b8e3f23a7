//! The wizard steps of each flow, as data (texts shown on each step page).

use super::{StepDef, StepKind};

pub(super) const NETSUITE: &[StepDef] = &[
    StepDef {
        id: "account",
        title: "Account",
        purpose: "Confirm which NetSuite account this user is for. The account ID is on the Company URLs page; sandbox IDs end in _SB1, _SB2 and so on.",
        menu_path: Some("Setup > Company > Company Information > Company URLs"),
        kind: StepKind::External,
        checks: &["netsuite.account"],
    },
    StepDef {
        id: "profile",
        title: "Connector profile",
        purpose: "Pick the connector this user is for. Its profile lists the features, permissions and sign-in method the connector needs.",
        menu_path: None,
        kind: StepKind::Profile,
        checks: &[],
    },
    StepDef {
        id: "features",
        title: "Features",
        purpose: "Turn on the SuiteCloud features the connector relies on, such as REST Web Services, Token-Based Authentication or OAuth 2.0.",
        menu_path: Some("Setup > Company > Enable Features > SuiteCloud"),
        kind: StepKind::External,
        checks: &["netsuite.features"],
    },
    StepDef {
        id: "role",
        title: "Role & permissions",
        purpose: "Create a role with exactly the permissions the profile lists, at the listed levels, with no department, class, location or subsidiary restrictions.",
        menu_path: Some("Setup > Users/Roles > Manage Roles > New"),
        kind: StepKind::External,
        checks: &["netsuite.permissions", "netsuite.subsidiary"],
    },
    StepDef {
        id: "integration",
        title: "Integration record",
        purpose: "Create the integration record for the connector. NetSuite shows its keys only once, so keep the page open until Onramp has stored them.",
        menu_path: Some("Setup > Integration > Manage Integrations > New"),
        kind: StepKind::External,
        checks: &["netsuite.integration"],
    },
    StepDef {
        id: "user",
        title: "User",
        purpose: "Create or pick the user the connector signs in as, and give it the new role on its Access tab.",
        menu_path: Some("Lists > Employees > Employees > Edit > Access"),
        kind: StepKind::External,
        checks: &["netsuite.auth"],
    },
    StepDef {
        id: "credentials",
        title: "Credentials",
        purpose: "Store the integration record's consumer key and secret and the access token's ID and secret in your system keychain. Onramp never shows them again.",
        menu_path: Some("Setup > Users/Roles > Access Tokens > New"),
        kind: StepKind::Credentials,
        checks: &["netsuite.auth", "netsuite.clock"],
    },
    StepDef {
        id: "validate",
        title: "Validate",
        purpose: "Onramp signs in as the integration user and checks the login, clock, features, the role's permissions and record access.",
        menu_path: None,
        kind: StepKind::Validate,
        checks: &[],
    },
    StepDef {
        id: "report",
        title: "Report",
        purpose: "A summary of what was set up and what was proved, to hand to the connector's owner.",
        menu_path: None,
        kind: StepKind::Report,
        checks: &[],
    },
];

pub(super) const INTACCT: &[StepDef] = &[
    StepDef {
        id: "company",
        title: "Company",
        purpose: "Confirm the company ID — the one typed on the Sage Intacct sign-in page — and whether the company is multi-entity. In a multi-entity company, pick the entity the connector works in.",
        menu_path: Some("Company > Setup > Company > Company information"),
        kind: StepKind::External,
        checks: &["intacct.company", "intacct.entity"],
    },
    StepDef {
        id: "profile",
        title: "Connector profile",
        purpose: "Pick the connector this user is for. Its profile lists the objects and operations the connector needs.",
        menu_path: None,
        kind: StepKind::Profile,
        checks: &[],
    },
    StepDef {
        id: "subscription",
        title: "Subscription",
        purpose: "Make sure the company subscribes to Web Services; without it no connector can sign in.",
        menu_path: Some("Company > Subscriptions"),
        kind: StepKind::External,
        checks: &["intacct.sender", "intacct.company"],
    },
    StepDef {
        id: "sender",
        title: "Sender ID",
        purpose: "Authorize the connector's Sender ID for this company, so the Web Services gateway accepts its requests. Type it exactly: it is case-sensitive, must be Active, and cannot be edited once added.",
        menu_path: Some("Company > Setup > Company > Security > Web Services authorizations"),
        kind: StepKind::External,
        checks: &["intacct.sender"],
    },
    StepDef {
        id: "ws_user",
        title: "Web Services user",
        purpose: "Create the Web Services user the connector signs in as: a user that cannot use the browser, with user type Business (other types cap its permissions) and the admin privileges the profile needs.",
        menu_path: Some("Company > Admin > Web Services users"),
        kind: StepKind::External,
        checks: &["intacct.login", "intacct.user"],
    },
    StepDef {
        id: "roles",
        title: "Roles & permissions",
        purpose: "Give the user the permissions the profile lists: through a role in role-based companies, or directly on the user in user-based ones.",
        menu_path: Some("Company > Admin > Users, roles, and groups > Roles"),
        kind: StepKind::External,
        checks: &["intacct.permissions", "intacct.objects"],
    },
    StepDef {
        id: "credentials",
        title: "Credentials",
        purpose: "Store the sender ID and password and the Web Services user's ID and password in your system keychain. Onramp never shows them again.",
        menu_path: None,
        kind: StepKind::Credentials,
        checks: &["intacct.sender", "intacct.login"],
    },
    StepDef {
        id: "validate",
        title: "Validate",
        purpose: "Onramp calls the Web Services gateway and tells apart the sender, login and permission layers, then probes each required object.",
        menu_path: None,
        kind: StepKind::Validate,
        checks: &[],
    },
    StepDef {
        id: "report",
        title: "Report",
        purpose: "A summary of what was set up and what was proved, to hand to the connector's owner.",
        menu_path: None,
        kind: StepKind::Report,
        checks: &[],
    },
];

/// NetSuite: choosing the sign-in method (after the connector profile).
pub(super) const AUTH_METHOD: StepDef = StepDef {
    id: "auth",
    title: "Sign-in method",
    purpose: "Choose how the connector signs in to NetSuite. The connector profile says which methods it supports; OAuth 2.0 is the default for new integrations.",
    menu_path: None,
    kind: StepKind::AuthMethod,
    checks: &[],
};

/// NetSuite: who the token acts as (after the credentials).
pub(super) const OWNERSHIP: StepDef = StepDef {
    id: "ownership",
    title: "Token owner",
    purpose: "The user who creates the TBA token or clicks Allow for OAuth 2.0 is the user NetSuite records in System Notes for every change the connector makes. Check that it is the dedicated integration user with the integration role.",
    menu_path: None,
    kind: StepKind::Ownership,
    checks: &[],
};

pub(super) const M2M_SETUP_PATH: &str =
    "Setup > Integration > Manage Authentication > OAuth 2.0 Client Credentials (M2M) Setup";
