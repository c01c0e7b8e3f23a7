//! The `[netsuite]` section for a reproduced NetSuite setup. Records (customers,
//! invoices…) come from the built-in practice company: a profile describes the
//! configuration, not the customer's data.

use onramp_core::observed::{FeatureState, IntegrationState, NsObserved, SetupProfile, TokenState};
use onramp_core::state::Environment;
use toml::{Table, Value};

use super::{connector_profile, practice_secret, ReproduceError};

const PRACTICE_COMPANY: &str = include_str!("../../scenarios/netsuite/happy.toml");
const ALL_FEATURES: &[&str] = &[
    "REST_WEB_SERVICES",
    "SOAP_WEB_SERVICES",
    "TOKEN_BASED_AUTHENTICATION",
    "OAUTH2",
    "SERVER_SUITESCRIPT",
    "CLIENT_SUITESCRIPT",
    "SUITEANALYTICS_WORKBOOK",
];
const INTEGRATION_ID: &str = "5E7F0C1A-0000-4000-8000-00000000C0DE";
const ROLE_ID: u64 = 1001;
const USER_ID: u64 = 13;
const ADMIN_ROLE: u64 = 3;

fn table(pairs: Vec<(&str, Value)>) -> Table {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

pub fn section(p: &SetupProfile, ns: &NsObserved) -> Result<Table, ReproduceError> {
    let account_id = p.setup.account_id.trim().to_string();
    if account_id.is_empty() {
        return Err(ReproduceError::Unsupported(
            "it names no NetSuite account".into(),
        ));
    }
    let kind = match p.setup.environment {
        Some(Environment::Sandbox) => "sandbox",
        Some(Environment::ReleasePreview) => "release_preview",
        _ => "production",
    };
    let features: Vec<Value> = ALL_FEATURES
        .iter()
        .filter(|f| ns.features.get(**f) != Some(&FeatureState::Off))
        .map(|f| (*f).into())
        .collect();
    let role_id = ns.role.id.filter(|id| *id != ADMIN_ROLE).unwrap_or(ROLE_ID);
    let role_name = ns
        .role
        .name
        .clone()
        .unwrap_or_else(|| "Integration role".into());
    let email = ns
        .user
        .email
        .clone()
        .unwrap_or_else(|| "integration@practice.example".into());
    let (consumer_key, consumer_secret) = (practice_secret(), practice_secret());
    let (token_id, token_secret) = (practice_secret(), practice_secret());

    let role = table(vec![
        ("id", Value::Integer(role_id as i64)),
        ("name", role_name.clone().into()),
        ("permissions", permissions(p, ns).into()),
    ]);
    let admin_role = table(vec![
        ("id", Value::Integer(ADMIN_ROLE as i64)),
        ("name", "Administrator".into()),
    ]);
    let user = table(vec![
        ("id", Value::Integer(USER_ID as i64)),
        ("email", email.clone().into()),
        ("name", "Integration user".into()),
        ("give_access", ns.user.give_access.unwrap_or(true).into()),
        ("inactive", (ns.user.active == Some(false)).into()),
        ("roles", Value::Array(vec![Value::Integer(role_id as i64)])),
    ]);
    let blocked = ns.integration.state == Some(IntegrationState::Blocked);
    let oauth2 = table(vec![
        ("auth_code_grant", true.into()),
        ("client_credentials", true.into()),
        (
            "redirect_uris",
            Value::Array(vec!["https://localhost/onramp/callback".into()]),
        ),
        (
            "scopes",
            Value::Array(vec!["rest_webservices".into(), "restlets".into()]),
        ),
    ]);
    let integration = table(vec![
        ("id", INTEGRATION_ID.into()),
        (
            "name",
            ns.integration
                .name
                .clone()
                .unwrap_or_else(|| "Practice integration".into())
                .into(),
        ),
        ("consumer_key", consumer_key.clone().into()),
        ("consumer_secret", consumer_secret.clone().into()),
        ("state", if blocked { "Blocked" } else { "Enabled" }.into()),
        ("tba", true.into()),
        ("oauth2", oauth2.into()),
    ]);
    let token = table(vec![
        ("id", token_id.clone().into()),
        ("secret", token_secret.clone().into()),
        ("name", "Practice token".into()),
        ("employee", Value::Integer(USER_ID as i64)),
        ("role", Value::Integer(role_id as i64)),
        ("integration", INTEGRATION_ID.into()),
        (
            "revoked",
            (ns.token.state == Some(TokenState::Revoked)).into(),
        ),
    ]);
    let mut account = table(vec![
        ("id", account_id.clone().into()),
        ("company_name", "Reproduced company".into()),
        ("kind", kind.into()),
        ("features", Value::Array(features)),
        ("roles", Value::Array(vec![admin_role.into(), role.into()])),
        ("employees", Value::Array(vec![user.into()])),
        ("integrations", Value::Array(vec![integration.into()])),
        ("tokens", Value::Array(vec![token.into()])),
    ]);
    if let Some(records) = practice_records() {
        account.insert("records".into(), records);
    }
    let mut client = table(vec![
        ("account_id", account_id.into()),
        ("consumer_key", consumer_key.into()),
        ("consumer_secret", consumer_secret.into()),
        ("token_id", token_id.into()),
        ("token_secret", token_secret.into()),
        ("role_name", role_name.into()),
        ("user_email", email.into()),
    ]);
    if let Some(id) = &p.setup.connector_profile_id {
        client.insert("profile".into(), id.clone().into());
    }
    Ok(table(vec![
        ("client", client.into()),
        ("accounts", Value::Array(vec![account.into()])),
    ]))
}

/// The observed levels; when the role could not be read, the connector
/// profile's levels stand in for what was not seen.
fn permissions(p: &SetupProfile, ns: &NsObserved) -> Table {
    let mut out = Table::new();
    if ns.role.source.as_deref() != Some("SuiteQL rolepermissions") {
        let required = connector_profile(p).and_then(|c| c.netsuite);
        for perm in required.iter().flat_map(|r| r.permissions.iter()) {
            out.insert(
                perm.id.clone(),
                Value::Integer(perm.level.permlevel().into()),
            );
        }
    }
    for (key, level) in &ns.role.permissions {
        out.insert(key.clone(), Value::Integer(level.permlevel().into()));
    }
    out
}

fn practice_records() -> Option<Value> {
    let doc: Table = toml::from_str(PRACTICE_COMPANY).ok()?;
    let accounts = doc.get("netsuite")?.get("accounts")?.as_array()?;
    accounts.first()?.get("records").cloned()
}
