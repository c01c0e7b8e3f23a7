//! The keychain entries a setup's credentials step asks for, by ERP and sign-in
//! method. Defined once here so the shell (which reads them for a run and
//! deletes them with the setup) and the UI (which asks for them) agree.

use serde::Serialize;
use specta::Type;

use crate::profile::{AuthMethod, Erp};

/// Every keychain entry a setup may hold, as one typed set; `as_str` is the
/// entry's name (`SecretKey.name`), which the CLI also reads from
/// `ONRAMP_<NAME>` environment variables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Type)]
pub enum SecretName {
    #[serde(rename = "netsuite.consumer_key")]
    NetsuiteConsumerKey,
    #[serde(rename = "netsuite.consumer_secret")]
    NetsuiteConsumerSecret,
    #[serde(rename = "netsuite.token_id")]
    NetsuiteTokenId,
    #[serde(rename = "netsuite.token_secret")]
    NetsuiteTokenSecret,
    #[serde(rename = "netsuite.oauth2_client_secret")]
    NetsuiteOauth2ClientSecret,
    #[serde(rename = "netsuite.oauth2_access_token")]
    NetsuiteOauth2AccessToken,
    #[serde(rename = "netsuite.oauth2_refresh_token")]
    NetsuiteOauth2RefreshToken,
    #[serde(rename = "netsuite.m2m_private_key")]
    NetsuiteM2mPrivateKey,
    #[serde(rename = "intacct.sender_id")]
    IntacctSenderId,
    #[serde(rename = "intacct.sender_password")]
    IntacctSenderPassword,
    #[serde(rename = "intacct.user_id")]
    IntacctUserId,
    #[serde(rename = "intacct.user_password")]
    IntacctUserPassword,
    #[serde(rename = "intacct.client_id")]
    IntacctClientId,
    #[serde(rename = "intacct.client_secret")]
    IntacctClientSecret,
}

impl SecretName {
    pub const ALL: [SecretName; 14] = [
        Self::NetsuiteConsumerKey,
        Self::NetsuiteConsumerSecret,
        Self::NetsuiteTokenId,
        Self::NetsuiteTokenSecret,
        Self::NetsuiteOauth2ClientSecret,
        Self::NetsuiteOauth2AccessToken,
        Self::NetsuiteOauth2RefreshToken,
        Self::NetsuiteM2mPrivateKey,
        Self::IntacctSenderId,
        Self::IntacctSenderPassword,
        Self::IntacctUserId,
        Self::IntacctUserPassword,
        Self::IntacctClientId,
        Self::IntacctClientSecret,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NetsuiteConsumerKey => "netsuite.consumer_key",
            Self::NetsuiteConsumerSecret => "netsuite.consumer_secret",
            Self::NetsuiteTokenId => "netsuite.token_id",
            Self::NetsuiteTokenSecret => "netsuite.token_secret",
            Self::NetsuiteOauth2ClientSecret => "netsuite.oauth2_client_secret",
            Self::NetsuiteOauth2AccessToken => "netsuite.oauth2_access_token",
            Self::NetsuiteOauth2RefreshToken => "netsuite.oauth2_refresh_token",
            Self::NetsuiteM2mPrivateKey => "netsuite.m2m_private_key",
            Self::IntacctSenderId => "intacct.sender_id",
            Self::IntacctSenderPassword => "intacct.sender_password",
            Self::IntacctUserId => "intacct.user_id",
            Self::IntacctUserPassword => "intacct.user_password",
            Self::IntacctClientId => "intacct.client_id",
            Self::IntacctClientSecret => "intacct.client_secret",
        }
    }
}

/// One secret the user pastes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct SecretSpec {
    pub name: SecretName,
    pub label: &'static str,
    pub help: &'static str,
}

const NETSUITE_TBA: &[SecretSpec] = &[
    SecretSpec {
        name: SecretName::NetsuiteConsumerKey,
        label: "Consumer key",
        help: "Shown once when the integration record is saved (Client credentials section).",
    },
    SecretSpec {
        name: SecretName::NetsuiteConsumerSecret,
        label: "Consumer secret",
        help: "Shown once, next to the consumer key, when the integration record is saved.",
    },
    SecretSpec {
        name: SecretName::NetsuiteTokenId,
        label: "Token ID",
        help: "Shown once when the access token for the integration user is created.",
    },
    SecretSpec {
        name: SecretName::NetsuiteTokenSecret,
        label: "Token secret",
        help: "Shown once, next to the token ID, when the access token is created.",
    },
];

const INTACCT_XML: &[SecretSpec] = &[
    SecretSpec {
        name: SecretName::IntacctSenderId,
        label: "Sender ID",
        help: "The Web Services sender ID authorised in the company (case-sensitive).",
    },
    SecretSpec {
        name: SecretName::IntacctSenderPassword,
        label: "Sender password",
        help: "The password that belongs to the sender ID.",
    },
    SecretSpec {
        name: SecretName::IntacctUserId,
        label: "Web Services user ID",
        help: "The user ID of the Web Services user (Company > Admin > Web Services users).",
    },
    SecretSpec {
        name: SecretName::IntacctUserPassword,
        label: "Web Services user password",
        help: "The password of that Web Services user.",
    },
];

/// Sage Intacct REST API (OAuth 2.0 client credentials): optional; when both
/// are stored the REST check runs too, else it is skipped with the reason.
const INTACCT_REST: &[SecretSpec] = &[
    SecretSpec {
        name: SecretName::IntacctClientId,
        label: "REST client ID",
        help: "The client ID of the REST application registered for the company (optional).",
    },
    SecretSpec {
        name: SecretName::IntacctClientSecret,
        label: "REST client secret",
        help: "The client secret of that REST application (optional).",
    },
];

/// NetSuite OAuth 2.0 keychain entries. Only the client secret is typed in;
/// the app itself writes the tokens (code flow) and the generated M2M key.
pub mod netsuite_oauth2 {
    /// The integration record's client secret (confidential clients).
    use super::SecretName;

    pub const CLIENT_SECRET: &str = SecretName::NetsuiteOauth2ClientSecret.as_str();
    pub const ACCESS_TOKEN: &str = SecretName::NetsuiteOauth2AccessToken.as_str();
    pub const REFRESH_TOKEN: &str = SecretName::NetsuiteOauth2RefreshToken.as_str();
    /// PKCS#8 PEM of the M2M key pair.
    pub const M2M_PRIVATE_KEY: &str = SecretName::NetsuiteM2mPrivateKey.as_str();
}

const NETSUITE_OAUTH2_CODE: &[SecretSpec] = &[SecretSpec {
    name: SecretName::NetsuiteOauth2ClientSecret,
    label: "Client secret",
    help: "Shown once, under the Client ID, when the integration record is saved. Leave it empty for a public client.",
}];

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
    SecretName::ALL
        .iter()
        .map(|n| n.as_str())
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
            assert!(spec.name.as_str().starts_with("netsuite."), "{spec:?}");
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
            assert!(spec.name.as_str().starts_with("intacct."), "{spec:?}");
        }
    }

    #[test]
    fn a_name_is_sent_to_the_window_as_its_keychain_name() {
        for name in SecretName::ALL {
            let json = serde_json::to_value(name).unwrap();
            assert_eq!(json, name.as_str());
        }
    }
}
