//! The generic `update` (dtdversion 3.0) of USERINFO, as Sage documents
//! "Update User" (developer.intacct.com/api/company-console/users, Update User):
//!
//! ```xml
//! <update>
//!     <USERINFO>
//!         <RECORDNO>121</RECORDNO>
//!         <USERLOCATIONS>
//!             <LOCATIONID>San Jose</LOCATIONID>
//!         </USERLOCATIONS>
//!     </USERINFO>
//! </update>
//! ```
//!
//! - RECORDNO, or LOGINID when RECORDNO is not given, names the user (same page).
//! - "Only users with Administrative privileges can update users" (same page);
//!   the refusal's text is not published [I] (`texts.update_not_admin`).
//! - STATUS: the page lists `active` and `lockedout`; Sage's own SDK sends
//!   `inactive` for a deactivated user (@intacct/intacct-sdk 2.2.1,
//!   dist/Functions/Company/UserUpdate.js: `active === false` writes
//!   `<STATUS>inactive</STATUS>`), so all three are taken.
//! - "When updating a user, you must include the original restrictions for
//!   entities ... or they will be deleted" (same page): an update without
//!   USERLOCATIONS leaves the user unrestricted. Both the page's form (one
//!   USERLOCATIONS holding several LOCATIONID) and the SDK's (one USERLOCATIONS
//!   per LOCATIONID) are read.
//! - Answer: `<data listtype="objects" count="1">` with the object's lower-case
//!   element holding RECORDNO and its ID field, as in Sage's PHP SDK fixture
//!   (intacct-sdk-php test/Intacct/SdkTest.php, the `update` of two classes:
//!   `<class><RECORDNO>5</RECORDNO><CLASSID>UT01</CLASSID></class>`).

use super::super::parse::Element;
use super::super::respond::el;
use super::super::scenario::{AdminPrivilege, User, UserStatus};
use super::super::state::lock;
use super::{Ctx, Outcome};

pub fn update(ctx: &Ctx<'_>, body: &Element) -> Outcome {
    let mut data = String::new();
    let mut count = 0;
    for object in &body.children {
        if object.name != "USERINFO" {
            return ctx.fail(
                super::super::texts::ErrorText::new(
                    "XL03000003",
                    "",
                    &format!(
                        "XML Parse schema error: the simulator does not implement update of {}",
                        object.name
                    ),
                    "",
                ),
                format!("update of {} is not simulated", object.name),
            );
        }
        match update_user(ctx, object) {
            Ok((recordno, login)) => {
                count += 1;
                data.push_str(&format!(
                    "<userinfo>{}{}</userinfo>",
                    el("RECORDNO", &recordno.to_string()),
                    el("LOGINID", &login)
                ));
            }
            Err(outcome) => return *outcome,
        }
    }
    ctx.ok(format!(
        "<data listtype=\"objects\" count=\"{count}\">{data}</data>"
    ))
}

/// Applies one USERINFO change; returns its RECORDNO and LOGINID.
fn update_user(ctx: &Ctx<'_>, object: &Element) -> Result<(usize, String), Box<Outcome>> {
    let texts = &ctx.state.scenario.texts;
    if ctx.caller.user.admin == AdminPrivilege::Off {
        let reason = format!(
            "user '{}' has no administrative privileges and may not update users",
            ctx.caller.user.login_id
        );
        return Err(Box::new(ctx.fail(texts.update_not_admin.clone(), reason)));
    }
    let users = ctx.state.users();
    let key = object
        .text_of("RECORDNO")
        .filter(|k| !k.is_empty())
        .or_else(|| object.text_of("LOGINID"))
        .unwrap_or_default();
    let found = match object.text_of("RECORDNO").filter(|k| !k.is_empty()) {
        Some(no) => no
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=users.len()).contains(n)),
        None => users
            .iter()
            .position(|u| ctx.state.scenario.same_id(&u.login_id, &key))
            .map(|i| i + 1),
    };
    let Some(recordno) = found else {
        let e = texts.update_unknown_record.fill(&[("key", &key)]);
        return Err(Box::new(
            ctx.fail(e, format!("update of unknown USERINFO '{key}'")),
        ));
    };
    let mut user: User = users[recordno - 1].clone();
    if let Some(status) = object.text_of("STATUS") {
        user.status = match status.as_str() {
            "active" => UserStatus::Active,
            "inactive" => UserStatus::Inactive,
            "lockedout" => UserStatus::Lockedout,
            other => {
                let e = texts
                    .update_invalid_value
                    .fill(&[("field", "STATUS"), ("value", other)]);
                return Err(Box::new(
                    ctx.fail(e, format!("STATUS '{other}' is not a user status")),
                ));
            }
        };
    }
    // Restrictions not sent are deleted.
    user.entities = object
        .children_named("USERLOCATIONS")
        .flat_map(|l| l.children_named("LOCATIONID"))
        .map(|l| l.text.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let login = user.login_id.clone();
    lock(&ctx.state.updated_users).insert(login.clone(), user);
    Ok((recordno, login))
}
