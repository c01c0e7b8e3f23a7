//! getAPISession, getUserPermissions and get_applications.

use super::super::auth::entity_access;
use super::super::parse::Element;
use super::super::respond::{el, esc};
use super::super::state::{lock, random_id, Session};
use super::super::texts::ErrorText;
use super::{Ctx, Outcome};

pub fn get_api_session(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let sc = &ctx.state.scenario;
    let caller = ctx.caller;
    // Absent = the sign-in's entity; empty = top level; otherwise that entity.
    let location = body
        .text_of("locationid")
        .unwrap_or_else(|| caller.location.clone());
    if let Err(reason) = entity_access(ctx.state, &caller.user, &location) {
        let e = sc.texts.entity_not_permitted.fill(&[
            ("user", &caller.user.login_id),
            ("company", &caller.company),
            ("entity", &location),
        ]);
        return ctx.fail(e, reason);
    }
    let now = ctx.state.now();
    let id = format!("{}..", random_id(40));
    let session = Session {
        user: caller.user.login_id.clone(),
        company: caller.company.clone(),
        location: location.clone(),
        started: now,
        expires: now + time::Duration::seconds(sc.session_timeout_secs),
    };
    lock(&ctx.state.sessions).insert(id.clone(), session);
    let endpoint = format!("https://{}.intacct.com/ia/xml/xmlgw.phtml", sc.pod);
    ctx.ok(format!(
        "<data><api>{}{}{}</api></data>",
        el("sessionid", &id),
        el("endpoint", &endpoint),
        el("locationid", &location)
    ))
}

pub fn get_user_permissions(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let sc = &ctx.state.scenario;
    let caller = &ctx.caller.user;
    if sc.user_permissions_need_users_view && !sc.has_right(caller, "Company", "Users", "View") {
        let e = sc
            .texts
            .user_permissions_denied
            .fill(&[("user", &caller.login_id)]);
        return ctx.fail(
            e,
            format!("user '{}' lacks Company > Users View", caller.login_id),
        );
    }
    let login = body.text_of("userId").unwrap_or_default();
    let Some(user) = ctx.state.user(&login) else {
        let e = ErrorText::new(
            "BL03000025",
            "",
            &format!("Login ID {login} does not exist."),
            "Provide a valid USER.LOGINID value.",
        );
        return ctx.fail(e, format!("getUserPermissions for unknown login '{login}'"));
    };
    let mut apps: Vec<(String, String)> = Vec::new();
    for p in sc.effective_permissions(&user) {
        let policy = format!(
            "<policy>{}{}</policy>",
            el("policyName", &p.policy),
            el("rights", &p.rights.join("|"))
        );
        match apps.iter_mut().find(|(a, _)| *a == p.application) {
            Some((_, policies)) => policies.push_str(&policy),
            None => apps.push((p.application.clone(), policy)),
        }
    }
    let mut data = String::from("<data><permissions>");
    for (app, policies) in apps {
        data.push_str(&format!(
            "<appSubscription><applicationName>{}</applicationName><policies>{policies}</policies></appSubscription>",
            esc(&app)
        ));
    }
    data.push_str("</permissions></data>");
    ctx.ok(data)
}

pub fn get_applications(ctx: &Ctx<'_>) -> Outcome {
    let apps: String = ctx
        .state
        .scenario
        .company
        .applications
        .iter()
        .map(|a| el("application", a))
        .collect();
    ctx.ok(format!("<data>{apps}</data>"))
}
