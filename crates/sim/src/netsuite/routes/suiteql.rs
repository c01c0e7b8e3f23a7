//! `POST /services/rest/query/v1/suiteql`: `Prefer: transient`, paging within the
//! 100,000-result cap, values as text, items with `"links": []`.

use axum::{extract::State, http::HeaderMap, response::Response};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{json_ok, Collection};
use crate::netsuite::{
    ctx::RequestCtx,
    errors,
    gate::rest_caller,
    hosts::Service,
    model::{MissingPreferAnswer, SuiteqlParams, WorkbookMissingAnswer},
    paging::Page,
    records::permission_violation,
    state::NsState,
    suiteql::{self, QueryError},
    tables,
};

/// SuiteQL never returns more rows than this, however it is paged.
pub const MAX_RESULTS: usize = 100_000;

#[derive(Deserialize)]
struct Body {
    q: String,
    /// Not documented for REST; bound only when the scenario says so.
    params: Option<Vec<Value>>,
}

/// The permission SuiteQL needs at all (Oracle's REST setup, help article_5085602973).
const WORKBOOK: &str = "REPO_ANALYTICS";

pub async fn query(
    State(state): State<NsState>,
    ctx: RequestCtx,
    headers: HeaderMap,
    body: String,
) -> Response {
    if let Err(r) = ctx.require(Service::SuiteTalk) {
        return r;
    }
    let (principal, role) = match rest_caller(&state, &ctx, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let transient = headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(',')
                .any(|p| p.trim().eq_ignore_ascii_case("transient"))
        });
    if !transient && state.behaviour.missing_prefer_transient == MissingPreferAnswer::InvalidRequest
    {
        return errors::invalid_header(
            "Prefer",
            "SuiteQL queries require the header 'Prefer: transient'.",
        );
    }
    let page = match Page::from_ctx(&ctx) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if page.offset >= MAX_RESULTS {
        return errors::invalid_query_param(
            "offset",
            &format!("SuiteQL returns at most {MAX_RESULTS} results; page with a condition on the last id instead of a larger offset."),
        );
    }
    if role.level(WORKBOOK) < state.behaviour.record_read_level {
        return match state.behaviour.suiteql_without_workbook {
            WorkbookMissingAnswer::InsufficientPermission => {
                errors::insufficient_permission(&permission_violation(WORKBOOK))
            }
            WorkbookMissingAnswer::UserError => errors::user_error(errors::NO_PERMISSION_DETAIL),
        };
    }
    let Ok(body) = serde_json::from_str::<Body>(&body) else {
        return errors::invalid_request();
    };
    let params = match (body.params, state.behaviour.suiteql_params) {
        (None, _) => Vec::new(),
        (Some(p), SuiteqlParams::Bind) => p,
        (Some(_), SuiteqlParams::Refuse) => {
            return errors::invalid_content(
                "params",
                "Invalid content in the request body: the property 'params' is not supported. Specify the query in 'q'.",
            )
        }
    };
    let query = match suiteql::parse(&body.q, &params) {
        Ok(q) => q,
        Err(e) => return errors::invalid_parameter(&e.detail()),
    };
    let rows = {
        let trail = state.audit.rows();
        let accounts = state.accounts();
        let Some(account) = accounts.get(&principal.account) else {
            return errors::invalid_login();
        };
        let Some(table) = tables::table(account, &query.table, &role, &state.behaviour, &trail)
        else {
            return errors::invalid_parameter(
                &QueryError::UnknownIdentifier(query.table.clone()).detail(),
            );
        };
        match suiteql::run(&query, &table) {
            Ok(rows) => rows,
            Err(e) => return errors::invalid_parameter(&e.detail()),
        }
    };
    let total = rows.len().min(MAX_RESULTS);
    let items = rows
        .into_iter()
        .take(total)
        .skip(page.offset)
        .take(page.limit)
        .map(|row| {
            let mut obj: Map<String, Value> = Map::new();
            obj.insert("links".into(), json!([]));
            obj.extend(row.into_iter().map(|(k, v)| (k, Value::String(v))));
            Value::Object(obj)
        })
        .collect();
    json_ok(Collection, page.envelope(&ctx, total, items))
}
