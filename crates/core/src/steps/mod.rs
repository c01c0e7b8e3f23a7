//! The step catalogue: each flow's wizard steps (ids, titles, order, texts and
//! the checks that confirm each one), defined once here. The UI reads it
//! through the generated bindings; the report takes titles and order from it.

mod data;

use serde::Serialize;
use specta::Type;

use crate::profile::{AuthMethod, Erp};

/// How a step's page behaves beyond the common title, purpose and menu path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    External,
    Profile,
    Credentials,
    Validate,
    Report,
    AuthMethod,
    IntegrationRecord,
    OauthCode,
    OauthM2m,
    Ownership,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct StepDef {
    pub id: &'static str,
    pub title: &'static str,
    /// One or two plain sentences: why this step exists.
    pub purpose: &'static str,
    /// Exact menu path in the ERP, or none when the step happens in Onramp.
    #[serde(rename = "menuPath")]
    pub menu_path: Option<&'static str>,
    pub kind: StepKind,
    /// Check ids that confirm this step from the API; none when no call can prove it.
    pub checks: &'static [&'static str],
}

/// The steps of a flow, in wizard order. NetSuite's depend on the sign-in
/// method: its choice after the profile, the token owner after the
/// credentials, and for OAuth 2.0 the integration record and credentials
/// steps adapted to it (no method yet reads like TBA).
pub fn steps_for(erp: Erp, method: Option<AuthMethod>) -> Vec<StepDef> {
    match erp {
        Erp::Intacct => data::INTACCT.to_vec(),
        Erp::Netsuite => {
            let mut out = Vec::new();
            for step in data::NETSUITE {
                out.push(adapted(*step, method));
                match step.id {
                    "profile" => out.push(data::AUTH_METHOD),
                    "credentials" => out.push(data::OWNERSHIP),
                    _ => {}
                }
            }
            out
        }
    }
}

fn adapted(step: StepDef, method: Option<AuthMethod>) -> StepDef {
    match (method, step.id) {
        (Some(AuthMethod::Oauth2Code), "integration") => StepDef {
            purpose: "Create the integration record with the authorization code grant, Onramp's redirect URI and the scopes the connector needs. NetSuite shows the Client ID and secret only once.",
            kind: StepKind::IntegrationRecord,
            ..step
        },
        (Some(AuthMethod::Oauth2Code), "credentials") => StepDef {
            title: "Connect",
            purpose: "Enter the Client ID and secret, then sign in to NetSuite as the integration user and allow access. The tokens go straight to your system keychain.",
            menu_path: None,
            kind: StepKind::OauthCode,
            ..step
        },
        (Some(AuthMethod::Oauth2M2m), "integration") => StepDef {
            purpose: "Create the integration record with the client credentials (machine to machine) grant and the scopes the connector needs. NetSuite shows the Client ID only once.",
            kind: StepKind::IntegrationRecord,
            ..step
        },
        (Some(AuthMethod::Oauth2M2m), "credentials") => StepDef {
            title: "Certificate",
            purpose: "Onramp makes a key pair and a certificate. The private key stays in your system keychain; you upload the certificate to NetSuite and enter the Certificate ID it gives you.",
            menu_path: Some(data::M2M_SETUP_PATH),
            kind: StepKind::OauthM2m,
            ..step
        },
        _ => step,
    }
}

/// Every flow's steps by key (`netsuite/tba`, `netsuite/oauth2-code`,
/// `netsuite/oauth2-m2m`, `intacct`): what the UI's bindings carry.
pub fn catalogue() -> Vec<(String, Vec<StepDef>)> {
    let mut out = Vec::new();
    for (key, method) in [
        ("tba", AuthMethod::Tba),
        ("oauth2-code", AuthMethod::Oauth2Code),
        ("oauth2-m2m", AuthMethod::Oauth2M2m),
    ] {
        out.push((
            format!("netsuite/{key}"),
            steps_for(Erp::Netsuite, Some(method)),
        ));
    }
    out.push(("intacct".into(), steps_for(Erp::Intacct, None)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(steps: &[StepDef]) -> Vec<&str> {
        steps.iter().map(|s| s.id).collect()
    }

    #[test]
    fn netsuite_adds_the_method_and_owner_steps_around_the_base_ones() {
        let tba = steps_for(Erp::Netsuite, Some(AuthMethod::Tba));
        assert_eq!(
            ids(&tba),
            [
                "account",
                "profile",
                "auth",
                "features",
                "role",
                "integration",
                "user",
                "credentials",
                "ownership",
                "validate",
                "report"
            ]
        );
        assert_eq!(tba, steps_for(Erp::Netsuite, None));
    }

    #[test]
    fn oauth_methods_adapt_the_integration_and_credentials_steps() {
        let code = steps_for(Erp::Netsuite, Some(AuthMethod::Oauth2Code));
        let creds = code.iter().find(|s| s.id == "credentials").unwrap();
        assert_eq!(
            (creds.kind, creds.title, creds.menu_path),
            (StepKind::OauthCode, "Connect", None)
        );
        let m2m = steps_for(Erp::Netsuite, Some(AuthMethod::Oauth2M2m));
        let cert = m2m.iter().find(|s| s.id == "credentials").unwrap();
        assert_eq!(cert.title, "Certificate");
        assert!(cert.menu_path.unwrap().contains("(M2M) Setup"));
        assert_eq!(cert.checks, ["netsuite.auth", "netsuite.clock"]);
    }

    #[test]
    fn every_step_id_is_unique_within_its_flow() {
        for (key, steps) in catalogue() {
            let mut seen = ids(&steps);
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), steps.len(), "{key}");
        }
    }
}
