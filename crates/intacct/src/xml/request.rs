//! Builds gateway requests with quick-xml's writer, in the element order of the
//! official dtdversion 3.0 schema, so user values are always escaped.

use std::io::Cursor;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::filter;
pub use super::filter::Filter;
use crate::errors::IntacctError;

/// The `control` block: who sends the request (the Web Services sender).
#[derive(Debug, Clone)]
pub struct Control<'a> {
    pub sender_id: &'a str,
    pub sender_password: &'a str,
    pub control_id: &'a str,
    /// `false`: function control ids are not checked for repeats, so retries are safe.
    pub unique_id: bool,
}

/// The `authentication` block of an operation.
#[derive(Debug, Clone)]
pub enum Auth<'a> {
    Login {
        user_id: &'a str,
        company_id: &'a str,
        password: &'a str,
        location_id: Option<&'a str>,
    },
    Session(&'a str),
}

/// `getAPISession`'s optional entity choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionLocation {
    /// No `locationid` element: the session follows the login.
    Default,
    /// An empty `<locationid/>`: a top-level session.
    TopLevel,
    Entity(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub object: String,
    pub fields: Vec<String>,
    pub filter: Option<Filter>,
    pub page_size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Function {
    GetApiSession(SessionLocation),
    Query(Query),
    ReadByQuery {
        object: String,
        query: String,
        fields: String,
        page_size: u32,
    },
    ReadByName {
        object: String,
        keys: String,
        fields: String,
    },
    GetUserPermissions {
        user_id: String,
    },
    GetApplications,
    /// The generic `update` of one user's status, by RECORDNO.
    UpdateUser(UserUpdate),
}

/// A USERINFO status change. Sage deletes the entity restrictions an update
/// leaves out ("you must include the original restrictions ... or they will
/// be deleted"), so the user's current ones go with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserUpdate {
    pub record_no: String,
    /// `active`, `inactive` or `lockedout`.
    pub status: String,
    pub locations: Vec<String>,
}

impl Function {
    /// The element name, as results echo it in `<function>`.
    pub fn name(&self) -> &'static str {
        match self {
            Function::GetApiSession(_) => "getAPISession",
            Function::Query(_) => "query",
            Function::ReadByQuery { .. } => "readByQuery",
            Function::ReadByName { .. } => "readByName",
            Function::GetUserPermissions { .. } => "getUserPermissions",
            Function::GetApplications => "get_applications",
            Function::UpdateUser(_) => "update",
        }
    }

    fn validate(&self) -> Result<(), IntacctError> {
        match self {
            Function::Query(q) => {
                require("query object", &q.object)?;
                if q.fields.is_empty() {
                    return Err(invalid("a query needs at least one field to select"));
                }
                if !(1..=2000).contains(&q.page_size) {
                    return Err(invalid("query page size must be between 1 and 2000"));
                }
                if let Some(f) = &q.filter {
                    filter::validate(f)?;
                }
                Ok(())
            }
            Function::ReadByQuery {
                object, page_size, ..
            } => {
                require("readByQuery object", object)?;
                if !(1..=1000).contains(page_size) {
                    return Err(invalid("readByQuery page size must be between 1 and 1000"));
                }
                Ok(())
            }
            Function::ReadByName { object, keys, .. } => {
                require("readByName object", object)?;
                require("readByName keys", keys)
            }
            Function::GetUserPermissions { user_id } => require("user ID", user_id),
            Function::UpdateUser(u) => {
                if u.record_no.is_empty() || !u.record_no.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(invalid("a user's RECORDNO is a number"));
                }
                match u.status.as_str() {
                    "active" | "inactive" | "lockedout" => Ok(()),
                    _ => Err(invalid("a user's status is active, inactive or lockedout")),
                }
            }
            Function::GetApiSession(SessionLocation::Entity(e)) => require("entity ID", e),
            _ => Ok(()),
        }
    }
}

pub(super) fn invalid(msg: &str) -> IntacctError {
    IntacctError::InvalidInput(msg.to_string())
}

fn require(what: &str, value: &str) -> Result<(), IntacctError> {
    if value.trim().is_empty() {
        Err(IntacctError::InvalidInput(format!("{what} is empty")))
    } else {
        Ok(())
    }
}

pub(super) type W = Writer<Cursor<Vec<u8>>>;
pub(super) type Res = Result<(), IntacctError>;

/// One request with one operation holding `functions` (each with its control id).
pub fn build(
    control: &Control<'_>,
    auth: &Auth<'_>,
    functions: &[(String, Function)],
) -> Result<Vec<u8>, IntacctError> {
    if control.control_id.is_empty() || control.control_id.len() > 256 {
        return Err(invalid("a control id has 1 to 256 characters"));
    }
    require("sender ID", control.sender_id)?;
    for (id, f) in functions {
        if id.is_empty() || id.len() > 256 {
            return Err(invalid("a function control id has 1 to 256 characters"));
        }
        f.validate()?;
    }
    let mut w = Writer::new(Cursor::new(Vec::new()));
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(&mut w, "request")?;
    start(&mut w, "control")?;
    leaf(&mut w, "senderid", control.sender_id)?;
    leaf(&mut w, "password", control.sender_password)?;
    leaf(&mut w, "controlid", control.control_id)?;
    leaf(&mut w, "uniqueid", bool_str(control.unique_id))?;
    leaf(&mut w, "dtdversion", "3.0")?;
    leaf(&mut w, "includewhitespace", "false")?;
    end(&mut w, "control")?;
    w.write_event(Event::Start(
        BytesStart::new("operation").with_attributes([("transaction", "false")]),
    ))?;
    write_auth(&mut w, auth)?;
    if !functions.is_empty() {
        start(&mut w, "content")?;
        for (id, f) in functions {
            w.write_event(Event::Start(
                BytesStart::new("function").with_attributes([("controlid", id.as_str())]),
            ))?;
            write_function(&mut w, f)?;
            end(&mut w, "function")?;
        }
        end(&mut w, "content")?;
    }
    end(&mut w, "operation")?;
    end(&mut w, "request")?;
    Ok(w.into_inner().into_inner())
}

fn write_auth(w: &mut W, auth: &Auth<'_>) -> Res {
    start(w, "authentication")?;
    match auth {
        Auth::Login {
            user_id,
            company_id,
            password,
            location_id,
        } => {
            start(w, "login")?;
            leaf(w, "userid", user_id)?;
            leaf(w, "companyid", company_id)?;
            leaf(w, "password", password)?;
            if let Some(loc) = location_id {
                leaf(w, "locationid", loc)?;
            }
            end(w, "login")?;
        }
        Auth::Session(id) => leaf(w, "sessionid", id)?,
    }
    end(w, "authentication")
}

fn write_function(w: &mut W, f: &Function) -> Res {
    match f {
        Function::GetApiSession(SessionLocation::Default) => empty(w, "getAPISession"),
        Function::GetApiSession(SessionLocation::TopLevel) => {
            start(w, "getAPISession")?;
            empty(w, "locationid")?;
            end(w, "getAPISession")
        }
        Function::GetApiSession(SessionLocation::Entity(e)) => {
            start(w, "getAPISession")?;
            leaf(w, "locationid", e)?;
            end(w, "getAPISession")
        }
        Function::Query(q) => {
            start(w, "query")?;
            leaf(w, "object", &q.object)?;
            start(w, "select")?;
            for field in &q.fields {
                leaf(w, "field", field)?;
            }
            end(w, "select")?;
            if let Some(filter) = &q.filter {
                start(w, "filter")?;
                filter::write(w, filter)?;
                end(w, "filter")?;
            }
            leaf(w, "pagesize", &q.page_size.to_string())?;
            end(w, "query")
        }
        Function::ReadByQuery {
            object,
            query,
            fields,
            page_size,
        } => {
            start(w, "readByQuery")?;
            leaf(w, "object", object)?;
            leaf(w, "fields", fields)?;
            leaf(w, "query", query)?;
            leaf(w, "pagesize", &page_size.to_string())?;
            end(w, "readByQuery")
        }
        Function::ReadByName {
            object,
            keys,
            fields,
        } => {
            start(w, "readByName")?;
            leaf(w, "object", object)?;
            leaf(w, "keys", keys)?;
            leaf(w, "fields", fields)?;
            end(w, "readByName")
        }
        Function::GetUserPermissions { user_id } => {
            start(w, "getUserPermissions")?;
            leaf(w, "userId", user_id)?;
            end(w, "getUserPermissions")
        }
        Function::GetApplications => empty(w, "get_applications"),
        Function::UpdateUser(u) => {
            start(w, "update")?;
            start(w, "USERINFO")?;
            leaf(w, "RECORDNO", &u.record_no)?;
            leaf(w, "STATUS", &u.status)?;
            if !u.locations.is_empty() {
                start(w, "USERLOCATIONS")?;
                for l in &u.locations {
                    leaf(w, "LOCATIONID", l)?;
                }
                end(w, "USERLOCATIONS")?;
            }
            end(w, "USERINFO")?;
            end(w, "update")
        }
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

pub(super) fn start(w: &mut W, name: &str) -> Res {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    Ok(())
}

pub(super) fn end(w: &mut W, name: &str) -> Res {
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

fn empty(w: &mut W, name: &str) -> Res {
    w.write_event(Event::Empty(BytesStart::new(name)))?;
    Ok(())
}

pub(super) fn leaf(w: &mut W, name: &str, text: &str) -> Res {
    start(w, name)?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    end(w, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::Node;

    fn control() -> Control<'static> {
        Control {
            sender_id: "testsenderid",
            sender_password: "pass123!",
            control_id: "unittest",
            unique_id: false,
        }
    }

    #[test]
    fn envelope_matches_the_sdk_fixture_shape() {
        let auth = Auth::Login {
            user_id: "testuser",
            company_id: "testcompany",
            password: "testpass",
            location_id: Some("testentity"),
        };
        let xml = build(
            &control(),
            &auth,
            &[(
                "f1".into(),
                Function::GetApiSession(SessionLocation::Default),
            )],
        )
        .unwrap();
        let root = Node::parse(&xml).unwrap();
        assert_eq!(root.name, "request");
        let c = root.child("control").unwrap();
        let order: Vec<&str> = c.children.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "senderid",
                "password",
                "controlid",
                "uniqueid",
                "dtdversion",
                "includewhitespace"
            ]
        );
        assert_eq!(c.child_text("uniqueid").as_deref(), Some("false"));
        let op = root.child("operation").unwrap();
        assert_eq!(op.attr("transaction"), Some("false"));
        let login = op.child("authentication").unwrap().child("login").unwrap();
        assert_eq!(
            login.child_text("locationid").as_deref(),
            Some("testentity")
        );
        let f = op.child("content").unwrap().child("function").unwrap();
        assert_eq!(f.attr("controlid"), Some("f1"));
        assert!(f.child("getAPISession").is_some());
    }

    #[test]
    fn user_values_are_escaped_not_concatenated() {
        let auth = Auth::Login {
            user_id: "a</userid><x>",
            company_id: "c&o",
            password: "p\"<'>",
            location_id: None,
        };
        let xml = build(&control(), &auth, &[]).unwrap();
        let login = Node::parse(&xml).unwrap();
        let login = login
            .child("operation")
            .unwrap()
            .child("authentication")
            .unwrap()
            .child("login")
            .unwrap();
        assert_eq!(login.child_text("userid").as_deref(), Some("a</userid><x>"));
        assert_eq!(login.child_text("companyid").as_deref(), Some("c&o"));
        assert_eq!(login.child_text("password").as_deref(), Some("p\"<'>"));
        assert!(login.child("locationid").is_none());
    }

    /// The `<update>` Sage documents under "Update User"
    /// (developer.intacct.com/api/company-console/users): the user by RECORDNO,
    /// and its restrictions, one USERLOCATIONS holding each LOCATIONID.
    #[test]
    fn user_update_matches_the_documented_sample() {
        let update = Function::UpdateUser(UserUpdate {
            record_no: "121".into(),
            status: "inactive".into(),
            locations: vec!["San Jose".into(), "San Francisco".into()],
        });
        let xml = build(&control(), &Auth::Session("s"), &[("off".into(), update)]).unwrap();
        let text = String::from_utf8(xml).unwrap();
        assert!(
            text.contains("<function controlid=\"off\"><update><USERINFO><RECORDNO>121</RECORDNO><STATUS>inactive</STATUS><USERLOCATIONS><LOCATIONID>San Jose</LOCATIONID><LOCATIONID>San Francisco</LOCATIONID></USERLOCATIONS></USERINFO></update></function>"),
            "{text}"
        );
        // A user without restrictions sends none (there are none to keep).
        let bare = Function::UpdateUser(UserUpdate {
            record_no: "7".into(),
            status: "inactive".into(),
            locations: Vec::new(),
        });
        let xml = build(&control(), &Auth::Session("s"), &[("f".into(), bare)]).unwrap();
        assert!(String::from_utf8(xml)
            .unwrap()
            .contains("<USERINFO><RECORDNO>7</RECORDNO><STATUS>inactive</STATUS></USERINFO>"));
    }

    #[test]
    fn user_updates_take_a_numeric_record_and_a_known_status() {
        let auth = Auth::Session("s");
        let update = |record_no: &str, status: &str| {
            Function::UpdateUser(UserUpdate {
                record_no: record_no.into(),
                status: status.into(),
                locations: Vec::new(),
            })
        };
        for (record, status) in [("", "inactive"), ("1 OR 1", "inactive"), ("1", "gone")] {
            assert!(matches!(
                build(&control(), &auth, &[("f".into(), update(record, status))]),
                Err(IntacctError::InvalidInput(_))
            ));
        }
        for status in ["active", "inactive", "lockedout"] {
            assert!(build(&control(), &auth, &[("f".into(), update("1", status))]).is_ok());
        }
    }

    #[test]
    fn bad_page_sizes_and_empty_names_are_refused() {
        let q = |n| {
            Function::Query(Query {
                object: "GLACCOUNT".into(),
                fields: vec!["RECORDNO".into()],
                filter: None,
                page_size: n,
            })
        };
        let auth = Auth::Session("s");
        for bad in [0, 2001] {
            assert!(matches!(
                build(&control(), &auth, &[("f".into(), q(bad))]),
                Err(IntacctError::InvalidInput(_))
            ));
        }
        assert!(build(&control(), &auth, &[("f".into(), q(2000))]).is_ok());
        let empty_user = Function::GetUserPermissions {
            user_id: " ".into(),
        };
        assert!(build(&control(), &auth, &[("f".into(), empty_user)]).is_err());
        let long = "x".repeat(257);
        assert!(build(
            &Control {
                control_id: &long,
                ..control()
            },
            &auth,
            &[]
        )
        .is_err());
    }
}
