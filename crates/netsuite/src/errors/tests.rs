use super::*;

fn parse(status: u16, body: &str) -> NetSuiteError {
    from_response(status, None, body.as_bytes(), &Redactor::new())
}

#[test]
fn invalid_login_body() {
    let e = parse(
        401,
        r#"{"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html","title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.","o:errorCode":"INVALID_LOGIN"}]}"#,
    );
    assert!(
        matches!(&e, NetSuiteError::InvalidLogin { detail } if detail.contains("Login Audit Trail"))
    );
    assert!(e.is_auth());
}

#[test]
fn concurrency_sample_with_odd_top_level_code() {
    let e = parse(
        429,
        r#"{"title":"Bad Request","status":429,"o:errorCode":"USER_ERROR","o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.","o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]}"#,
    );
    assert!(matches!(e, NetSuiteError::ConcurrencyLimitExceeded));
}

#[test]
fn permission_errors() {
    let e = parse(
        403,
        r#"{"title":"Forbidden","status":403,"o:errorDetails":[{"detail":"Permission Violation: You need the 'Lists -> Currency' permission to access this page. Please contact your account administrator.","o:errorCode":"INSUFFICIENT_PERMISSION"}]}"#,
    );
    assert!(
        matches!(e, NetSuiteError::InsufficientPermission { permission: Some(p), .. } if p == "Lists -> Currency")
    );
    let beta = parse(
        403,
        r#"{"title":"Forbidden","status":403,"o:errorDetails":[{"detail":"The account record is only available as a beta record. Enable the REST Record Service (Beta) feature in Setup > Company > Enable Features to work with this record.","o:errorCode":"INSUFFICIENT_PERMISSION"}]}"#,
    );
    assert!(matches!(
        beta,
        NetSuiteError::InsufficientPermission {
            permission: None,
            ..
        }
    ));
    let user = parse(
        400,
        r#"{"status":400,"o:errorDetails":[{"detail":"Your current role does not have permission to perform this action.","o:errorCode":"USER_ERROR"}]}"#,
    );
    assert!(matches!(user, NetSuiteError::UserError { detail } if detail.contains("current role")));
}

#[test]
fn record_and_query_errors() {
    assert!(matches!(
        parse(
            404,
            r#"{"status":404,"o:errorDetails":[{"detail":"Record does not exist.","o:errorCode":"NONEXISTENT_ID"}]}"#
        ),
        NetSuiteError::NonexistentId { .. }
    ));
    assert!(matches!(
        parse(
            400,
            r#"{"status":400,"o:errorDetails":[{"detail":"Invalid search query. Unknown identifier 'foo'.","o:errorCode":"INVALID_PARAMETER"}]}"#
        ),
        NetSuiteError::InvalidParameter { .. }
    ));
    assert!(matches!(
        parse(
            400,
            r#"{"status":400,"o:errorDetails":[{"detail":"The request could not be understood by the server due to malformed syntax.","o:errorCode":"INVALID_REQUEST"}]}"#
        ),
        NetSuiteError::InvalidRequest { .. }
    ));
    let content = parse(
        400,
        r#"{"status":400,"o:errorDetails":[{"detail":"Invalid value.","o:errorPath":"item.items[0].item","o:errorCode":"INVALID_CONTENT"}]}"#,
    );
    assert!(
        matches!(content, NetSuiteError::InvalidContent { path: Some(p), .. } if p == "item.items[0].item")
    );
    let unexpected = parse(
        500,
        r#"{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1","status":500,"o:errorDetails":[{"detail":"An unexpected error occurred. Error ID: lb2x3k4l1ab2cd3ef.","o:errorCode":"UNEXPECTED_ERROR"}]}"#,
    );
    assert!(
        matches!(unexpected, NetSuiteError::UnexpectedError { error_id: Some(id), .. } if id == "lb2x3k4l1ab2cd3ef")
    );
    let header = parse(
        400,
        r#"{"status":400,"o:errorDetails":[{"detail":"Invalid Accept-Language.","o:errorHeader":"Accept-Language","o:errorCode":"INVALID_HEADER"}]}"#,
    );
    assert_eq!(header.code(), Some("INVALID_HEADER"));
}

#[test]
fn bearer_challenge() {
    let e = from_response(
        401,
        Some(
            r#"Bearer realm="123456", error="invalid_token", error_description="Invalid login attempt.""#,
        ),
        b"",
        &Redactor::new(),
    );
    match e {
        NetSuiteError::BearerRejected {
            error,
            description,
            realm,
        } => {
            assert_eq!(error, "invalid_token");
            assert_eq!(description, "Invalid login attempt.");
            assert_eq!(realm.as_deref(), Some("123456"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn non_json_bodies() {
    let e = parse(502, "Bad gateway\n from proxy");
    assert!(
        matches!(e, NetSuiteError::NotJson { status: 502, snippet } if snippet == "Bad gateway from proxy")
    );
    assert!(
        matches!(parse(500, ""), NetSuiteError::NotJson { snippet, .. } if snippet == "(empty body)")
    );
}

/// NetSuite's details can echo what was sent; a REST error that quotes the
/// bearer token or a TBA secret reaches Onramp without it.
#[test]
fn echoed_secrets_never_reach_the_error() {
    let token = "eyJCANARY-ACCESS-TOKEN.payload.sig";
    let r = Redactor::new().with(token).with("CANARY-TOKEN-SECRET");
    let body = format!(
        r#"{{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,"o:errorDetails":[{{"detail":"Invalid login attempt for {token} (secret CANARY-TOKEN-SECRET).","o:errorCode":"INVALID_LOGIN"}}]}}"#
    );
    let e = from_response(401, None, body.as_bytes(), &r);
    let text = format!("{e} {e:?}");
    assert!(matches!(e, NetSuiteError::InvalidLogin { .. }), "{text}");
    assert!(!text.contains("CANARY"), "{text}");
    let html = from_response(
        502,
        None,
        format!("proxy saw Bearer {token}").as_bytes(),
        &r,
    );
    assert!(!format!("{html}").contains("CANARY"), "{html}");
}

/// A RESTlet's error envelope, as a public NetSuite client records it
/// (see `checks/restlet.rs`), verbatim; the status is not recorded there.
#[test]
fn restlet_error_envelope() {
    let e = parse(
        400,
        r#"{"error":{"code":"SSS_INVALID_SCRIPTLET_ID","message":"That Suitelet is invalid, disabled, or no longer exists."}}"#,
    );
    assert!(
        matches!(&e, NetSuiteError::Api { status: 400, code, detail }
            if code == "SSS_INVALID_SCRIPTLET_ID" && detail.starts_with("That Suitelet is invalid")),
        "{e:?}"
    );
    assert!(!e.is_auth());
}
