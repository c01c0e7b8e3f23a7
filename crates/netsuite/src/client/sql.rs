//! SuiteQL literals. Over REST, Oracle documents only the body parameter `q`
//! (help section_157909186990, section_158394344595); bind `params` exist for
//! SuiteScript's `query.runSuiteQL` only. So values are inlined as literals:
//! numeric IDs must be digits, text has its single quotes doubled.

use serde_json::Value;

use crate::errors::NetSuiteError;

/// A value safe to splice into a SuiteQL query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal(String);

impl Literal {
    /// An internal ID: ASCII digits only (at most 20, a u64).
    pub fn id(s: &str) -> Result<Self, NetSuiteError> {
        let s = s.trim();
        if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NetSuiteError::Refused(format!(
                "'{s}' is not a NetSuite internal ID (digits only)"
            )));
        }
        Ok(Self(s.to_string()))
    }

    /// A text literal: `O'Brien` becomes `'O''Brien'`. Control characters are
    /// refused: no name NetSuite shows contains them.
    pub fn text(s: &str) -> Result<Self, NetSuiteError> {
        if s.chars().any(char::is_control) {
            return Err(NetSuiteError::Refused(
                "the value contains a control character".into(),
            ));
        }
        Ok(Self(format!("'{}'", s.replace('\'', "''"))))
    }

    /// A JSON number becomes an ID, a string becomes text; nothing else is accepted.
    pub fn from_json(v: &Value) -> Result<Self, NetSuiteError> {
        match v {
            Value::Number(n) => Self::id(&n.to_string()),
            Value::String(s) => Self::text(s),
            other => Err(NetSuiteError::Refused(format!(
                "{other} cannot be used in a SuiteQL query"
            ))),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Replaces each `?` outside a quoted string with the next literal.
pub fn inline(query: &str, values: &[Literal]) -> Result<String, NetSuiteError> {
    let mut out = String::with_capacity(query.len());
    let mut next = values.iter();
    let mut quoted = false;
    for c in query.chars() {
        match c {
            '\'' => {
                // A doubled quote toggles twice, so it stays inside the string.
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => match next.next() {
                Some(v) => out.push_str(v.as_str()),
                None => {
                    return Err(NetSuiteError::Refused(
                        "the query has more placeholders than values".into(),
                    ))
                }
            },
            _ => out.push(c),
        }
    }
    if next.next().is_some() {
        return Err(NetSuiteError::Refused(
            "the query has fewer placeholders than values".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_digits_and_text_doubles_quotes() {
        // Oracle's samples: `WHERE role = 1028` (section_0210123130) and
        // `WHERE id = 7` (section_0210125706).
        assert_eq!(Literal::id("1028").unwrap().as_str(), "1028");
        for bad in ["", "7 OR 1=1", "-5", "1e3", "１２"] {
            assert!(Literal::id(bad).is_err(), "{bad}");
        }
        // "A/P Clerk" is the role name in Oracle's sample (section_0210125706).
        assert_eq!(Literal::text("A/P Clerk").unwrap().as_str(), "'A/P Clerk'");
        assert_eq!(
            Literal::text("x' OR '1'='1").unwrap().as_str(),
            "'x'' OR ''1''=''1'"
        );
        assert!(Literal::text("a\nb").is_err());
        assert!(Literal::from_json(&serde_json::json!(true)).is_err());
        assert_eq!(
            Literal::from_json(&serde_json::json!(13)).unwrap().as_str(),
            "13"
        );
    }

    #[test]
    fn placeholders_inside_strings_are_left_alone() {
        let q = inline(
            "SELECT id FROM role WHERE name = ? AND x = '?'",
            &[Literal::text("It's").unwrap()],
        )
        .unwrap();
        assert_eq!(q, "SELECT id FROM role WHERE name = 'It''s' AND x = '?'");
        assert!(inline("SELECT ? , ?", &[Literal::id("1").unwrap()]).is_err());
        assert!(inline("SELECT 1", &[Literal::id("1").unwrap()]).is_err());
    }
}
