//! query, readByQuery and readMore. Permission is checked before any row is
//! read, so a denied object fails even when it holds no rows.

use super::super::parse::Element;
use super::super::records::Row;
use super::super::respond::{attr, el};
use super::super::state::{lock, random_id, PendingResult};
use super::{filter, read_query};
use super::{Ctx, Outcome};

/// Object name, known-object and permission checks shared by both queries.
fn rows_for(ctx: &Ctx<'_>, object: &str) -> Result<Vec<Row>, Box<Outcome>> {
    let sc = &ctx.state.scenario;
    let rows = match ctx.state.rows_of(object) {
        Some(rows) => rows,
        None => {
            return Err(Box::new(
                ctx.query_failed(&format!("Object definition {object} not found")),
            ))
        }
    };
    if !sc.may_list(&ctx.caller.user, object) {
        return Err(Box::new(ctx.denied("READ_BY_QUERY", object)));
    }
    Ok(rows)
}

fn check_fields(ctx: &Ctx<'_>, object: &str, fields: &[String]) -> Result<(), Box<Outcome>> {
    let known = ctx.state.scenario.field_names(object);
    match fields.iter().find(|f| !known.contains(f)) {
        Some(f) => Err(Box::new(
            ctx.query_failed(&format!("Invalid field {f} for object {object}")),
        )),
        None => Ok(()),
    }
}

fn page_size(ctx: &Ctx<'_>, text: Option<String>, max: usize) -> Result<usize, Box<Outcome>> {
    let Some(t) = text.filter(|t| !t.is_empty()) else {
        return Ok(100);
    };
    match t.parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(Box::new(ctx.fail(
            super::super::texts::ErrorText::new(
                "XL03000003",
                "",
                &format!("XML Parse schema error: pagesize must be between 1 and {max}, not '{t}'"),
                "",
            ),
            format!("pagesize '{t}' out of range"),
        ))),
    }
}

fn render_rows(tag: &str, rows: &[Row], fields: &[String]) -> String {
    let mut out = String::new();
    for r in rows {
        out.push_str(&format!("<{tag}>"));
        for f in fields {
            out.push_str(&el(f, r.get(f).map(String::as_str).unwrap_or("")));
        }
        out.push_str(&format!("</{tag}>"));
    }
    out
}

pub fn query(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let object = body
        .text_of("object")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let pagesize = match page_size(ctx, body.text_of("pagesize"), 2000) {
        Ok(n) => n,
        Err(o) => return *o,
    };
    let offset: usize = body
        .text_of("offset")
        .and_then(|o| o.parse().ok())
        .unwrap_or(0);
    let fields: Vec<String> = body
        .child("select")
        .map(|s| {
            s.children_named("field")
                .map(|f| f.text.trim().to_ascii_uppercase())
                .collect()
        })
        .unwrap_or_default();
    let rows = match rows_for(ctx, &object) {
        Ok(r) => r,
        Err(o) => return *o,
    };
    if let Err(o) = check_fields(ctx, &object, &fields) {
        return *o;
    }
    let case_insensitive = body
        .child("options")
        .and_then(|o| o.text_of("caseinsensitive"))
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let mut matching: Vec<Row> = match body.child("filter") {
        Some(f) => {
            let mut out = Vec::new();
            for r in rows {
                match filter::matches(f, &r, case_insensitive) {
                    Ok(true) => out.push(r),
                    Ok(false) => {}
                    Err(e) => return ctx.query_failed(&e),
                }
            }
            out
        }
        None => rows,
    };
    if let Some(o) = body.child("orderby") {
        filter::order_by(&mut matching, o, case_insensitive);
    }
    let total = matching.len();
    let page: Vec<Row> = matching.into_iter().skip(offset).take(pagesize).collect();
    let remaining = total.saturating_sub(offset + page.len());
    ctx.ok(format!(
        "<data listtype=\"{}\" totalcount=\"{total}\" offset=\"{offset}\" count=\"{}\" numremaining=\"{remaining}\">{}</data>",
        attr(&object),
        page.len(),
        render_rows(&object, &page, &fields)
    ))
}

pub fn read_by_query(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let object = body
        .text_of("object")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let pagesize = match page_size(ctx, body.text_of("pagesize"), 1000) {
        Ok(n) => n,
        Err(o) => return *o,
    };
    let rows = match rows_for(ctx, &object) {
        Ok(r) => r,
        Err(o) => return *o,
    };
    let fields: Vec<String> = match body.text_of("fields").filter(|f| !f.is_empty() && f != "*") {
        Some(list) => list
            .split(',')
            .map(|f| f.trim().to_ascii_uppercase())
            .collect(),
        None => ctx.state.scenario.field_names(&object),
    };
    if let Err(o) = check_fields(ctx, &object, &fields) {
        return *o;
    }
    let condition = match read_query::parse(&body.text_of("query").unwrap_or_default()) {
        Ok(c) => c,
        Err(e) => return ctx.query_failed(&e),
    };
    let matching: Vec<Row> = rows.into_iter().filter(|r| condition.matches(r)).collect();
    let total = matching.len();
    let pending = PendingResult {
        object,
        rows: matching,
        fields,
        pagesize,
        total,
        offset: 0,
    };
    ctx.ok(next_page(ctx, pending))
}

/// Renders the next page of `p`, keeping the rest under a fresh resultId.
fn next_page(ctx: &Ctx<'_>, mut p: PendingResult) -> String {
    let page: Vec<Row> = p
        .rows
        .iter()
        .skip(p.offset)
        .take(p.pagesize)
        .cloned()
        .collect();
    p.offset += page.len();
    let remaining = p.total - p.offset;
    let tag = p.object.to_ascii_lowercase();
    let result_id = if remaining > 0 {
        let id = random_id(24);
        lock(&ctx.state.pending).insert(id.clone(), p.clone());
        id
    } else {
        String::new()
    };
    format!(
        "<data listtype=\"{tag}\" count=\"{}\" totalcount=\"{}\" numremaining=\"{remaining}\" resultId=\"{result_id}\">{}</data>",
        page.len(),
        p.total,
        render_rows(&tag, &page, &p.fields)
    )
}

pub fn read_more(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let id = body.text_of("resultId").unwrap_or_default();
    let Some(p) = lock(&ctx.state.pending).remove(&id) else {
        return ctx.query_failed(&format!("Invalid resultId {id}: no more results for it"));
    };
    ctx.ok(next_page(ctx, p))
}
