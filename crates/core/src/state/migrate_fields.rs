//! v2 kept a setup's non-secret values as a map of strings; v3 types them
//! (`SetupFields`). Every key a v2 file may hold has a slot; a key this table
//! does not know is kept as it was under `fields.legacy`, never dropped.

use serde_json::{Map, Value};

use super::StateError;

/// How a v2 string becomes the v3 value.
#[derive(Clone, Copy)]
pub(super) enum As {
    Text,
    /// Space-separated words (token scopes) as a list.
    Words,
    /// The UI's "yes"/"no" as a boolean.
    YesNo,
    /// One of these strings (a typed enum that spells its variants the same).
    OneOf(&'static [&'static str]),
}

/// Each v2 key, where its value goes in v3's `fields` and how. Checklist
/// ticks (`checklist_<step>`, comma-joined) are handled apart.
pub(super) const LEGACY_KEYS: &[(&str, &[&str], As)] = &[
    ("role_name", &["role_name"], As::Text),
    ("user_email", &["user_email"], As::Text),
    ("previous_owner", &["previous_owner"], As::Text),
    ("prepared_by", &["prepared_by"], As::Text),
    ("practice_fix", &["practice_fix"], As::Text),
    ("oauth2_client_id", &["netsuite", "client_id"], As::Text),
    (
        "admin_client_id",
        &["netsuite", "admin_client_id"],
        As::Text,
    ),
    (
        "m2m_certificate_id",
        &["netsuite", "certificate_id"],
        As::Text,
    ),
    (
        "m2m_certificate_id_pending",
        &["netsuite", "certificate_id_pending"],
        As::Text,
    ),
    (
        "cert_expires_at",
        &["netsuite", "certificate_expires_at"],
        As::Text,
    ),
    (
        "integration_employee_id",
        &["netsuite", "employee_id"],
        As::Text,
    ),
    (
        "access_token_expires_at",
        &["netsuite", "token", "access_expires_at"],
        As::Text,
    ),
    (
        "refresh_token_expires_at",
        &["netsuite", "token", "refresh_expires_at"],
        As::Text,
    ),
    (
        "oauth2_token_role",
        &["netsuite", "token", "role"],
        As::Text,
    ),
    (
        "oauth2_token_entity",
        &["netsuite", "token", "entity"],
        As::Text,
    ),
    (
        "oauth2_token_scopes",
        &["netsuite", "token", "scopes"],
        As::Words,
    ),
    (
        "oauth2_token_role_name",
        &["netsuite", "token", "role_name"],
        As::Text,
    ),
    (
        "oauth2_token_user_name",
        &["netsuite", "token", "user_name"],
        As::Text,
    ),
    (
        "oauth2_token_user_email",
        &["netsuite", "token", "user_email"],
        As::Text,
    ),
    (
        "m2m_key_exported_at",
        &["netsuite", "key_export", "at"],
        As::Text,
    ),
    (
        "m2m_key_exported_to",
        &["netsuite", "key_export", "to"],
        As::Text,
    ),
    (
        "admin_token_expires_at",
        &["netsuite", "admin_session", "expires_at"],
        As::Text,
    ),
    (
        "admin_consented_by",
        &["netsuite", "admin_session", "consented_by"],
        As::Text,
    ),
    (
        "owner_change_to",
        &["netsuite", "owner_change", "to"],
        As::Text,
    ),
    (
        "owner_change_entity",
        &["netsuite", "owner_change", "entity"],
        As::Text,
    ),
    ("multi_entity", &["intacct", "multi_entity"], As::YesNo),
    (
        "permission_mode",
        &["intacct", "permission_mode"],
        As::OneOf(&["role", "user"]),
    ),
];

/// Groups of values that only mean something together, with the members a
/// v3 record requires; an incomplete group goes back to `legacy`.
const GROUPS: &[(&[&str], &[&str])] = &[
    (&["netsuite", "key_export"], &["at", "to"]),
    (
        &["netsuite", "admin_session"],
        &["expires_at", "consented_by"],
    ),
    (&["netsuite", "owner_change"], &["to"]),
];

const CHECKLIST: &str = "checklist_";

pub(super) fn v2_to_v3(root: &mut Map<String, Value>) -> Result<(), StateError> {
    let Some(setups) = root.get_mut("setups") else {
        return Ok(());
    };
    let setups = setups
        .as_array_mut()
        .ok_or_else(|| StateError::Corrupt("setups is not a list".into()))?;
    for setup in setups {
        let setup = setup
            .as_object_mut()
            .ok_or_else(|| StateError::Corrupt("a setup is not a JSON object".into()))?;
        let old = match setup.remove("fields") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(m)) => m,
            Some(_) => return Err(StateError::Corrupt("a setup's fields are not a map".into())),
        };
        setup.insert("fields".into(), Value::Object(typed(old)?));
    }
    Ok(())
}

fn typed(old: Map<String, Value>) -> Result<Map<String, Value>, StateError> {
    let mut new = Map::new();
    let mut legacy = Map::new();
    let mut checklists = Map::new();
    for (key, value) in old {
        let Value::String(text) = value else {
            return Err(StateError::Corrupt(format!("field {key} is not text")));
        };
        if let Some(step) = key.strip_prefix(CHECKLIST) {
            let items: Vec<Value> = words(&text, ',');
            if !items.is_empty() {
                checklists.insert(step.to_owned(), Value::Array(items));
            }
            continue;
        }
        let Some((_, path, how)) = LEGACY_KEYS.iter().find(|(k, ..)| *k == key) else {
            legacy.insert(key, Value::String(text));
            continue;
        };
        // Every reader took a blank value for no value: it has nothing to keep.
        if text.trim().is_empty() {
            continue;
        }
        match convert(&text, *how) {
            Some(v) => put(&mut new, path, v),
            None => {
                legacy.insert(key, Value::String(text));
            }
        }
    }
    for (path, required) in GROUPS {
        let (parent, name) = path.split_at(path.len() - 1);
        let Some(group) = object_at(&mut new, parent).and_then(|p| p.get(name[0])) else {
            continue;
        };
        if required.iter().all(|r| group.get(*r).is_some()) {
            continue;
        }
        let group = object_at(&mut new, parent)
            .and_then(|p| p.remove(name[0]))
            .unwrap_or_default();
        for (key, member, _) in LEGACY_KEYS.iter().filter(|(_, p, _)| p.starts_with(path)) {
            if let Some(Value::String(v)) = group.get(member[path.len()]) {
                legacy.insert((*key).to_owned(), Value::String(v.clone()));
            }
        }
    }
    if !checklists.is_empty() {
        new.insert("checklists".into(), Value::Object(checklists));
    }
    if !legacy.is_empty() {
        new.insert("legacy".into(), Value::Object(legacy));
    }
    Ok(new)
}

fn words(text: &str, sep: char) -> Vec<Value> {
    text.split(sep)
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(Value::from)
        .collect()
}

/// `None`: a value the typed slot cannot hold (it stays in `legacy`).
fn convert(text: &str, how: As) -> Option<Value> {
    let t = text.trim();
    match how {
        As::Text => Some(Value::from(t)),
        As::Words => Some(Value::Array(words(t, ' '))),
        As::YesNo => match t {
            "yes" => Some(Value::Bool(true)),
            "no" => Some(Value::Bool(false)),
            _ => None,
        },
        As::OneOf(allowed) => allowed.contains(&t).then(|| Value::from(t)),
    }
}

fn put(root: &mut Map<String, Value>, path: &[&str], value: Value) {
    let (last, parents) = path.split_last().expect("paths are not empty");
    let mut at = root;
    for p in parents {
        at = at
            .entry(*p)
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .expect("only objects are made on a path");
    }
    at.insert((*last).to_owned(), value);
}

fn object_at<'a>(
    root: &'a mut Map<String, Value>,
    path: &[&str],
) -> Option<&'a mut Map<String, Value>> {
    path.iter()
        .try_fold(root, |at, p| at.get_mut(*p)?.as_object_mut())
}
