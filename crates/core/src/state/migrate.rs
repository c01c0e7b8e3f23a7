//! Ordered migrations on the raw JSON, so old files load without old types.
//! Each step takes a document at version `from` to `from + 1`.

use serde_json::{Map, Value};

use super::model::SCHEMA_VERSION;
use super::StateError;
use crate::clock::now_rfc3339;

struct Migration {
    from: u32,
    what: &'static str,
    apply: fn(&mut Map<String, Value>) -> Result<(), StateError>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        what: "v1 -> v2: workspace names on setups become clients",
        apply: v1_to_v2,
    },
    Migration {
        from: 2,
        what: "v2 -> v3: a setup's string fields become typed fields",
        apply: super::migrate_fields::v2_to_v3,
    },
];

/// Brings `doc` to `SCHEMA_VERSION` and returns what was applied, in order.
pub fn migrate(doc: &mut Value) -> Result<Vec<String>, StateError> {
    let root = doc
        .as_object_mut()
        .ok_or_else(|| StateError::Corrupt("the file does not hold a JSON object".into()))?;
    let found = root
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
        .ok_or_else(|| StateError::Corrupt("schema_version is missing or invalid".into()))?;
    if found > SCHEMA_VERSION {
        return Err(StateError::UnsupportedVersion {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let mut applied = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| m.from >= found) {
        (m.apply)(root)?;
        root.insert("schema_version".into(), Value::from(m.from + 1));
        applied.push(m.what.to_owned());
    }
    Ok(applied)
}

/// v1 kept a free-text `workspace` on each setup; v2 has first-class clients
/// (one per distinct name) and setups point at them by `client_id`.
fn v1_to_v2(root: &mut Map<String, Value>) -> Result<(), StateError> {
    let mut clients: Vec<Value> = Vec::new();
    let setups = match root.get_mut("setups") {
        None => None,
        Some(Value::Array(setups)) => Some(setups),
        Some(_) => return Err(StateError::Corrupt("setups is not a list".into())),
    };
    for setup in setups.into_iter().flatten() {
        let setup = setup
            .as_object_mut()
            .ok_or_else(|| StateError::Corrupt("a setup is not a JSON object".into()))?;
        let name = match setup.remove("workspace") {
            Some(Value::String(name)) => name.trim().to_owned(),
            _ => String::new(),
        };
        let client_id = if name.is_empty() {
            Value::Null
        } else {
            let existing = clients.iter().find(|c| c["name"] == name.as_str());
            let id = match existing {
                Some(client) => client["id"].clone(),
                None => {
                    let created_at = setup
                        .get("created_at")
                        .cloned()
                        .unwrap_or_else(|| Value::from(now_rfc3339()));
                    let id = Value::from(uuid::Uuid::new_v4().to_string());
                    clients.push(serde_json::json!({
                        "id": id, "name": name, "notes": "", "created_at": created_at,
                    }));
                    id
                }
            };
            id
        };
        setup.insert("client_id".into(), client_id);
    }
    root.insert("clients".into(), Value::Array(clients));
    Ok(())
}
