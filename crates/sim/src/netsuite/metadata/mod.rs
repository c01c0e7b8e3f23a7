//! `GET /services/rest/record/v1/metadata-catalog` and `/metadata-catalog/{type}`:
//! the REST metadata catalog connectors use for discovery (ORA:chapter_1540810168).
//! The `Accept` header picks the answer: the catalog's links (JSON), OpenAPI 3.0
//! (`application/swagger+json`, with `select=a,b` on the list) or a record's
//! JSON Schema (`application/schema+json`). Login and the REST gate apply as
//! for any REST call. Record types are those the simulated account holds.

mod shapes;

use std::collections::BTreeMap;

use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::Value;

use super::{ctx::RequestCtx, errors, gate::rest_caller, hosts::Service, state::NsState};

/// Which representation the `Accept` header asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Links,
    OpenApi,
    JsonSchema,
}

fn wanted(headers: &HeaderMap) -> Wanted {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if accept.contains(shapes::SWAGGER) {
        Wanted::OpenApi
    } else if accept.contains(shapes::SCHEMA) {
        Wanted::JsonSchema
    } else {
        Wanted::Links
    }
}

pub async fn list(
    State(state): State<NsState>,
    Path(_host): Path<String>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    let records = match account_records(&state, &ctx, &headers) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let types: Vec<String> = records.keys().cloned().collect();
    if wanted(&headers) != Wanted::OpenApi {
        return answer(shapes::JSON, shapes::catalog(&ctx.base_url(), &types));
    }
    // `select=customer,salesorder` restricts OpenAPI output to those types.
    let selected: Vec<String> = match ctx.query_pairs().iter().find(|(k, _)| k == "select") {
        Some((_, v)) => v
            .split(',')
            .map(|t| t.trim().to_ascii_lowercase())
            .filter(|t| !t.is_empty())
            .collect(),
        None => types,
    };
    let mut schemas = Vec::new();
    for t in selected {
        match records.get(&t) {
            Some(rows) => schemas.push((t, shapes::json_schema(rows))),
            None => return unknown_type(&t),
        }
    }
    answer(shapes::SWAGGER, shapes::openapi(&schemas))
}

pub async fn one(
    State(state): State<NsState>,
    Path((_host, record_type)): Path<(String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    let records = match account_records(&state, &ctx, &headers) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let t = record_type.to_ascii_lowercase();
    let Some(rows) = records.get(&t) else {
        return unknown_type(&record_type);
    };
    let catalog_url = ctx
        .base_url()
        .trim_end_matches(&format!("/{record_type}"))
        .to_string();
    match wanted(&headers) {
        Wanted::Links => answer(shapes::JSON, shapes::catalog_item(&catalog_url, &t)),
        Wanted::JsonSchema => answer(shapes::SCHEMA, shapes::json_schema(rows)),
        Wanted::OpenApi => {
            let schema = shapes::json_schema(rows);
            answer(shapes::SWAGGER, shapes::openapi(&[(t, schema)]))
        }
    }
}

/// Login and REST gate, then the caller's account's records by type.
fn account_records(
    state: &NsState,
    ctx: &RequestCtx,
    headers: &HeaderMap,
) -> Result<BTreeMap<String, Vec<Value>>, Response> {
    ctx.require(Service::SuiteTalk)?;
    let (principal, _role) = rest_caller(state, ctx, headers)?;
    let accounts = state.accounts();
    let account = accounts
        .get(&principal.account)
        .ok_or_else(errors::invalid_login)?;
    Ok(account.records.clone())
}

fn unknown_type(record_type: &str) -> Response {
    errors::nonexistent_id_detail(&format!("Record type '{record_type}' does not exist."))
}

fn answer(media_type: &'static str, body: Value) -> Response {
    let mut resp = (StatusCode::OK, body.to_string()).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    resp
}
