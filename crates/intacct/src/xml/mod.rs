//! The XML gateway's wire format: the request envelope (`request`) and the
//! layered response (`response`), over a small element tree (`Node`) so the
//! response parser can tolerate missing or reordered elements.

mod filter;
pub mod request;
pub mod response;

use quick_xml::events::Event;
use quick_xml::Reader;

/// Deepest element nesting accepted. Gateway answers are about ten levels
/// deep; a hostile answer nested thousands deep would otherwise overflow the
/// stack when the tree is dropped or walked.
pub const MAX_DEPTH: usize = 100;

/// One parsed element: name, attributes, concatenated text and children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Trimmed text of a direct child, `None` when the child is absent.
    pub fn child_text(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.trim().to_string())
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Parses a whole document into its root element.
    pub fn parse(bytes: &[u8]) -> Result<Node, String> {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().trim_text(false);
        let mut stack: Vec<Node> = Vec::new();
        let mut root: Option<Node> = None;
        let mut buf = Vec::new();
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
            match event {
                Event::Start(e) => {
                    if stack.len() >= MAX_DEPTH {
                        return Err(format!(
                            "elements are nested deeper than {MAX_DEPTH} levels"
                        ));
                    }
                    stack.push(open(&e)?)
                }
                Event::Empty(e) => {
                    let node = open(&e)?;
                    attach(&mut stack, &mut root, node)?;
                }
                Event::End(_) => {
                    let node = stack.pop().ok_or("closing tag without an opening tag")?;
                    attach(&mut stack, &mut root, node)?;
                }
                Event::Text(t) => {
                    let text = t.unescape().map_err(|e| e.to_string())?;
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&text);
                    }
                }
                Event::CData(c) => {
                    if let Some(top) = stack.last_mut() {
                        top.text.push_str(&String::from_utf8_lossy(&c));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        if !stack.is_empty() {
            return Err(format!(
                "the document ends inside <{}>",
                stack[stack.len() - 1].name
            ));
        }
        root.ok_or_else(|| "the document has no root element".to_string())
    }
}

fn open(e: &quick_xml::events::BytesStart<'_>) -> Result<Node, String> {
    let mut node = Node {
        name: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
        ..Node::default()
    };
    for attr in e.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = attr
            .unescape_value()
            .map_err(|e| e.to_string())?
            .into_owned();
        node.attrs.push((key, value));
    }
    Ok(node)
}

fn attach(stack: &mut [Node], root: &mut Option<Node>, node: Node) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None if root.is_none() => *root = Some(node),
        None => return Err("the document has more than one root element".into()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_elements_attributes_and_entities() {
        let n =
            Node::parse(br#"<?xml version="1.0"?><a x="1&amp;2"><b>T &lt; U</b><c/></a>"#).unwrap();
        assert_eq!(n.name, "a");
        assert_eq!(n.attr("x"), Some("1&2"));
        assert_eq!(n.child_text("b").as_deref(), Some("T < U"));
        assert!(n.child("c").is_some());
        assert!(n.child("d").is_none());
    }

    #[test]
    fn rejects_truncated_and_mismatched_documents() {
        assert!(Node::parse(b"<a><b>").is_err());
        assert!(Node::parse(b"<a></b>").is_err());
        assert!(Node::parse(b"").is_err());
        assert!(Node::parse(b"<a/><b/>").is_err());
    }

    #[test]
    fn refuses_nesting_past_the_limit_without_overflowing() {
        let deep = |n: usize| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(Node::parse(deep(MAX_DEPTH).as_bytes()).is_ok());
        let e = Node::parse(deep(20_000).as_bytes()).unwrap_err();
        assert!(e.contains("nested deeper than"), "{e}");
        // Unclosed: a truncated deep answer is refused the same way.
        assert!(Node::parse("<a>".repeat(20_000).as_bytes()).is_err());
    }
}
