//! `GET /services/rest/record/v1/{type}` and `/{type}/{id}`: record permission,
//! subsidiary restrictions, paging.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::Response,
};
use serde_json::{json, Value};

use super::{json_ok, Collection, Singular};
use crate::netsuite::{
    ctx::RequestCtx,
    errors,
    gate::rest_caller,
    hosts::Service,
    model::{RestrictedCollections, RoleSpec},
    paging::Page,
    records::{id_of, permission_for, permission_violation, subsidiary_of, Requirement},
    state::NsState,
};

/// REST Record Service (Beta), under Setup > Company > Enable Features.
const BETA_FEATURE: &str = "REST_RECORD_SERVICE_BETA";

pub async fn list(
    State(state): State<NsState>,
    Path((_host, record_type)): Path<(String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    let (records, role) = match readable(&state, &ctx, &headers, &record_type) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let page = match Page::from_ctx(&ctx) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let visible: Vec<&Value> = records
        .iter()
        .filter(|r| {
            state.behaviour.restricted_collections == RestrictedCollections::ListAll
                || within_subsidiaries(&role, r)
        })
        .collect();
    let items = visible
        .iter()
        .skip(page.offset)
        .take(page.limit)
        .filter_map(|r| id_of(r))
        .map(|id| json!({"links": [self_link(&ctx, &id)], "id": id}))
        .collect();
    json_ok(Collection, page.envelope(&ctx, visible.len(), items))
}

pub async fn get_one(
    State(state): State<NsState>,
    Path((_host, record_type, id)): Path<(String, String, String)>,
    ctx: RequestCtx,
    headers: HeaderMap,
) -> Response {
    let (records, role) = match readable(&state, &ctx, &headers, &record_type) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(record) = records
        .iter()
        .find(|r| id_of(r).as_deref() == Some(id.as_str()))
    else {
        return errors::nonexistent_id();
    };
    // REST loads records in edit mode: a subsidiary restriction refuses the load
    // even though the role holds the record permission.
    if !within_subsidiaries(&role, record) {
        return errors::insufficient_permission(
            "You do not have permission to access this record: it belongs to a subsidiary outside your role's subsidiary restrictions.",
        );
    }
    let mut body = record.clone();
    if let Some(obj) = body.as_object_mut() {
        let base = ctx.base_url();
        obj.insert("links".into(), json!([{"rel": "self", "href": base}]));
    }
    json_ok(Singular, body)
}

/// Login, REST gate, record type and record permission; the type's records.
fn readable(
    state: &NsState,
    ctx: &RequestCtx,
    headers: &HeaderMap,
    record_type: &str,
) -> Result<(Vec<Value>, RoleSpec), Response> {
    ctx.require(Service::SuiteTalk)?;
    let (principal, role) = rest_caller(state, ctx, headers)?;
    let t = record_type.to_ascii_lowercase();
    let accounts = state.accounts();
    let account = accounts
        .get(&principal.account)
        .ok_or_else(errors::invalid_login)?;
    if state.behaviour.rest_beta_records.contains(&t) && !account.has_feature(BETA_FEATURE) {
        return Err(errors::beta_record(&t));
    }
    let mut known = account.records.get(&t).cloned();
    if t == "employee" {
        // Employees a scenario lists as users (and those created over REST) are records too.
        let rows = known.get_or_insert_with(Vec::new);
        for e in account.employees.values() {
            if !rows.iter().any(|r| id_of(r) == Some(e.id.to_string())) {
                rows.push(crate::netsuite::employees::to_json(account, e));
            }
        }
    }
    match permission_for(&t, &state.behaviour) {
        Requirement::Permission(key) if role.level(&key) < state.behaviour.record_read_level => {
            Err(errors::insufficient_permission(&permission_violation(&key)))
        }
        Requirement::UnknownType if known.is_none() => Err(errors::nonexistent_id_detail(
            &format!("Record type '{record_type}' does not exist."),
        )),
        _ => Ok((known.unwrap_or_default(), role)),
    }
}

fn within_subsidiaries(role: &RoleSpec, record: &Value) -> bool {
    role.subsidiaries.is_empty()
        || subsidiary_of(record).is_none_or(|s| role.subsidiaries.contains(&s))
}

fn self_link(ctx: &RequestCtx, id: &str) -> Value {
    json!({"rel": "self", "href": format!("{}/{id}", ctx.base_url())})
}
