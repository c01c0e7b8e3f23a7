//! readByQuery's `<query>`: the SQL-like condition the SDKs' comparison and
//! logical builders write (`Functions/Common/Query` in the Intacct SDK):
//! `FIELD = 'text'`, `FIELD > 12`, `!=`/`<>`, `<`, `<=`, `>=`, `[NOT] LIKE`,
//! `[NOT] IN (…)`, `IS [NOT] NULL`, `NOT`, `AND`, `OR` and parentheses.
//! Values compare as in `query` filters (see `filter`).

use std::cmp::Ordering;

use super::super::records::Row;
use super::filter::{compare, like};

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Symbol(&'static str),
}

#[derive(Debug)]
pub enum Condition {
    All,
    Not(Box<Condition>),
    And(Vec<Condition>),
    Or(Vec<Condition>),
    Compare(String, &'static str, String),
    Like(String, String),
    In(String, Vec<String>),
    IsNull(String),
}

/// Parses a whole query; an empty one matches every row.
pub fn parse(query: &str) -> Result<Condition, String> {
    let tokens = tokenize(query)?;
    if tokens.is_empty() {
        return Ok(Condition::All);
    }
    let mut p = Parser { tokens, at: 0 };
    let c = p.or()?;
    match p.tokens.get(p.at) {
        None => Ok(c),
        Some(t) => Err(format!("unexpected {t:?} in query '{query}'")),
    }
}

impl Condition {
    pub fn matches(&self, row: &Row) -> bool {
        let value = |f: &String| row.get(f).cloned().unwrap_or_default();
        match self {
            Condition::All => true,
            Condition::Not(c) => !c.matches(row),
            Condition::And(cs) => cs.iter().all(|c| c.matches(row)),
            Condition::Or(cs) => cs.iter().any(|c| c.matches(row)),
            Condition::Compare(f, op, v) => {
                let o = compare(&value(f), v, false);
                match *op {
                    "=" => o == Ordering::Equal,
                    "!=" | "<>" => o != Ordering::Equal,
                    "<" => o == Ordering::Less,
                    "<=" => o != Ordering::Greater,
                    ">" => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                }
            }
            Condition::Like(f, pattern) => like(&value(f), pattern),
            Condition::In(f, values) => values.contains(&value(f)),
            Condition::IsNull(f) => value(f).is_empty(),
        }
    }
}

fn tokenize(q: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = q.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            // 'text': the SDK escapes a quote as \' ; SQL's '' is accepted too.
            let mut s = String::new();
            i += 1;
            loop {
                match (chars.get(i), chars.get(i + 1)) {
                    (Some('\\'), Some('\'')) | (Some('\''), Some('\'')) => {
                        s.push('\'');
                        i += 2;
                    }
                    (Some('\''), _) => {
                        i += 1;
                        break;
                    }
                    (Some(ch), _) => {
                        s.push(*ch);
                        i += 1;
                    }
                    (None, _) => return Err(format!("unterminated text in query '{q}'")),
                }
            }
            out.push(Token::Text(s));
        } else if let Some(sym) = ["<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", ","]
            .into_iter()
            .find(|s| chars[i..].starts_with(&s.chars().collect::<Vec<_>>()))
        {
            out.push(Token::Symbol(sym));
            i += sym.len();
        } else if c.is_alphanumeric() || "_.-".contains(c) {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || "_.-".contains(chars[i])) {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            return Err(format!("unexpected '{c}' in query '{q}'"));
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek_keyword(&self, kw: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w.eq_ignore_ascii_case(kw))
    }

    fn keyword(&mut self, kw: &str) -> bool {
        let found = self.peek_keyword(kw);
        if found {
            self.at += 1;
        }
        found
    }

    fn symbol(&mut self, sym: &str) -> bool {
        let found = matches!(self.tokens.get(self.at), Some(Token::Symbol(s)) if *s == sym);
        if found {
            self.at += 1;
        }
        found
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn or(&mut self) -> Result<Condition, String> {
        let mut parts = vec![self.and()?];
        while self.keyword("OR") {
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Condition, String> {
        let mut parts = vec![self.unary()?];
        while self.keyword("AND") {
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Condition, String> {
        if self.keyword("NOT") {
            return Ok(Condition::Not(Box::new(self.unary()?)));
        }
        if self.symbol("(") {
            let c = self.or()?;
            return if self.symbol(")") {
                Ok(c)
            } else {
                Err("a '(' in the query is not closed".into())
            };
        }
        self.comparison()
    }

    fn value(&mut self) -> Result<String, String> {
        match self.next() {
            Some(Token::Text(s)) | Some(Token::Word(s)) => Ok(s),
            other => Err(format!("expected a value, found {other:?}")),
        }
    }

    fn comparison(&mut self) -> Result<Condition, String> {
        let field = match self.next() {
            Some(Token::Word(w)) => w.to_ascii_uppercase(),
            other => return Err(format!("expected a field name, found {other:?}")),
        };
        if self.keyword("IS") {
            let negated = self.keyword("NOT");
            if !self.keyword("NULL") {
                return Err(format!("expected NULL after {field} IS"));
            }
            let c = Condition::IsNull(field);
            return Ok(if negated {
                Condition::Not(Box::new(c))
            } else {
                c
            });
        }
        let negated = self.keyword("NOT");
        let c = if self.keyword("LIKE") {
            Condition::Like(field, self.value()?)
        } else if self.keyword("IN") {
            if !self.symbol("(") {
                return Err(format!("expected '(' after {field} IN"));
            }
            let mut values = vec![self.value()?];
            while self.symbol(",") {
                values.push(self.value()?);
            }
            if !self.symbol(")") {
                return Err(format!("the IN list of {field} is not closed"));
            }
            Condition::In(field, values)
        } else if negated {
            return Err(format!("expected LIKE or IN after {field} NOT"));
        } else {
            let op = match self.next() {
                Some(Token::Symbol(s)) if ["=", "!=", "<>", "<", "<=", ">", ">="].contains(&s) => s,
                other => {
                    return Err(format!(
                        "expected an operator after {field}, found {other:?}"
                    ))
                }
            };
            Condition::Compare(field, op, self.value()?)
        };
        Ok(if negated {
            Condition::Not(Box::new(c))
        } else {
            c
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        [
            ("ACCOUNTNO", "1200"),
            ("TITLE", "Accounts Receivable"),
            ("MEMO", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn what_the_sdk_builders_write_is_evaluated() {
        let cases = [
            ("", true),
            ("ACCOUNTNO = '1200'", true),
            ("NOT ACCOUNTNO = '1200'", false),
            ("ACCOUNTNO > 999", true),
            ("ACCOUNTNO <= 1199", false),
            ("ACCOUNTNO <> '1000'", true),
            ("TITLE LIKE 'Acc%'", true),
            ("TITLE NOT LIKE '%Payable'", true),
            ("ACCOUNTNO IN ('1000','1200')", true),
            ("ACCOUNTNO NOT IN ('1000','1200')", false),
            ("MEMO IS NULL", true),
            ("TITLE IS NOT NULL", true),
            (
                "(ACCOUNTNO = '1000' OR TITLE = 'Accounts Receivable') AND MEMO IS NULL",
                true,
            ),
            ("NOT (ACCOUNTNO > 1000 AND accountno < 2000)", false),
            ("TITLE = 'Accounts Receivable' and ACCOUNTNO = '1200'", true),
        ];
        for (q, expected) in cases {
            assert_eq!(parse(q).unwrap().matches(&row()), expected, "{q}");
        }
    }

    #[test]
    fn quotes_inside_text() {
        let mut r = row();
        r.insert("NAME".into(), "O'Brien".into());
        assert!(parse(r"NAME = 'O\'Brien'").unwrap().matches(&r));
        assert!(parse("NAME = 'O''Brien'").unwrap().matches(&r));
    }

    #[test]
    fn malformed_queries_are_errors() {
        for q in [
            "ACCOUNTNO",
            "ACCOUNTNO == 1",
            "ACCOUNTNO = 'open",
            "(ACCOUNTNO = 1",
            "ACCOUNTNO IN (1, 2",
            "ACCOUNTNO IS 1",
            "ACCOUNTNO = 1 AND",
            "ACCOUNTNO = 1 ; DROP",
        ] {
            assert!(parse(q).is_err(), "{q}");
        }
    }
}
