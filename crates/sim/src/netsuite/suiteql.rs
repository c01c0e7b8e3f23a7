//! The SuiteQL subset the simulator answers: `SELECT cols|* FROM table
//! [WHERE col = value [AND ...]] [ORDER BY col [ASC|DESC]]`, with `?` bound from
//! `params`. Anything else is refused as an invalid query, never guessed.

use std::collections::BTreeMap;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Lowercase column names; empty means `*`.
    pub columns: Vec<String>,
    pub table: String,
    /// Lowercase column = value (compared as text).
    pub filters: Vec<(String, String)>,
    pub order_by: Option<(String, bool)>,
}

/// Why a query was refused; the text follows "Search error occurred: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    UnknownIdentifier(String),
    Unsupported(String),
}

impl QueryError {
    pub fn detail(&self) -> String {
        let why = match self {
            Self::UnknownIdentifier(name) => format!("Unknown identifier '{name}'."),
            Self::Unsupported(what) => format!("Invalid or unsupported search: {what}"),
        };
        format!("Invalid search query. Detailed unprocessed description follows. Search error occurred: {why}")
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Text(String),
    Num(String),
    Sym(char),
}

fn tokens(q: &str) -> Result<Vec<Tok>, QueryError> {
    let mut out = Vec::new();
    let mut it = q.chars().peekable();
    while let Some(&c) = it.peek() {
        if c.is_whitespace() {
            it.next();
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut w = String::new();
            while let Some(&c) = it
                .peek()
                .filter(|c| c.is_ascii_alphanumeric() || **c == '_')
            {
                w.push(c);
                it.next();
            }
            out.push(Tok::Word(w));
        } else if c.is_ascii_digit() || c == '-' {
            let mut n = String::from(c);
            it.next();
            while let Some(&c) = it.peek().filter(|c| c.is_ascii_digit() || **c == '.') {
                n.push(c);
                it.next();
            }
            out.push(Tok::Num(n));
        } else if c == '\'' {
            it.next();
            let mut s = String::new();
            loop {
                match it.next() {
                    Some('\'') if it.peek() == Some(&'\'') => {
                        it.next();
                        s.push('\'');
                    }
                    Some('\'') => break,
                    Some(c) => s.push(c),
                    None => return Err(QueryError::Unsupported("unterminated string".into())),
                }
            }
            out.push(Tok::Text(s));
        } else if ",*=?".contains(c) {
            out.push(Tok::Sym(c));
            it.next();
        } else {
            return Err(QueryError::Unsupported(format!("unexpected '{c}'")));
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    params: Vec<String>,
}

impl Parser {
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn keyword(&mut self, kw: &str) -> bool {
        match self.toks.get(self.pos) {
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case(kw) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    fn ident(&mut self) -> Result<String, QueryError> {
        match self.next() {
            Some(Tok::Word(w)) => Ok(w.to_ascii_lowercase()),
            other => Err(QueryError::Unsupported(format!(
                "expected a name, found {other:?}"
            ))),
        }
    }

    fn value(&mut self) -> Result<String, QueryError> {
        match self.next() {
            Some(Tok::Text(s)) | Some(Tok::Num(s)) => Ok(s),
            Some(Tok::Sym('?')) if !self.params.is_empty() => Ok(self.params.remove(0)),
            other => Err(QueryError::Unsupported(format!(
                "expected a value, found {other:?}"
            ))),
        }
    }
}

pub fn parse(q: &str, params: &[Value]) -> Result<Query, QueryError> {
    let params = params
        .iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    let mut p = Parser {
        toks: tokens(q)?,
        pos: 0,
        params,
    };
    if !p.keyword("select") {
        return Err(QueryError::Unsupported(
            "only SELECT queries are supported".into(),
        ));
    }
    let mut columns = Vec::new();
    if p.toks.get(p.pos) == Some(&Tok::Sym('*')) {
        p.pos += 1;
    } else {
        loop {
            columns.push(p.ident()?);
            if p.toks.get(p.pos) != Some(&Tok::Sym(',')) {
                break;
            }
            p.pos += 1;
        }
    }
    if !p.keyword("from") {
        return Err(QueryError::Unsupported("expected FROM".into()));
    }
    let table = p.ident()?;
    let mut filters = Vec::new();
    if p.keyword("where") {
        loop {
            let col = p.ident()?;
            if p.next() != Some(Tok::Sym('=')) {
                return Err(QueryError::Unsupported(
                    "only 'column = value' conditions are supported".into(),
                ));
            }
            filters.push((col, p.value()?));
            if !p.keyword("and") {
                break;
            }
        }
    }
    let mut order_by = None;
    if p.keyword("order") {
        if !p.keyword("by") {
            return Err(QueryError::Unsupported("expected BY".into()));
        }
        let col = p.ident()?;
        let desc = p.keyword("desc");
        if !desc {
            p.keyword("asc");
        }
        order_by = Some((col, desc));
    }
    if let Some(extra) = p.toks.get(p.pos) {
        return Err(QueryError::Unsupported(format!("unexpected {extra:?}")));
    }
    Ok(Query {
        columns,
        table,
        filters,
        order_by,
    })
}

/// A table: its column names (lowercase) and rows of text values (absent = null).
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<BTreeMap<String, String>>,
}

/// Runs `q` on `table`: filters, orders and projects; values stay text, as
/// SuiteQL returns them, and nulls are left out of the row.
pub fn run(q: &Query, table: &Table) -> Result<Vec<BTreeMap<String, String>>, QueryError> {
    let known = |c: &String| {
        if table.columns.contains(c) {
            Ok(())
        } else {
            Err(QueryError::UnknownIdentifier(c.clone()))
        }
    };
    q.columns.iter().try_for_each(known)?;
    q.filters.iter().try_for_each(|(c, _)| known(c))?;
    if let Some((c, _)) = &q.order_by {
        known(c)?;
    }
    let mut rows: Vec<_> = table
        .rows
        .iter()
        .filter(|r| q.filters.iter().all(|(c, v)| r.get(c) == Some(v)))
        .cloned()
        .collect();
    if let Some((c, desc)) = &q.order_by {
        rows.sort_by(|a, b| compare(a.get(c), b.get(c)));
        if *desc {
            rows.reverse();
        }
    }
    if !q.columns.is_empty() {
        for r in &mut rows {
            r.retain(|k, _| q.columns.contains(k));
        }
    }
    Ok(rows)
}

/// Numbers compare as numbers, other text as text.
fn compare(a: Option<&String>, b: Option<&String>) -> std::cmp::Ordering {
    match (
        a.and_then(|s| s.parse::<f64>().ok()),
        b.and_then(|s| s.parse::<f64>().ok()),
    ) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        _ => a.cmp(&b),
    }
}

#[cfg(test)]
#[path = "suiteql_tests.rs"]
mod tests;
