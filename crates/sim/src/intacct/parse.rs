//! Reads a gateway request into a small element tree. Lenient about what Sage
//! tolerates (whitespace, element order, unknown extras) but any XML that is
//! not well-formed is refused, as the gateway does (XL03000003).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Trimmed text of a child element, if present.
    pub fn text_of(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.trim().to_string())
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Deepest nesting accepted: real requests are under ten levels deep, and a
/// hostile one nested thousands deep must not overflow the stack.
pub const MAX_DEPTH: usize = 100;

/// Parses a whole document into its root element.
pub fn parse_document(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        match event {
            Event::Start(s) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(format!(
                        "elements are nested deeper than {MAX_DEPTH} levels"
                    ));
                }
                stack.push(start(&s)?)
            }
            Event::Empty(s) => {
                let el = start(&s)?;
                close(el, &mut stack, &mut root)?;
            }
            Event::End(_) => {
                let el = stack.pop().ok_or("unexpected closing tag")?;
                close(el, &mut stack, &mut root)?;
            }
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| e.to_string())?;
                append_text(&mut stack, &text)?;
            }
            Event::CData(c) => {
                let text = String::from_utf8_lossy(&c).into_owned();
                append_text(&mut stack, &text)?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("element <{}> is not closed", open.name));
    }
    root.ok_or_else(|| "the document has no root element".to_string())
}

fn start(s: &BytesStart<'_>) -> Result<Element, String> {
    let name = String::from_utf8_lossy(s.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in s.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
        let value = a.unescape_value().map_err(|e| e.to_string())?.into_owned();
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        ..Element::default()
    })
}

fn close(el: Element, stack: &mut [Element], root: &mut Option<Element>) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(el),
        None if root.is_some() => return Err("more than one root element".into()),
        None => *root = Some(el),
    }
    Ok(())
}

fn append_text(stack: &mut [Element], text: &str) -> Result<(), String> {
    match stack.last_mut() {
        Some(el) => el.text.push_str(text),
        None if text.trim().is_empty() => {}
        None => return Err("text outside the root element".into()),
    }
    Ok(())
}

/// `<control>` as sent; every element may be missing.
#[derive(Debug, Clone, Default)]
pub struct Control {
    pub senderid: String,
    pub password: String,
    pub controlid: String,
    pub uniqueid: Option<String>,
    pub dtdversion: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Auth {
    Login {
        userid: String,
        companyid: String,
        password: String,
        /// None = not sent; Some("") = explicitly top level.
        locationid: Option<String>,
    },
    Session(String),
}

#[derive(Debug, Clone)]
pub struct Function {
    pub controlid: String,
    pub body: Element,
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub transaction: bool,
    pub auth: Auth,
    pub functions: Vec<Function>,
}

#[derive(Debug, Clone)]
pub struct Request {
    pub control: Control,
    pub operations: Vec<Operation>,
}

/// Parses the envelope; `Err` carries the schema/parse detail for XL03000003.
pub fn parse_request(xml: &str) -> Result<Request, String> {
    let root = parse_document(xml)?;
    if root.name != "request" {
        return Err(format!("expected <request> but found <{}>", root.name));
    }
    let c = root.child("control").ok_or("<request> has no <control>")?;
    let control = Control {
        senderid: c.text_of("senderid").unwrap_or_default(),
        password: c
            .child("password")
            .map(|p| p.text.clone())
            .unwrap_or_default(),
        controlid: c.text_of("controlid").unwrap_or_default(),
        uniqueid: c.text_of("uniqueid"),
        dtdversion: c.text_of("dtdversion"),
    };
    let operations = root
        .children_named("operation")
        .map(operation)
        .collect::<Result<Vec<_>, _>>()?;
    if operations.is_empty() {
        return Err("<request> has no <operation>".into());
    }
    Ok(Request {
        control,
        operations,
    })
}

fn operation(op: &Element) -> Result<Operation, String> {
    let transaction = op.attr("transaction").is_some_and(|t| t.trim() == "true");
    let a = op
        .child("authentication")
        .ok_or("<operation> has no <authentication>")?;
    let auth = match (a.child("login"), a.child("sessionid")) {
        (Some(l), _) => Auth::Login {
            userid: l.text_of("userid").unwrap_or_default(),
            companyid: l.text_of("companyid").unwrap_or_default(),
            password: l
                .child("password")
                .map(|p| p.text.clone())
                .unwrap_or_default(),
            locationid: l.text_of("locationid"),
        },
        (None, Some(s)) => Auth::Session(s.text.trim().to_string()),
        (None, None) => return Err("<authentication> needs <login> or <sessionid>".into()),
    };
    let mut functions = Vec::new();
    for content in op.children_named("content") {
        for f in content.children_named("function") {
            let body = f.children.first().cloned().ok_or("<function> is empty")?;
            functions.push(Function {
                controlid: f.attr("controlid").unwrap_or_default().to_string(),
                body,
            });
        }
    }
    Ok(Operation {
        transaction,
        auth,
        functions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Request-like documents: the envelope's vocabulary, nested at random,
    /// with entities, CDATA, DOCTYPEs and cuts.
    fn request() -> impl Strategy<Value = String> {
        let name = prop::sample::select(
            &[
                "request",
                "control",
                "senderid",
                "password",
                "operation",
                "authentication",
                "login",
                "sessionid",
                "content",
                "function",
                "readByQuery",
                "a",
            ][..],
        );
        let leaf = (name.clone(), r"[a-zA-Z0-9 &;<>!\[\]CDAT]{0,20}")
            .prop_map(|(n, t)| format!("<{n}>{t}</{n}>"));
        let tree = leaf.prop_recursive(6, 64, 5, move |inner| {
            (name.clone(), prop::collection::vec(inner, 0..5))
                .prop_map(|(n, kids)| format!("<{n}>{}</{n}>", kids.concat()))
        });
        prop_oneof![
            ".{0,300}",
            (tree, 0usize..500).prop_map(|(t, cut)| {
                let doc = format!("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"ee\">]><request>{t}</request>");
                let cut = doc.char_indices().map(|(i, _)| i).find(|&i| i >= cut).unwrap_or(doc.len());
                if cut % 2 == 0 { doc[..cut].to_string() } else { doc }
            }),
        ]
    }

    proptest! {
        #[test]
        fn requests_never_panic(doc in request()) {
            let _ = parse_request(&doc);
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_it_can_overflow_the_stack() {
        let deep = |n: usize| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(parse_document(&deep(MAX_DEPTH)).is_ok());
        // About 140 KB, the size of the POST that used to kill the simulator.
        let e = parse_document(&deep(20_000)).unwrap_err();
        assert!(e.contains("nested deeper than"), "{e}");
    }
}
