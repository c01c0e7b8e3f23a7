//! `query`'s `<filter>` (every operator of Sage's schema, `filteroption` in
//! `reference/intacct/api.xsd`) and `<orderby>`, over the simulated rows, which hold text.
//! Ordering compares numbers as numbers and `MM/DD/YYYY` dates (the format
//! Sage's query values use) as dates, anything else as text. An empty field is
//! null. `<options><caseinsensitive>true` makes text comparisons ignore case.

use std::cmp::Ordering;

use super::super::parse::Element;
use super::super::records::Row;

/// Whether `row` passes `filter` (an empty filter passes every row).
pub fn matches(filter: &Element, row: &Row, case_insensitive: bool) -> Result<bool, String> {
    match filter.children.first() {
        Some(node) => eval(node, row, case_insensitive),
        None => Ok(true),
    }
}

/// Sorts by each `<order><field>` in turn, `<descending/>` reversing it.
pub fn order_by(rows: &mut [Row], orderby: &Element, case_insensitive: bool) {
    let keys: Vec<(String, bool)> = orderby
        .children_named("order")
        .map(|o| {
            let field = o.text_of("field").unwrap_or_default().to_ascii_uppercase();
            (field, o.child("descending").is_some())
        })
        .collect();
    rows.sort_by(|a, b| {
        keys.iter()
            .map(|(field, descending)| {
                let get = |r: &Row| r.get(field).cloned().unwrap_or_default();
                let o = compare(&get(a), &get(b), case_insensitive);
                if *descending {
                    o.reverse()
                } else {
                    o
                }
            })
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    });
}

fn eval(node: &Element, row: &Row, ci: bool) -> Result<bool, String> {
    let field = node
        .text_of("field")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let have = row.get(&field).cloned().unwrap_or_default();
    let values: Vec<String> = node
        .children_named("value")
        .map(|v| v.text.trim().to_string())
        .collect();
    let one = || {
        values
            .first()
            .cloned()
            .ok_or_else(|| format!("<{}> on {field} has no <value>", node.name))
    };
    let text = |s: &str| if ci { s.to_lowercase() } else { s.to_string() };
    Ok(match node.name.as_str() {
        "and" => {
            for c in &node.children {
                if !eval(c, row, ci)? {
                    return Ok(false);
                }
            }
            true
        }
        "or" => {
            for c in &node.children {
                if eval(c, row, ci)? {
                    return Ok(true);
                }
            }
            false
        }
        "equalto" => text(&have) == text(&one()?),
        "notequalto" => text(&have) != text(&one()?),
        "lessthan" => compare(&have, &one()?, ci) == Ordering::Less,
        "lessthanorequalto" => compare(&have, &one()?, ci) != Ordering::Greater,
        "greaterthan" => compare(&have, &one()?, ci) == Ordering::Greater,
        "greaterthanorequalto" => compare(&have, &one()?, ci) != Ordering::Less,
        "between" => match values.as_slice() {
            [low, high] => {
                compare(&have, low, ci) != Ordering::Less
                    && compare(&have, high, ci) != Ordering::Greater
            }
            _ => return Err(format!("<between> on {field} needs two <value>s")),
        },
        "in" => values.iter().any(|v| text(v) == text(&have)),
        "notin" => !values.iter().any(|v| text(v) == text(&have)),
        "like" => like(&text(&have), &text(&one()?)),
        "notlike" => !like(&text(&have), &text(&one()?)),
        "isnull" => have.is_empty(),
        "isnotnull" => !have.is_empty(),
        other => return Err(format!("<{other}> is not a query filter operator")),
    })
}

pub(super) fn compare(a: &str, b: &str, ci: bool) -> Ordering {
    if let (Ok(x), Ok(y)) = (a.parse::<f64>(), b.parse::<f64>()) {
        return x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    }
    if let (Some(x), Some(y)) = (date(a), date(b)) {
        return x.cmp(&y);
    }
    if ci {
        a.to_lowercase().cmp(&b.to_lowercase())
    } else {
        a.cmp(b)
    }
}

/// `MM/DD/YYYY` as (year, month, day).
fn date(s: &str) -> Option<(u32, u32, u32)> {
    let mut parts = s.split('/');
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    let y = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((y, m, d))
}

/// SQL `LIKE`: `%` any run of characters, `_` exactly one.
pub(super) fn like(text: &str, pattern: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    // Classic wildcard matching with one backtrack point for the last `%`.
    let (mut ti, mut pi) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '_' || p[pi] == t[ti]) {
            ti += 1;
            pi += 1;
        } else if pi < p.len() && p[pi] == '%' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '%')
}

#[cfg(test)]
mod tests {
    use super::super::super::parse::parse_document;
    use super::*;

    fn row() -> Row {
        [
            ("ACCOUNTNO", "1200"),
            ("TITLE", "Accounts Receivable"),
            ("WHENCREATED", "03/15/2024"),
            ("MEMO", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn passes(filter: &str, ci: bool) -> bool {
        let f = parse_document(&format!("<filter>{filter}</filter>")).unwrap();
        matches(&f, &row(), ci).unwrap()
    }

    #[test]
    fn every_schema_operator_is_evaluated() {
        let cases = [
            ("<lessthan><field>ACCOUNTNO</field><value>4000</value></lessthan>", true),
            // Numbers compare as numbers, not as text ("1200" > "13" as text).
            ("<greaterthan><field>ACCOUNTNO</field><value>13</value></greaterthan>", true),
            ("<lessthanorequalto><field>ACCOUNTNO</field><value>1200</value></lessthanorequalto>", true),
            ("<greaterthanorequalto><field>ACCOUNTNO</field><value>1201</value></greaterthanorequalto>", false),
            ("<between><field>WHENCREATED</field><value>12/31/2023</value><value>01/31/2025</value></between>", true),
            ("<between><field>WHENCREATED</field><value>04/01/2024</value><value>01/31/2025</value></between>", false),
            ("<in><field>ACCOUNTNO</field><value>1000</value><value>1200</value></in>", true),
            ("<notin><field>ACCOUNTNO</field><value>1000</value><value>1200</value></notin>", false),
            ("<like><field>TITLE</field><value>Acc%Rec_ivable</value></like>", true),
            ("<like><field>TITLE</field><value>%Payable</value></like>", false),
            ("<notlike><field>TITLE</field><value>Cash%</value></notlike>", true),
            ("<isnull><field>MEMO</field></isnull>", true),
            ("<isnotnull><field>TITLE</field></isnotnull>", true),
            ("<and><isnull><field>MEMO</field></isnull><equalto><field>ACCOUNTNO</field><value>1000</value></equalto></and>", false),
            ("<or><isnotnull><field>MEMO</field></isnotnull><equalto><field>ACCOUNTNO</field><value>1200</value></equalto></or>", true),
        ];
        for (filter, expected) in cases {
            assert_eq!(passes(filter, false), expected, "{filter}");
        }
    }

    #[test]
    fn text_is_case_sensitive_unless_asked() {
        let f = "<equalto><field>TITLE</field><value>accounts receivable</value></equalto>";
        assert!(!passes(f, false));
        assert!(passes(f, true));
        assert!(passes(
            "<like><field>TITLE</field><value>acc%</value></like>",
            true
        ));
    }

    #[test]
    fn order_by_sorts_on_each_key_in_turn() {
        let mk = |no: &str, kind: &str| -> Row {
            [("ACCOUNTNO", no), ("ACCOUNTTYPE", kind)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let mut rows = vec![
            mk("4000", "incomestatement"),
            mk("1200", "balancesheet"),
            mk("900", "balancesheet"),
        ];
        let o = parse_document(
            "<orderby><order><field>accounttype</field></order><order><field>ACCOUNTNO</field><descending/></order></orderby>",
        )
        .unwrap();
        order_by(&mut rows, &o, false);
        let nos: Vec<&str> = rows.iter().map(|r| r["ACCOUNTNO"].as_str()).collect();
        assert_eq!(nos, ["1200", "900", "4000"]);
    }

    #[test]
    fn malformed_operators_are_errors() {
        for f in [
            "<between><field>ACCOUNTNO</field><value>1</value></between>",
            "<equalto><field>ACCOUNTNO</field></equalto>",
            "<contains><field>TITLE</field><value>x</value></contains>",
        ] {
            let el = parse_document(&format!("<filter>{f}</filter>")).unwrap();
            assert!(matches(&el, &row(), false).is_err(), "{f}");
        }
    }
}
