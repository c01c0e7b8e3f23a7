//! M2M certificate mappings through NetSuite's certificate endpoint (Oracle
//! help article_92130837826: list, set up, revoke; at most five active
//! certificates per integration record), instead of an upload by hand and a
//! copied Certificate ID. Request shapes from Oracle's examples; the answers'
//! field names are the simulator's [I] reading (see its `cert_api.rs`).

use reqwest::Method;
use serde::Serialize;
use serde_json::{json, Value};

use crate::client::NetSuiteClient;
use crate::errors::NetSuiteError;

/// Since 2026.1 an integration record holds at most five active certificates.
pub const MAX_ACTIVE: usize = 5;

/// One certificate mapped on the integration record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateSlot {
    pub certificate_id: String,
    pub role: String,
    pub entity: String,
    pub valid_until: String,
    pub revoked: bool,
}

fn path(client_id: &str) -> Result<String, NetSuiteError> {
    if client_id.is_empty() || !client_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(NetSuiteError::Refused(
            "the Client ID is letters and digits only".into(),
        ));
    }
    Ok(format!(
        "/services/rest/auth/oauth2/v1/clients/{client_id}/certificates"
    ))
}

fn text(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

pub async fn list(
    client: &NetSuiteClient,
    client_id: &str,
) -> Result<Vec<CertificateSlot>, NetSuiteError> {
    let body = client
        .restlets_json(Method::GET, &path(client_id)?, None)
        .await?;
    let items =
        body.get("items")
            .and_then(Value::as_array)
            .ok_or_else(|| NetSuiteError::NotJson {
                status: 200,
                snippet: "a certificate list without \"items\"".into(),
            })?;
    Ok(items
        .iter()
        .map(|i| CertificateSlot {
            certificate_id: text(i, "certificateId"),
            role: text(i, "role"),
            entity: text(i, "entity"),
            valid_until: text(i, "validUntil"),
            revoked: i.get("revoked").and_then(Value::as_bool).unwrap_or(false),
        })
        .collect())
}

/// Maps `certificate_pem` to `entity` with `role`; the new Certificate ID.
pub async fn map(
    client: &NetSuiteClient,
    client_id: &str,
    certificate_pem: &str,
    role: u64,
    entity: u64,
) -> Result<String, NetSuiteError> {
    let body = json!({ "fileContent": certificate_pem, "role": role, "entity": entity });
    let answer = client
        .restlets_json(Method::POST, &path(client_id)?, Some(&body))
        .await?;
    let id = text(&answer, "certificateId");
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(NetSuiteError::Refused(
            "NetSuite mapped the certificate but its answer names no certificate ID".into(),
        ));
    }
    Ok(id)
}

pub async fn revoke(
    client: &NetSuiteClient,
    client_id: &str,
    certificate_id: &str,
) -> Result<(), NetSuiteError> {
    if !certificate_id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(NetSuiteError::Refused(
            "that is not a certificate ID".into(),
        ));
    }
    let p = format!("{}/{certificate_id}/revoke", path(client_id)?);
    client
        .restlets_json(Method::POST, &p, None)
        .await
        .map(|_| ())
}
