//! The authentication layer: company, Web Services subscription, sender
//! authorisation, user credentials and status, entity access, or a session.

use axum::http::StatusCode;
use axum::response::Response;

use super::faults::xml;
use super::parse::{Auth, Control};
use super::respond::{self, AuthBlock};
use super::scenario::{CredentialErrors, UnknownCompany, User, UserStatus};
use super::state::{lock, random_id, IntacctState};
use super::texts::ErrorText;
use super::timestamp;

/// Who an operation runs as.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user: User,
    pub company: String,
    pub location: String,
    pub block: AuthBlock,
}

pub enum AuthOutcome {
    Ok(Caller),
    /// Authentication failure inside the operation (HTTP 200).
    Failed {
        block: AuthBlock,
        error: ErrorText,
        reason: String,
    },
    /// The whole request is answered at HTTP level (400/401).
    Http {
        response: Response,
        reason: String,
    },
}

pub fn authenticate(state: &IntacctState, control: &Control, auth: &Auth) -> AuthOutcome {
    match auth {
        Auth::Login {
            userid,
            companyid,
            password,
            locationid,
        } => login(
            state,
            control,
            userid,
            companyid,
            password,
            locationid.as_deref(),
        ),
        Auth::Session(id) => session(state, control, id),
    }
}

fn failed(block: AuthBlock, error: ErrorText, reason: impl Into<String>) -> AuthOutcome {
    AuthOutcome::Failed {
        block,
        error,
        reason: reason.into(),
    }
}

fn login(
    state: &IntacctState,
    control: &Control,
    userid: &str,
    companyid: &str,
    password: &str,
    locationid: Option<&str>,
) -> AuthOutcome {
    let sc = &state.scenario;
    // SDKs accept `company|entity` in place of a separate locationid.
    let (company, piped_entity) = match companyid.split_once('|') {
        Some((c, e)) => (c, Some(e)),
        None => (companyid, None),
    };
    let location = locationid.or(piped_entity).unwrap_or("").to_string();
    let block = AuthBlock {
        ok: false,
        userid: userid.into(),
        companyid: companyid.into(),
        locationid: location.clone(),
        times: None,
    };
    let vars = [
        ("sender", control.senderid.as_str()),
        ("company", company),
        ("user", userid),
        ("entity", location.as_str()),
    ];
    if !sc.same_id(&sc.company.id, company) {
        let reason = format!("company ID '{company}' does not exist");
        return match sc.unknown_company {
            UnknownCompany::Gw0011 => {
                let text = sc
                    .texts
                    .invalid_request
                    .replace("{request_id}", &random_id(12));
                http(
                    StatusCode::BAD_REQUEST,
                    respond::gateway_error("GW-0011", &text),
                    reason,
                )
            }
            UnknownCompany::InvalidRequest => http(
                StatusCode::BAD_REQUEST,
                respond::gateway_error("invalidRequest", "Invalid Request"),
                reason,
            ),
            UnknownCompany::SignIn => bad_credentials(state, block, reason),
        };
    }
    if !sc.company.web_services {
        let e = sc.texts.not_subscribed.fill(&vars);
        return failed(block, e, "the company has no Web Services subscription");
    }
    if let Some(out) = sender_refusal(state, &control.senderid, block.clone(), &vars) {
        return out;
    }
    let user = match state.user(userid) {
        Some(u) if state.password_matches(&u.login_id, &u.password, password) => u,
        Some(_) => {
            return bad_credentials(state, block, format!("wrong password for user '{userid}'"))
        }
        None => {
            return bad_credentials(
                state,
                block,
                format!("no user '{userid}' in company '{company}'"),
            )
        }
    };
    match user.status {
        UserStatus::Active => {}
        UserStatus::Lockedout => {
            return failed(
                block,
                sc.texts.user_locked_out.fill(&vars),
                format!("user '{userid}' is locked out"),
            )
        }
        UserStatus::Inactive => {
            return failed(
                block,
                sc.texts.user_inactive.fill(&vars),
                format!("user '{userid}' is inactive"),
            )
        }
    }
    if sc.require_web_services_user && !user.logindisabled {
        let e = sc.texts.not_web_services_user.fill(&vars);
        return failed(
            block,
            e,
            format!("user '{userid}' is not a Web Services user"),
        );
    }
    if let Err(reason) = entity_access(state, &user, &location) {
        let e = sc.texts.entity_not_permitted.fill(&vars);
        return failed(block, e, reason);
    }
    let now = state.now();
    let expires = now + time::Duration::seconds(sc.session_timeout_secs);
    AuthOutcome::Ok(Caller {
        block: AuthBlock {
            ok: true,
            userid: user.login_id.clone(),
            companyid: sc.company.id.clone(),
            locationid: location.clone(),
            times: Some((timestamp(now), timestamp(expires))),
        },
        user,
        company: sc.company.id.clone(),
        location,
    })
}

/// Refuses a sender the company has not authorised (or whose authorisation is inactive).
fn sender_refusal(
    state: &IntacctState,
    sender: &str,
    block: AuthBlock,
    vars: &[(&str, &str)],
) -> Option<AuthOutcome> {
    let sc = &state.scenario;
    // Sender IDs are case-sensitive.
    match sc
        .company
        .authorized_senders
        .iter()
        .find(|s| s.id == sender)
    {
        Some(s) if s.active => None,
        Some(_) => Some(failed(
            block,
            sc.texts.sender_inactive.fill(vars),
            format!("sender '{sender}' is authorised but not active in the company"),
        )),
        None => Some(failed(
            block,
            sc.texts.sender_not_authorized.fill(vars),
            format!("sender '{sender}' is not in the company's Web Services authorizations"),
        )),
    }
}

/// Checks the user may work in `location` ("" = top level).
pub fn entity_access(state: &IntacctState, user: &User, location: &str) -> Result<(), String> {
    let company = &state.scenario.company;
    if location.is_empty() {
        if !company.entities.is_empty() && !user.top_level {
            return Err(format!(
                "user '{}' may not sign in at the top level",
                user.login_id
            ));
        }
        return Ok(());
    }
    if !company
        .entities
        .iter()
        .any(|e| e.id.eq_ignore_ascii_case(location))
    {
        return Err(format!("entity '{location}' does not exist in the company"));
    }
    if !user.entities.is_empty()
        && !user
            .entities
            .iter()
            .any(|e| e.eq_ignore_ascii_case(location))
    {
        return Err(format!(
            "user '{}' is not permitted in entity '{location}'",
            user.login_id
        ));
    }
    Ok(())
}

fn http(status: StatusCode, body: String, reason: String) -> AuthOutcome {
    AuthOutcome::Http {
        response: xml(status, body),
        reason,
    }
}

fn bad_credentials(state: &IntacctState, block: AuthBlock, reason: String) -> AuthOutcome {
    match state.scenario.credential_errors {
        CredentialErrors::Classic => failed(
            block,
            ErrorText::new("XL03000006", "", "Sign-in information is incorrect", ""),
            reason,
        ),
        // As in the SDKs' 401 fixtures (intacct-sdk-js test/Xml/RequestHandlerTest.ts,
        // intacct-sdk-php, -net): the control block holds only its status.
        CredentialErrors::Gateway401 => http(
            StatusCode::UNAUTHORIZED,
            respond::gateway_error(
                "XMLGW_JPP0002",
                "Sign-in information is incorrect. Please check your request.",
            ),
            reason,
        ),
    }
}

fn session(state: &IntacctState, control: &Control, id: &str) -> AuthOutcome {
    let sc = &state.scenario;
    let now = state.now();
    let invalid = |reason: &str| {
        let block = AuthBlock {
            ok: false,
            userid: String::new(),
            companyid: String::new(),
            locationid: String::new(),
            times: None,
        };
        failed(
            block,
            ErrorText::new("XL03000006", "", "Invalid session", ""),
            reason,
        )
    };
    let mut sessions = lock(&state.sessions);
    let Some(s) = sessions.get_mut(id) else {
        return invalid("unknown session id");
    };
    if s.expires <= now {
        sessions.remove(id);
        return invalid("the session has expired");
    }
    // Each call pushes the timeout out again.
    s.expires = now + time::Duration::seconds(sc.session_timeout_secs);
    let s = s.clone();
    drop(sessions);
    let block = AuthBlock {
        ok: true,
        userid: s.user.clone(),
        companyid: s.company.clone(),
        locationid: s.location.clone(),
        times: Some((timestamp(s.started), timestamp(s.expires))),
    };
    let vars = [
        ("sender", control.senderid.as_str()),
        ("company", s.company.as_str()),
    ];
    if let Some(out) = sender_refusal(state, &control.senderid, block.clone(), &vars) {
        return out;
    }
    match state.user(&s.user) {
        Some(user) if user.status == UserStatus::Active => AuthOutcome::Ok(Caller {
            user,
            company: s.company,
            location: s.location,
            block,
        }),
        _ => invalid("the session's user is no longer active"),
    }
}
