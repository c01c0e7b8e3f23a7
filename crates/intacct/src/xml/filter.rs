//! Query filters (`<filter>`): the operators the checks use, written in the
//! schema's shape (`and`/`or` take at least two conditions, `in` up to 1000 values).

use super::request::{end, invalid, leaf, start, Res, W};
use crate::errors::IntacctError;

/// A query filter; only the operators the checks use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    EqualTo(String, String),
    Like(String, String),
    In(String, Vec<String>),
    IsNotNull(String),
    And(Vec<Filter>),
    Or(Vec<Filter>),
}

pub(super) fn validate(f: &Filter) -> Result<(), IntacctError> {
    match f {
        Filter::In(_, values) if values.is_empty() || values.len() > 1000 => {
            Err(invalid("an `in` filter takes 1 to 1000 values"))
        }
        Filter::And(parts) | Filter::Or(parts) if parts.len() < 2 => Err(invalid(
            "`and`/`or` filters combine at least two conditions",
        )),
        Filter::And(parts) | Filter::Or(parts) => parts.iter().try_for_each(validate),
        _ => Ok(()),
    }
}

pub(super) fn write(w: &mut W, f: &Filter) -> Res {
    match f {
        Filter::EqualTo(field, value) => field_value(w, "equalto", field, &[value]),
        Filter::Like(field, value) => field_value(w, "like", field, &[value]),
        Filter::In(field, values) => {
            let refs: Vec<&String> = values.iter().collect();
            field_value(w, "in", field, &refs)
        }
        Filter::IsNotNull(field) => field_value(w, "isnotnull", field, &[]),
        Filter::And(parts) | Filter::Or(parts) => {
            let name = if matches!(f, Filter::And(_)) {
                "and"
            } else {
                "or"
            };
            start(w, name)?;
            for p in parts {
                write(w, p)?;
            }
            end(w, name)
        }
    }
}

fn field_value(w: &mut W, op: &str, field: &str, values: &[&String]) -> Res {
    start(w, op)?;
    leaf(w, "field", field)?;
    for v in values {
        leaf(w, "value", v)?;
    }
    end(w, op)
}
