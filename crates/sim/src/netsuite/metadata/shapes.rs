//! The metadata catalog's three answers, built for the simulated account's
//! record types. Each shape follows an Oracle sample kept verbatim in
//! `crates/sim/fixtures/netsuite/metadata-catalog/` (sources in its README).

use serde_json::{json, Map, Value};

/// Media types a metadata-catalog link names, in the order of Oracle's sample
/// (ORA:section_1540810174): canonical JSON, then the OpenAPI 3.0 alternate,
/// then the JSON Schema alternate (ORA:section_1545129726 names that media type).
pub const JSON: &str = "application/json";
pub const SWAGGER: &str = "application/swagger+json";
pub const SCHEMA: &str = "application/schema+json";

/// `{"name": "account", "links": [...]}`: one item of the catalog list
/// (fixture `list.json`, ORA:section_1540810174).
pub fn catalog_item(catalog_url: &str, record_type: &str) -> Value {
    let href = format!("{catalog_url}/{record_type}");
    let link = |rel: &str, media: &str| json!({"rel": rel, "href": href, "mediaType": media});
    json!({
        "name": record_type,
        "links": [link("canonical", JSON), link("alternate", SWAGGER), link("alternate", SCHEMA)],
    })
}

/// `{"items": [...]}` (fixture `list.json`).
pub fn catalog(catalog_url: &str, record_types: &[String]) -> Value {
    let items: Vec<Value> = record_types
        .iter()
        .map(|t| catalog_item(catalog_url, t))
        .collect();
    json!({ "items": items })
}

/// A record's JSON Schema (fixture `customer.schema.json`, ORA:section_1545129726):
/// `type: object`, and per field `title`, `type`, `format` where Oracle gives
/// one, `nullable`. Field types come from the scenario's record values; the
/// titles are the field IDs, since a scenario has no labels.
/// `x-ns-filterable` (the fields a query may filter on) is read by public
/// connectors as a top-level list (see the fixtures README).
pub fn json_schema(records: &[Value]) -> Value {
    let mut properties = Map::new();
    for record in records {
        let Some(fields) = record.as_object() else {
            continue;
        };
        for (name, value) in fields {
            if name == "links" || properties.contains_key(name) {
                continue;
            }
            if let Some(field) = field_schema(name, value) {
                properties.insert(name.clone(), field);
            }
        }
    }
    let filterable: Vec<&String> = properties
        .iter()
        .filter(|(_, f)| f["type"] != "object")
        .map(|(name, _)| name)
        .collect();
    json!({ "type": "object", "properties": properties, "x-ns-filterable": filterable })
}

fn field_schema(name: &str, value: &Value) -> Option<Value> {
    let (kind, format) = match value {
        Value::String(_) => ("string", None),
        Value::Bool(_) => ("boolean", None),
        // Oracle's sample: an integer field is `integer` with format `int64`.
        Value::Number(n) if n.is_i64() || n.is_u64() => ("integer", Some("int64")),
        Value::Number(_) => ("number", None),
        Value::Object(_) => ("object", None),
        Value::Null | Value::Array(_) => return None,
    };
    let mut field = json!({ "title": name, "type": kind, "nullable": true });
    if let Some(f) = format {
        field["format"] = json!(f);
    }
    Some(field)
}

/// OpenAPI 3.0 metadata for some record types (fixture `openapi.json`,
/// ORA:section_1545126526): the list operation of each record's path, and each
/// record's JSON Schema under `components.schemas`.
pub fn openapi(record_types: &[(String, Value)]) -> Value {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    for (record_type, schema) in record_types {
        paths.insert(
            format!("/{record_type}"),
            json!({
                "get": {
                    "tags": [record_type],
                    "summary": "Get list of records",
                    "parameters": [{
                        "name": "q",
                        "in": "query",
                        "description": "Search query used to filter results",
                        "schema": {"type": "string"}
                    }],
                    "responses": {"200": {"description": "Get record"}}
                }
            }),
        );
        schemas.insert(record_type.clone(), schema.clone());
    }
    json!({ "paths": paths, "components": { "schemas": schemas } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_types_follow_the_values_and_oracles_integer_format() {
        let schema = json_schema(&[
            json!({"id": "1", "count": 3, "total": 1.5, "active": true, "sub": {"id": "2"}}),
            json!({"id": "2", "note": null, "lines": []}),
        ]);
        let p = &schema["properties"];
        assert_eq!(
            p["count"],
            json!({"title": "count", "type": "integer", "format": "int64", "nullable": true})
        );
        assert_eq!(p["total"]["type"], "number");
        assert!(p["total"].get("format").is_none());
        assert_eq!(p["active"]["type"], "boolean");
        assert_eq!(p["sub"]["type"], "object");
        assert!(p.get("note").is_none() && p.get("lines").is_none());
        assert_eq!(
            schema["x-ns-filterable"],
            json!(["active", "count", "id", "total"])
        );
    }
}
