//! NetSuite REST error bodies, as Oracle documents them (RFC 7807-like with
//! `o:errorDetails`), served as `application/vnd.oracle.resource+json`.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde_json::{json, Value};

pub const ERROR_CONTENT_TYPE: &str = "application/vnd.oracle.resource+json; type=error";

/// Every failed TBA login, whatever the reason (the reason goes to the audit trail).
pub const INVALID_LOGIN_DETAIL: &str = "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

pub const NO_PERMISSION_DETAIL: &str =
    "Your current role does not have permission to perform this action.";

fn respond(status: StatusCode, body: Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(ERROR_CONTENT_TYPE),
    );
    resp
}

fn rfc9110(section: &str) -> String {
    format!("https://www.rfc-editor.org/rfc/rfc9110.html#section-{section}")
}

/// The documented 401 body, byte for byte in content.
pub fn invalid_login() -> Response {
    respond(
        StatusCode::UNAUTHORIZED,
        json!({
            "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
            "title": "Unauthorized",
            "status": 401,
            "o:errorDetails": [{"detail": INVALID_LOGIN_DETAIL, "o:errorCode": "INVALID_LOGIN"}]
        }),
    )
}

/// Oracle's 429 sample, including its "Bad Request" title and top-level code.
pub fn concurrency_limit_exceeded() -> Response {
    respond(
        StatusCode::TOO_MANY_REQUESTS,
        json!({
            "title": "Bad Request",
            "status": 429,
            "o:errorCode": "USER_ERROR",
            "o:errorDetails": [{
                "detail": "Concurrent request limit exceeded. Request blocked.",
                "o:errorCode": "CONCURRENCY_LIMIT_EXCEEDED"
            }]
        }),
    )
}

pub fn insufficient_permission(detail: &str) -> Response {
    detailed(
        StatusCode::FORBIDDEN,
        "15.5.4",
        "Forbidden",
        detail,
        "INSUFFICIENT_PERMISSION",
    )
}

/// A beta REST record while REST Record Service (Beta) is off. The body of a
/// real answer, quoted in omniboost/go-netsuite-rest `client.go` (no `type`):
/// {"title":"Forbidden","status":403,"o:errorDetails":[{"detail":"The account
/// record is only available as a beta record. Enable the REST Record Service
/// (Beta) feature in Setup > Company > Enable Features to work with this
/// record.","o:errorCode":"INSUFFICIENT_PERMISSION"}]}
pub fn beta_record(record_type: &str) -> Response {
    respond(
        StatusCode::FORBIDDEN,
        json!({
            "title": "Forbidden",
            "status": 403,
            "o:errorDetails": [{
                "detail": format!("The {record_type} record is only available as a beta record. Enable the REST Record Service (Beta) feature in Setup > Company > Enable Features to work with this record."),
                "o:errorCode": "INSUFFICIENT_PERMISSION"
            }]
        }),
    )
}

/// 400 USER_ERROR: e.g. a role without REST Web Services.
pub fn user_error(detail: &str) -> Response {
    detailed(
        StatusCode::BAD_REQUEST,
        "15.5.1",
        "Bad Request",
        detail,
        "USER_ERROR",
    )
}

pub fn nonexistent_id() -> Response {
    nonexistent_id_detail("Record does not exist.")
}

pub fn nonexistent_id_detail(detail: &str) -> Response {
    detailed(
        StatusCode::NOT_FOUND,
        "15.5.5",
        "Not Found",
        detail,
        "NONEXISTENT_ID",
    )
}

pub fn invalid_request() -> Response {
    detailed(
        StatusCode::BAD_REQUEST,
        "15.5.1",
        "Bad Request",
        "The request could not be understood by the server due to malformed syntax.",
        "INVALID_REQUEST",
    )
}

/// 400 INVALID_REQUEST naming the offending header.
pub fn invalid_header(header_name: &str, detail: &str) -> Response {
    with_extra(
        StatusCode::BAD_REQUEST,
        "15.5.1",
        "Bad Request",
        detail,
        "INVALID_REQUEST",
        ("o:errorHeader", header_name),
    )
}

/// 400 INVALID_PARAMETER about a query parameter (`limit`, `offset`).
pub fn invalid_query_param(param: &str, detail: &str) -> Response {
    with_extra(
        StatusCode::BAD_REQUEST,
        "15.5.1",
        "Bad Request",
        detail,
        "INVALID_PARAMETER",
        ("o:errorQueryParam", param),
    )
}

/// 400 INVALID_CONTENT pointing at a body property (Oracle's error table,
/// help section_156570709583, shows `o:errorPath` with this code).
pub fn invalid_content(path: &str, detail: &str) -> Response {
    with_extra(
        StatusCode::BAD_REQUEST,
        "15.5.1",
        "Bad Request",
        detail,
        "INVALID_CONTENT",
        ("o:errorPath", path),
    )
}

/// 400 INVALID_PARAMETER from SuiteQL (unknown identifier, bad syntax).
pub fn invalid_parameter(detail: &str) -> Response {
    detailed(
        StatusCode::BAD_REQUEST,
        "15.5.1",
        "Bad Request",
        detail,
        "INVALID_PARAMETER",
    )
}

fn detailed(status: StatusCode, section: &str, title: &str, detail: &str, code: &str) -> Response {
    respond(
        status,
        json!({
            "type": rfc9110(section),
            "title": title,
            "status": status.as_u16(),
            "o:errorDetails": [{"detail": detail, "o:errorCode": code}]
        }),
    )
}

fn with_extra(
    status: StatusCode,
    section: &str,
    title: &str,
    detail: &str,
    code: &str,
    (key, value): (&str, &str),
) -> Response {
    let mut item = json!({"detail": detail, "o:errorCode": code});
    item[key] = json!(value);
    respond(
        status,
        json!({
            "type": rfc9110(section),
            "title": title,
            "status": status.as_u16(),
            "o:errorDetails": [item]
        }),
    )
}
