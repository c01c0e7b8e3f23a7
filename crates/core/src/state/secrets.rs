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

/// Entries older versions (or other sign-in methods) may have stored, so a
/// deleted setup leaves nothing behind in the keychain.
const OTHER_NAMES: &[&str] = &[
    "netsuite.client_id",
    "netsuite.client_secret",
    "netsuite.refresh_token",
    "netsuite.access_token",
    "intacct.client_id",
    "intacct.client_secret",
];

/// What the credentials step asks for. Only TBA exists for NetSuite so far;
/// the OAuth 2.0 methods get their own lists when their flows land.
pub fn secret_names(erp: Erp, _auth_method: Option<AuthMethod>) -> &'static [SecretSpec] {
    match erp {
        Erp::Netsuite => NETSUITE_TBA,
        Erp::Intacct => INTACCT_XML,
    }
}

/// Every keychain entry name a setup of any ERP may hold.
pub fn all_secret_names() -> impl Iterator<Item = &'static str> {
    NETSUITE_TBA
        .iter()
        .chain(INTACCT_XML)
        .map(|s| s.name)
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
        for spec in secret_names(Erp::Intacct, None) {
            assert!(spec.name.starts_with("intacct."), "{}", spec.name);
        }
    }
}
