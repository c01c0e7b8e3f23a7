//! The keychain entries a setup's credentials step asks for, by ERP and sign-in
//! method. Defined once here so the shell (which reads them for a run and
//! deletes them with the setup) and the UI (which asks for them) agree.

use serde::Serialize;
use specta::Type;

use crate::profile::{AuthMethod, Erp};

/// One secret the user pastes in: `name` is `SecretKey.name` in the keychain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct SecretSpec {
    pub name: &'static str,
    pub label: &'static str,
    pub help: &'static str,
}

const NETSUITE_TBA: &[SecretSpec] = &[
    SecretSpec {
        name: "netsuite.consumer_key",
        label: "Consumer key",
        help: "Shown once when the integration record is saved (Client credentials section).",
    },
    SecretSpec {
        name: "netsuite.consumer_secret",
        label: "Consumer secret",
        help: "Shown once, next to the consumer key, when the integration record is saved.",
    },
    SecretSpec {
        name: "netsuite.token_id",
        label: "Token ID",
        help: "Shown once when the access token for the integration user is created.",
    },
    SecretSpec {
        name: "netsuite.token_secret",
        label: "Token secret",
        help: "Shown once, next to the token ID, when the access token is created.",
    },
];

const INTACCT_XML: &[SecretSpec] = &[
    SecretSpec {
        name: "intacct.sender_id",
        label: "Sender ID",
        help: "The Web Services sender ID authorised in the company (case-sensitive).",
    },
    SecretSpec {
        name: "intacct.sender_password",
        label: "Sender password",
        help: "The password that belongs to the sender ID.",
    },
    SecretSpec {
        name: "intacct.user_id",
        label: "Web Services user ID",
        help: "The user ID of the Web Services user (Company > Admin > Web Services users).",
    },
    SecretSpec {
        name: "intacct.user_password",
        label: "Web Services user password",
        help: "The password of that Web Services user.",
    },
];

/// Sage Intacct REST API (OAuth 2.0 client credentials): optional; when both
/// are stored the REST check runs too, else it is skipped with the reason.
const INTACCT_REST: &[SecretSpec] = &[
    SecretSpec {
        name: "intacct.client_id",
        label: "REST client ID",
        help: "The client ID of the REST application registered for the company (optional).",
    },
    SecretSpec {
        name: "intacct.client_secret",
        label: "REST client secret",
        help: "The client secret of that REST application (optional).",
    },
];

/// NetSuite OAuth 2.0 keychain entries. Only the client secret is typed in;
/// the app itself writes the tokens (code flow) and the generated M2M key.
pub mod netsuite_oauth2 {
    /// The integration record's client secret (confidential clients).
    pub const CLIENT_SECRET: &str = "netsuite.oauth2_client_secret";
    pub const ACCESS_TOKEN: &str = "netsuite.oauth2_access_token";
    pub const REFRESH_TOKEN: &str = "netsuite.oauth2_refresh_token";
    /// PKCS#8 PEM of the M2M key pair.
    pub const M2M_PRIVATE_KEY: &str = "netsuite.m2m_private_key";
}

const NETSUITE_OAUTH2_CODE: &[SecretSpec] = &[SecretSpec {
    name: netsuite_oauth2::CLIENT_SECRET,
    label: "Client secret",
    help: "Shown once, under the Client ID, when the integration record is saved. Leave it empty for a public client.",
}];

/// Entries the app writes itself, never typed in.
const APP_MANAGED: &[&str] = &[
    netsuite_oauth2::ACCESS_TOKEN,
    netsuite_oauth2::REFRESH_TOKEN,
    netsuite_oauth2::M2M_PRIVATE_KEY,
];

/// Entries older versions (or other sign-in methods) may have stored, so a
/// deleted setup leaves nothing behind in the keychain.
const OTHER_NAMES: &[&str] = &[
    "netsuite.client_id",
    "netsuite.client_secret",
    "netsuite.refresh_token",
    "netsuite.access_token",
];

/// What the credentials step asks the user to paste. M2M asks for nothing:
/// its private key is generated in the app.
pub fn secret_names(erp: Erp, auth_method: Option<AuthMethod>) -> &'static [SecretSpec] {
    match (erp, auth_method) {
        (Erp::Netsuite, Some(AuthMethod::Oauth2Code)) => NETSUITE_OAUTH2_CODE,
        (Erp::Netsuite, Some(AuthMethod::Oauth2M2m)) => &[],
        (Erp::Netsuite, _) => NETSUITE_TBA,
        (Erp::Intacct, _) => INTACCT_XML,
    }
}

/// Entries a run uses when they are stored, and does without otherwise.
pub fn optional_secret_names(erp: Erp) -> &'static [SecretSpec] {
    match erp {
        Erp::Netsuite => &[],
        Erp::Intacct => INTACCT_REST,
    }
}

/// Every keychain entry name a setup of any ERP may hold.
pub fn all_secret_names() -> impl Iterator<Item = &'static str> {
    NETSUITE_TBA
        .iter()
        .chain(NETSUITE_OAUTH2_CODE)
        .chain(INTACCT_XML)
        .chain(INTACCT_REST)
        .map(|s| s.name)
        .chain(APP_MANAGED.iter().copied())
        .chain(OTHER_NAMES.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_prefixed_by_their_erp() {
        let names: Vec<_> = all_secret_names().collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        for spec in secret_names(Erp::Netsuite, Some(AuthMethod::Tba)) {
            assert!(spec.name.starts_with("netsuite."), "{}", spec.name);
        }
        for name in [
            netsuite_oauth2::REFRESH_TOKEN,
            netsuite_oauth2::M2M_PRIVATE_KEY,
        ] {
            assert!(
                names.contains(&name),
                "{name} is not deleted with its setup"
            );
        }
        for spec in secret_names(Erp::Intacct, None) {
            assert!(spec.name.starts_with("intacct."), "{}", spec.name);
        }
    }
}
