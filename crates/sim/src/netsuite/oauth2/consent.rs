//! HTML of the authorize step: the simulated consent page (clearly marked as a
//! simulation) and the error page NetSuite shows when it cannot redirect.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

/// One employee/role pair the consent page offers.
pub struct Choice {
    pub value: String,
    pub label: String,
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn html(status: StatusCode, body: String) -> Response {
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    resp
}

const BANNER: &str = r#"<p style="background:#fde68a;padding:8px;font-weight:bold">SIMULATION: this page imitates NetSuite for Practice mode. It is not Oracle NetSuite.</p>"#;

/// NetSuite's no-redirect error page (unknown client, wrong redirect URI…).
pub fn error_page(message: &str, audit_detail: &str) -> Response {
    html(
        StatusCode::BAD_REQUEST,
        format!(
            "<!DOCTYPE html><html><head><title>Error</title></head><body>{BANNER}\
             <h1>An error occurred</h1><p>{}</p>\
             <p>Login Audit Trail Detail: <code>{}</code></p></body></html>",
            escape(message),
            escape(audit_detail)
        ),
    )
}

/// The consent page: who signs in with which role, Allow or Deny. The hidden
/// fields repeat the authorize request; the POST validates them all again.
pub fn consent_page(
    action: &str,
    application: &str,
    company: &str,
    scopes: &[String],
    hidden: &[(String, String)],
    choices: &[Choice],
) -> Response {
    let mut fields = String::new();
    for (k, v) in hidden {
        fields.push_str(&format!(
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
            escape(k),
            escape(v)
        ));
    }
    let mut options = String::new();
    for c in choices {
        options.push_str(&format!(
            "<option value=\"{}\">{}</option>\n",
            escape(&c.value),
            escape(&c.label)
        ));
    }
    let picker = if choices.is_empty() {
        "<p>No user of this account has a role with <b>Log in using OAuth 2.0 Access Tokens</b>; \
         only Deny is possible.</p>"
            .to_string()
    } else {
        format!("<label>Sign in as (user and role)<select name=\"principal\">\n{options}</select></label>")
    };
    html(
        StatusCode::OK,
        format!(
            "<!DOCTYPE html><html><head><title>Authorize {app}</title></head><body>{BANNER}\
             <h1>{app} wants to access {company}</h1>\
             <p>Scopes: {scopes}</p>\
             <form method=\"post\" action=\"{action}\">\n{fields}{picker}\n\
             <button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>\n\
             <button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n\
             </form></body></html>",
            app = escape(application),
            company = escape(company),
            scopes = escape(&scopes.join(", ")),
            action = escape(action),
        ),
    )
}
