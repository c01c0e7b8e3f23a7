//! NetSuite endpoints, each under the `/{host}` transport segment.

pub mod discovery;
pub mod employees;
pub mod records;
pub mod sim;
pub mod suiteql;
pub mod system;

use axum::{
    http::{header::CONTENT_TYPE, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::Value;

/// Record and collection responses carry Oracle's resource media type.
#[derive(Debug, Clone, Copy)]
pub struct Singular;
#[derive(Debug, Clone, Copy)]
pub struct Collection;

pub trait MediaType {
    const VALUE: &'static str;
}

impl MediaType for Singular {
    const VALUE: &'static str = "application/vnd.oracle.resource+json; type=singular";
}

impl MediaType for Collection {
    const VALUE: &'static str = "application/vnd.oracle.resource+json; type=collection";
}

pub fn json_ok<M: MediaType>(_: M, body: Value) -> Response {
    let mut resp = (StatusCode::OK, body.to_string()).into_response();
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(M::VALUE));
    resp
}
