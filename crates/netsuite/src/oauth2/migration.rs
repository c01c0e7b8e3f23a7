//! The guide for moving a running TBA integration to OAuth 2.0 without an
//! outage: the TBA tokens stay live until the OAuth 2.0 connection is proven.

/// One step of the migration, shown in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStep {
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    /// Menu path in NetSuite, or where in Onramp.
    pub where_: &'static str,
}

/// Dates that make the move necessary (as Oracle announced them).
pub const NO_NEW_TBA_RELEASE: &str = "2027.1";
pub const PKCE_MANDATORY_RELEASE: &str = "2027.1";
/// Oracle says "tentatively"; a third party quotes 2028.2, so the UI must say it is not settled.
pub const TBA_END_RELEASE_TENTATIVE: &str = "2028.1";

pub const WHY: &str = "From NetSuite 2027.1 no new Token-Based Authentication integrations can be created for SOAP, REST or RESTlets, and PKCE becomes mandatory for new OAuth 2.0 integrations. Support for existing TBA integrations ends, tentatively, with NetSuite 2028.1 (SuiteAnalytics Connect excluded). OAuth 2.0 does not work with SOAP web services: connectors that use SOAP must move to REST first.";

pub const STEPS: &[MigrationStep] = &[
    MigrationStep {
        id: "keep_tba",
        title: "Keep the TBA tokens working",
        detail: "Do not revoke or edit the connector's access tokens yet. The connector keeps running on TBA until the OAuth 2.0 connection has passed validation.",
        where_: "Setup > Users/Roles > Access Tokens",
    },
    MigrationStep {
        id: "enable_feature",
        title: "Enable the OAuth 2.0 feature",
        detail: "Tick OAuth 2.0 next to Token-Based Authentication (leave TBA ticked) and accept the terms.",
        where_: "Setup > Company > Enable Features > SuiteCloud > Manage Authentication",
    },
    MigrationStep {
        id: "role_permission",
        title: "Allow the role to log in with OAuth 2.0",
        detail: "Add 'Log in using OAuth 2.0 Access Tokens' (Full) to the integration role, next to 'Log in using Access Tokens'. For M2M also 'OAuth 2.0 Authorized Applications Management' for whoever uploads the certificate.",
        where_: "Setup > Users/Roles > Manage Roles > (the integration role) > Permissions > Setup",
    },
    MigrationStep {
        id: "integration_record",
        title: "Enable the OAuth 2.0 grant on the integration record",
        detail: "On the same integration record tick Authorization Code Grant (with the redirect URI and the scopes the connector uses, and Public Client if the connector has no secret) or Client Credentials (Machine to Machine) Grant. Keep Token-Based Authentication ticked for now. Note the Client ID and Secret shown once after saving.",
        where_: "Setup > Integration > Manage Integrations > (your integration) > Edit > Authentication",
    },
    MigrationStep {
        id: "connect",
        title: "Connect with OAuth 2.0",
        detail: "Sign in and click Allow for the integration role (authorization code + PKCE), or generate a certificate in Onramp and upload it for the integration, role and entity (M2M).",
        where_: "Onramp > this setup > Connect",
    },
    MigrationStep {
        id: "validate",
        title: "Validate the OAuth 2.0 connection",
        detail: "Run Onramp's validation with OAuth 2.0 credentials: every check must pass with the same role and entity the TBA tokens use.",
        where_: "Onramp > this setup > Validate",
    },
    MigrationStep {
        id: "switch",
        title: "Switch the connector",
        detail: "Give the connector the OAuth 2.0 credentials and let it run a full cycle; watch the Login Audit Trail for OAuth 2.0 failures.",
        where_: "Setup > Users/Roles > User Management > View Login Audit Trail",
    },
    MigrationStep {
        id: "revoke_tba",
        title: "Revoke the TBA tokens",
        detail: "Only once the connector runs on OAuth 2.0: revoke its access tokens, then untick Token-Based Authentication on the integration record.",
        where_: "Setup > Users/Roles > Access Tokens",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tba_is_revoked_only_after_oauth_is_validated_and_switched() {
        let pos = |id: &str| STEPS.iter().position(|s| s.id == id).unwrap();
        assert_eq!(pos("keep_tba"), 0);
        assert!(pos("enable_feature") < pos("connect"));
        assert!(pos("role_permission") < pos("connect"));
        assert!(pos("integration_record") < pos("connect"));
        assert!(pos("connect") < pos("validate"));
        assert!(pos("validate") < pos("switch"));
        assert_eq!(pos("revoke_tba"), STEPS.len() - 1);
        assert!(WHY.contains(NO_NEW_TBA_RELEASE) && WHY.contains(TBA_END_RELEASE_TENTATIVE));
        assert!(WHY.contains("tentatively"));
    }
}
