//! Builds response documents in the shapes of Sage's published fixtures.

use quick_xml::escape::{escape, partial_escape};

use super::parse::Control;
use super::texts::ErrorText;

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// Escapes element text (`<`, `>`, `&`; quotes stay as sent, like Sage's output).
pub fn esc(s: &str) -> String {
    partial_escape(s).into_owned()
}

/// Escapes an attribute value.
pub fn attr(s: &str) -> String {
    escape(s).into_owned()
}

/// `<name>text</name>` with the text escaped.
pub fn el(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", esc(text))
}

pub fn errormessage(errors: &[ErrorText]) -> String {
    let mut out = String::from("<errormessage>");
    for e in errors {
        out.push_str("<error>");
        out.push_str(&el("errorno", &e.errorno));
        out.push_str(&el("description", &e.description));
        out.push_str(&el("description2", &e.description2));
        out.push_str(&el("correction", &e.correction));
        out.push_str("</error>");
    }
    out.push_str("</errormessage>");
    out
}

/// Control block echoing what the client sent.
pub fn control_block(status: &str, c: &Control) -> String {
    let mut out = format!("<control>{}", el("status", status));
    out.push_str(&el("senderid", &c.senderid));
    out.push_str(&el("controlid", &c.controlid));
    out.push_str(&el("uniqueid", c.uniqueid.as_deref().unwrap_or("false")));
    out.push_str(&el("dtdversion", c.dtdversion.as_deref().unwrap_or("3.0")));
    out.push_str("</control>");
    out
}

/// Control-level failure: nothing ran.
pub fn control_failure(c: &Control, errors: &[ErrorText]) -> String {
    format!(
        "{DECL}<response>{}{}</response>",
        control_block("failure", c),
        errormessage(errors)
    )
}

/// Expired demo company: empty senderid/controlid and no uniqueid.
pub fn demo_expired(error: &ErrorText) -> String {
    format!(
        "{DECL}<response><control><status>failure</status><senderid></senderid><controlid></controlid>\
         <dtdversion>3.0</dtdversion></control>{}</response>",
        errormessage(std::slice::from_ref(error))
    )
}

/// Gateway error (400/401/429): the control block holds only its status.
pub fn gateway_error(errorno: &str, description: &str) -> String {
    bare_failure(&[ErrorText::new(errorno, description, "", "")])
}

/// Control failure when nothing of the request could be read to echo back.
pub fn bare_failure(errors: &[ErrorText]) -> String {
    format!(
        "{DECL}<response><control><status>failure</status></control>{}</response>",
        errormessage(errors)
    )
}

#[derive(Debug, Clone)]
pub struct AuthBlock {
    pub ok: bool,
    pub userid: String,
    pub companyid: String,
    pub locationid: String,
    /// (sessiontimestamp, sessiontimeout), only on success.
    pub times: Option<(String, String)>,
}

impl AuthBlock {
    pub fn render(&self) -> String {
        let mut out = format!(
            "<authentication>{}",
            el("status", if self.ok { "success" } else { "failure" })
        );
        out.push_str(&el("userid", &self.userid));
        out.push_str(&el("companyid", &self.companyid));
        out.push_str(&el("locationid", &self.locationid));
        if let Some((ts, to)) = &self.times {
            out.push_str(&el("sessiontimestamp", ts));
            out.push_str(&el("sessiontimeout", to));
        }
        out.push_str("</authentication>");
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Success,
    Failure,
    Aborted,
}

#[derive(Debug, Clone)]
pub struct FunctionResult {
    pub status: Status,
    pub function: String,
    pub controlid: String,
    /// Raw `<data …>` element, built by the function.
    pub data: Option<String>,
    pub errors: Vec<ErrorText>,
}

impl FunctionResult {
    pub fn ok(function: &str, controlid: &str, data: String) -> Self {
        Self {
            status: Status::Success,
            function: function.into(),
            controlid: controlid.into(),
            data: Some(data),
            errors: Vec::new(),
        }
    }

    pub fn fail(function: &str, controlid: &str, error: ErrorText) -> Self {
        Self {
            status: Status::Failure,
            function: function.into(),
            controlid: controlid.into(),
            data: None,
            errors: vec![error],
        }
    }

    pub fn render(&self) -> String {
        let status = match self.status {
            Status::Success => "success",
            Status::Failure => "failure",
            Status::Aborted => "aborted",
        };
        let mut out = format!("<result>{}", el("status", status));
        out.push_str(&el("function", &self.function));
        out.push_str(&el("controlid", &self.controlid));
        if let Some(d) = &self.data {
            out.push_str(d);
        }
        if !self.errors.is_empty() {
            out.push_str(&errormessage(&self.errors));
        }
        out.push_str("</result>");
        out
    }
}

/// An operation's block: authentication, then results or its error.
pub fn operation_block(
    auth: &AuthBlock,
    results: &[FunctionResult],
    error: Option<&ErrorText>,
) -> String {
    let mut out = format!("<operation>{}", auth.render());
    match error {
        Some(e) => out.push_str(&errormessage(std::slice::from_ref(e))),
        None => results.iter().for_each(|r| out.push_str(&r.render())),
    }
    out.push_str("</operation>");
    out
}

pub fn response(control: &Control, operations: &[String]) -> String {
    format!(
        "{DECL}<response>{}{}</response>",
        control_block("success", control),
        operations.concat()
    )
}

/// The rolled-back-transaction error appended to every result of a failed transaction.
pub fn rolled_back() -> ErrorText {
    ErrorText::new(
        "XL03000009",
        "",
        "The entire transaction in this operation has been rolled back due to an error.",
        "",
    )
}
