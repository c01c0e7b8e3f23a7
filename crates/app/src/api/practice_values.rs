//! What Practice mode shows the user to paste: the scenario's simulated
//! values for the setup's sign-in method, by the secret (or field) name they
//! go into.

use onramp_core::profile::{AuthMethod, Erp};
use onramp_core::state::SecretName;
use onramp_sim::Scenario;

/// The NetSuite OAuth 2.0 client ID a user copies from the integration record:
/// not a secret (kept in the setup's fields) but shown with the practice
/// values under this name.
pub(super) const CLIENT_ID: &str = "netsuite.oauth2_client_id";

/// The scenario's simulated values by field name, for the sign-in method the
/// setup uses: what the user would copy from the simulated NetSuite (the
/// integration record's keys, the token), never a value the user makes
/// themselves (an M2M private key stays the user's own).
pub(super) fn simulated_values(
    erp: Erp,
    scenario: &Scenario,
    method: Option<AuthMethod>,
) -> Vec<(&'static str, String)> {
    let pairs: Vec<(&'static str, Option<String>)> = match erp {
        Erp::Netsuite => {
            let Some(ns) = scenario.netsuite.as_ref() else {
                return Vec::new();
            };
            let o = ns.oauth2.client.clone();
            let c = ns.client.clone();
            match method.unwrap_or(AuthMethod::Tba) {
                AuthMethod::Oauth2Code => vec![
                    (CLIENT_ID, o.client_id),
                    (
                        SecretName::NetsuiteOauth2ClientSecret.as_str(),
                        o.client_secret,
                    ),
                ],
                AuthMethod::Oauth2M2m => vec![(CLIENT_ID, o.client_id)],
                // OAuth 2.0 scenarios inherit TBA values from the happy
                // account, but what they rehearse fails only with OAuth 2.0.
                AuthMethod::Tba if o.client_id.is_some() => return Vec::new(),
                AuthMethod::Tba => vec![
                    (SecretName::NetsuiteConsumerKey.as_str(), c.consumer_key),
                    (
                        SecretName::NetsuiteConsumerSecret.as_str(),
                        c.consumer_secret,
                    ),
                    (SecretName::NetsuiteTokenId.as_str(), c.token_id),
                    (SecretName::NetsuiteTokenSecret.as_str(), c.token_secret),
                ],
            }
        }
        Erp::Intacct => {
            let Some(p) = scenario.intacct.as_ref().map(|i| i.practice.clone()) else {
                return Vec::new();
            };
            vec![
                (SecretName::IntacctSenderId.as_str(), Some(p.sender_id)),
                (
                    SecretName::IntacctSenderPassword.as_str(),
                    Some(p.sender_password),
                ),
                (SecretName::IntacctUserId.as_str(), Some(p.user_id)),
                (
                    SecretName::IntacctUserPassword.as_str(),
                    Some(p.user_password),
                ),
            ]
        }
    };
    if pairs.iter().any(|(_, v)| v.is_none()) {
        return Vec::new();
    }
    pairs
        .into_iter()
        .chain(optional_values(erp, scenario))
        .filter_map(|(n, v)| Some((n, v?)))
        .collect()
}

/// Values a run uses when they are stored (the Intacct REST application).
fn optional_values(erp: Erp, scenario: &Scenario) -> Vec<(&'static str, Option<String>)> {
    match (erp, scenario.intacct.as_ref()) {
        (Erp::Intacct, Some(i)) => vec![
            (
                SecretName::IntacctClientId.as_str(),
                i.practice.client_id.clone(),
            ),
            (
                SecretName::IntacctClientSecret.as_str(),
                i.practice.client_secret.clone(),
            ),
        ],
        _ => Vec::new(),
    }
}
