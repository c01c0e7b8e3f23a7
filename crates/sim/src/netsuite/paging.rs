//! Paging of collections and SuiteQL: `limit` 1..=1000 (default 1000), `offset`
//! a multiple of `limit`, and the `links`/`count`/`hasMore`/`offset`/
//! `totalResults`/`items` envelope.

use axum::response::Response;
use serde_json::{json, Value};

use super::{ctx::RequestCtx, errors};

pub const MAX_LIMIT: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Page {
    /// Reads `limit` and `offset`; the detail wording is the simulator's own
    /// (Oracle documents that a bad offset is refused, not the message).
    pub fn from_ctx(ctx: &RequestCtx) -> Result<Self, Response> {
        let pairs = ctx.query_pairs();
        let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim());
        let limit = match get("limit") {
            None => MAX_LIMIT,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(errors::invalid_query_param(
                        "limit",
                        &format!("Invalid value '{v}' for query parameter 'limit'. The value must be an integer from 1 to {MAX_LIMIT}."),
                    ))
                }
            },
        };
        let offset = match get("offset") {
            None => 0,
            Some(v) => v.parse::<usize>().map_err(|_| {
                errors::invalid_query_param(
                    "offset",
                    &format!("Invalid value '{v}' for query parameter 'offset'. The value must be a non-negative integer."),
                )
            })?,
        };
        if offset % limit != 0 {
            return Err(errors::invalid_query_param(
                "offset",
                &format!("Invalid value '{offset}' for query parameter 'offset'. The offset must be a multiple of the limit ({limit})."),
            ));
        }
        Ok(Self { limit, offset })
    }

    /// The collection envelope for `items` (already this page) out of `total`.
    pub fn envelope(&self, ctx: &RequestCtx, total: usize, items: Vec<Value>) -> Value {
        let href =
            |offset: usize| format!("{}?limit={}&offset={offset}", ctx.base_url(), self.limit);
        let has_more = self.offset + items.len() < total;
        let last = if total == 0 {
            0
        } else {
            (total - 1) / self.limit * self.limit
        };
        let mut links = vec![];
        if self.offset > 0 {
            links.push(
                json!({"rel": "previous", "href": href(self.offset.saturating_sub(self.limit))}),
            );
        }
        links.push(json!({"rel": "first", "href": href(0)}));
        if has_more {
            links.push(json!({"rel": "next", "href": href(self.offset + self.limit)}));
        }
        links.push(json!({"rel": "last", "href": href(last)}));
        links.push(json!({"rel": "self", "href": href(self.offset)}));
        json!({
            "links": links,
            "count": items.len(),
            "hasMore": has_more,
            "offset": self.offset,
            "totalResults": total,
            "items": items,
        })
    }
}
