//! Result layer: one `<function>` in, one `<result>` out. The returned reason
//! (for the simulator log) is set when the function failed.

mod admin;
mod filter;
mod inspect;
mod query;
mod read_query;
mod update;

use super::auth::Caller;
use super::parse::Function;
use super::respond::FunctionResult;
use super::state::IntacctState;
use super::texts::ErrorText;

pub type Outcome = (FunctionResult, Option<String>);

pub fn run(state: &IntacctState, caller: &Caller, f: &Function) -> Outcome {
    let name = f.body.name.as_str();
    let ctx = Ctx {
        state,
        caller,
        name,
        controlid: &f.controlid,
    };
    match name {
        "getAPISession" => admin::get_api_session(&ctx, &f.body),
        "getUserPermissions" => admin::get_user_permissions(&ctx, &f.body),
        "get_applications" => admin::get_applications(&ctx),
        "query" => query::query(&ctx, &f.body),
        "readByQuery" => query::read_by_query(&ctx, &f.body),
        "readMore" => query::read_more(&ctx, &f.body),
        "inspect" => inspect::inspect(&ctx, &f.body),
        "lookup" => inspect::lookup(&ctx, &f.body),
        "update" => update::update(&ctx, &f.body),
        other => ctx.fail(
            ErrorText::new(
                "XL03000003",
                "",
                &format!(
                    "XML Parse schema error: the simulator does not implement function {other}"
                ),
                "",
            ),
            format!("function {other} is not simulated"),
        ),
    }
}

/// What every function needs to answer.
pub struct Ctx<'a> {
    pub state: &'a IntacctState,
    pub caller: &'a Caller,
    pub name: &'a str,
    pub controlid: &'a str,
}

impl Ctx<'_> {
    pub fn ok(&self, data: String) -> Outcome {
        (FunctionResult::ok(self.name, self.controlid, data), None)
    }

    pub fn fail(&self, error: ErrorText, reason: impl Into<String>) -> Outcome {
        (
            FunctionResult::fail(self.name, self.controlid, error),
            Some(reason.into()),
        )
    }

    /// PL04000005 for `object` and the API operation (READ_BY_QUERY…).
    pub fn denied(&self, operation: &str, object: &str) -> Outcome {
        let support_id = super::state::random_id(10);
        let e = self.state.scenario.texts.permission_denied.fill(&[
            ("operation", operation),
            ("object", &object.to_ascii_lowercase()),
            ("support_id", &support_id),
        ]);
        let reason = format!(
            "user '{}' has no List right on {object} (role, user type or subscription)",
            self.caller.user.login_id
        );
        self.fail(e, reason)
    }

    pub fn query_failed(&self, text: &str) -> Outcome {
        self.fail(
            ErrorText::new("Query Failed", "", text, ""),
            text.to_string(),
        )
    }
}
