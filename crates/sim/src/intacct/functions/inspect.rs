//! inspect and lookup: they describe objects regardless of the caller's
//! permissions or the company's subscriptions, as Sage documents.

use super::super::parse::Element;
use super::super::respond::{attr, esc};
use super::{Ctx, Outcome};

fn object_arg(body: &Element) -> String {
    body.text_of("object")
        .or_else(|| body.text_of("name"))
        .unwrap_or_default()
        .to_ascii_uppercase()
}

pub fn inspect(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let sc = &ctx.state.scenario;
    let object = object_arg(body);
    if object == "*" {
        let names = sc.object_names();
        let types: String = names
            .iter()
            .map(|n| format!("<type typename=\"{0}\">{0}</type>", attr(n)))
            .collect();
        return ctx.ok(format!(
            "<data listtype=\"All\" count=\"{}\">{types}</data>",
            names.len()
        ));
    }
    if !sc.is_known_object(&object) {
        return ctx.query_failed(&format!("Object definition {object} not found"));
    }
    let fields: String = sc
        .field_names(&object)
        .iter()
        .map(|f| format!("<Field>{}</Field>", esc(f)))
        .collect();
    ctx.ok(format!(
        "<data listtype=\"{0}\" count=\"1\"><Type Name=\"{0}\"><Fields>{fields}</Fields></Type></data>",
        attr(&object)
    ))
}

pub fn lookup(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let sc = &ctx.state.scenario;
    let object = object_arg(body);
    if !sc.is_known_object(&object) {
        return ctx.query_failed(&format!("Object definition {object} not found"));
    }
    let fields: String = sc
        .field_names(&object)
        .iter()
        .map(|f| {
            format!(
                "<Field><ID>{0}</ID><LABEL>{0}</LABEL><DESCRIPTION></DESCRIPTION><REQUIRED>false</REQUIRED>\
                 <READONLY>false</READONLY><DATATYPE>TEXT</DATATYPE><ISCUSTOM>false</ISCUSTOM></Field>",
                esc(f)
            )
        })
        .collect();
    ctx.ok(format!(
        "<data listtype=\"{0}\" count=\"1\"><Type Name=\"{0}\" DocumentType=\"\"><Fields>{fields}</Fields></Type></data>",
        attr(&object)
    ))
}
