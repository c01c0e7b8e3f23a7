//! `GET …/app/login/oauth2/authorize.nl` (account domain or system.netsuite.com):
//! validates the request, then shows the simulated consent page; the page's
//! POST validates again and redirects with a code or an error.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::{header::LOCATION, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use url::Url;

use super::super::{ctx::RequestCtx, hosts::Service, model::AccountKind, state::NsState, tba};
use super::consent::{consent_page, error_page, Choice};
use super::grants::{key, random_token, CodeGrant};
use super::record::{self, Who};
use super::{read_account, with_account};

type Params = BTreeMap<String, String>;

/// A request that passed every check up to the consent step.
struct Valid {
    account: String,
    company: String,
    integration: String,
    who: Who,
    redirect_uri: String,
    state: String,
    scopes: Vec<String>,
    challenge: Option<String>,
}

enum Refusal {
    /// No redirect is possible or allowed: NetSuite shows an error page.
    Page {
        detail: &'static str,
        message: String,
    },
    Redirect {
        to: String,
        state: Option<String>,
        error: &'static str,
        detail: &'static str,
        note: String,
    },
}

pub async fn show(State(state): State<NsState>, ctx: RequestCtx) -> Response {
    let params = pairs(ctx.query.as_deref().unwrap_or(""));
    match validate(&state, &ctx, &params) {
        Err(r) => refuse(&state, &ctx, &params, r),
        Ok(v) => {
            let choices = read_account(&state, &v.account, |a| {
                let mut out = Vec::new();
                for e in a.employees.values() {
                    for r in &e.roles {
                        if record::check_principal(a, e.id, *r).is_ok() {
                            let role = a.roles.get(r).map(|r| r.name.clone()).unwrap_or_default();
                            out.push(Choice {
                                value: format!("{}:{r}", e.id),
                                label: format!("{} ({}), role {role}", e.name, e.email),
                            });
                        }
                    }
                }
                out
            })
            .unwrap_or_default();
            let hidden: Vec<(String, String)> = params.into_iter().collect();
            // Relative to this page, so it works under any mount point (the
            // simulator's per-launch secret is the first path segment).
            let action = ctx.path.rsplit('/').next().unwrap_or_default().to_string();
            consent_page(
                &action,
                &v.who.application,
                &v.company,
                &v.scopes,
                &hidden,
                &choices,
            )
        }
    }
}

/// The consent form's POST: Allow issues a code, Deny redirects with `access_denied`.
pub async fn decide(State(state): State<NsState>, ctx: RequestCtx, body: String) -> Response {
    let mut params = pairs(&body);
    let decision = params.remove("decision").unwrap_or_default();
    let principal = params.remove("principal");
    let v = match validate(&state, &ctx, &params) {
        Ok(v) => v,
        Err(r) => return refuse(&state, &ctx, &params, r),
    };
    let deny = |detail: &'static str, who: &Who, note: String| {
        record::failure(&state, &v.account, &ctx, detail, who, &note);
        redirect(
            &v.redirect_uri,
            &[("error", "access_denied"), ("state", &v.state)],
        )
    };
    if decision != "allow" {
        return deny("AuthorizationExplicitlyDenied", &v.who, String::new());
    }
    let Some((employee, role)) = principal
        .as_deref()
        .and_then(|p| p.split_once(':'))
        .and_then(|(e, r)| Some((e.parse::<u64>().ok()?, r.parse::<u64>().ok()?)))
    else {
        return deny(
            "EntityOrRoleDisabled",
            &v.who,
            "no user and role was chosen".into(),
        );
    };
    let now = state.clock.now();
    let lifetime = time::Duration::seconds(state.scenario.oauth2.code_lifetime_secs);
    let outcome = with_account(&state, &v.account, |a| {
        let who = v.who.clone().person(a, employee, role);
        if let Err(note) = record::check_principal(a, employee, role) {
            return Err((who, note));
        }
        let code = random_token(32);
        a.oauth2.codes.insert(
            key(&code),
            CodeGrant {
                integration: v.integration.clone(),
                redirect_uri: v.redirect_uri.clone(),
                challenge: v.challenge.clone(),
                employee,
                role,
                scopes: v.scopes.clone(),
                expires_at: now + lifetime,
            },
        );
        Ok(code)
    });
    match outcome {
        Some(Ok(code)) => redirect(
            &v.redirect_uri,
            &[
                ("state", &v.state),
                ("role", &role.to_string()),
                ("entity", &employee.to_string()),
                ("company", &v.account),
                ("code", &code),
            ],
        ),
        Some(Err((who, note))) => deny("EntityOrRoleDisabled", &who, note),
        None => error_page("The account no longer exists.", "InvalidRequest"),
    }
}

fn refuse(state: &NsState, ctx: &RequestCtx, params: &Params, r: Refusal) -> Response {
    let account = ctx.account.clone().unwrap_or_else(|| ctx.host.clone());
    let client_id = params.get("client_id").map(String::as_str).unwrap_or("");
    let who = read_account(state, &account, |a| {
        a.integration_by_key(client_id).map(Who::app)
    })
    .flatten()
    .unwrap_or_default();
    match r {
        Refusal::Page { detail, message } => {
            record::failure(state, &account, ctx, detail, &who, &message);
            error_page(&message, detail)
        }
        Refusal::Redirect {
            to,
            state: st,
            error,
            detail,
            note,
        } => {
            record::failure(state, &account, ctx, detail, &who, &note);
            let mut q = vec![("error", error)];
            if let Some(s) = st.as_deref() {
                q.push(("state", s));
            }
            redirect(&to, &q)
        }
    }
}

fn validate(state: &NsState, ctx: &RequestCtx, p: &Params) -> Result<Valid, Refusal> {
    let page = |detail, message: &str| Refusal::Page {
        detail,
        message: message.to_string(),
    };
    let client_id = p.get("client_id").map(String::as_str).unwrap_or("");
    let account_id = match ctx.ns.service {
        Service::App => ctx.account.clone().ok_or_else(|| {
            page(
                "UnknownIntegration",
                "No NetSuite account uses this domain.",
            )
        })?,
        Service::System => account_for_client(state, client_id)
            .ok_or_else(|| page("UnknownIntegration", "The client_id is not known."))?,
        _ => {
            return Err(page(
                "InvalidRequest",
                "The authorize page is not served on this domain.",
            ))
        }
    };
    let found = read_account(state, &account_id, |a| {
        a.integration_by_key(client_id).cloned().map(|i| {
            let gate = record::gate(a, &i);
            (i, a.company_name.clone(), gate)
        })
    })
    .flatten();
    let Some((integration, company, gate)) = found else {
        return Err(page(
            "UnknownIntegration",
            "The client_id is not an integration record of this account.",
        ));
    };
    let redirect_uri = p.get("redirect_uri").cloned().unwrap_or_default();
    if !integration.oauth2.redirect_uris.contains(&redirect_uri) {
        return Err(page(
            "InvalidRedirectURI",
            "The redirect_uri does not match any redirect URI of the integration record.",
        ));
    }
    if let Err(detail) = gate {
        return Err(page(
            detail,
            "This application cannot sign in to this account.",
        ));
    }
    let st = p.get("state").cloned();
    let fail = |error, detail, note: &str| Refusal::Redirect {
        to: redirect_uri.clone(),
        state: st.clone(),
        error,
        detail,
        note: note.to_string(),
    };
    if p.get("response_type").map(String::as_str) != Some("code") {
        return Err(fail(
            "unsupported_response_type",
            "UnsupportedResponseType",
            "response_type must be code",
        ));
    }
    if !integration.oauth2.auth_code_grant {
        return Err(fail(
            "invalid_request",
            "AuthorizationCodeGrantRequired",
            "Authorization Code Grant is not checked on the integration record",
        ));
    }
    let state_ok = st.as_deref().is_some_and(|s| {
        (22..=1024).contains(&s.len()) && s.bytes().all(|b| (0x20..0x7f).contains(&b))
    });
    if !state_ok {
        return Err(fail(
            "invalid_request",
            "InvalidState",
            "state must be 22–1024 printable ASCII characters",
        ));
    }
    let scopes: Vec<String> = p
        .get("scope")
        .map(|s| {
            s.split(' ')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if let Err(detail) = record::check_scopes(&scopes, &integration.oauth2.scopes) {
        return Err(fail(
            "invalid_scope",
            detail,
            "scope must be known values, mcp alone, all enabled on the integration record",
        ));
    }
    let challenge = p.get("code_challenge").cloned();
    let method = p.get("code_challenge_method").map(String::as_str);
    match (&challenge, method) {
        (Some(c), Some("S256"))
            if c.len() == 43
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') => {}
        (None, None) => {
            let required = integration.oauth2.public_client
                || scopes.iter().any(|s| s == "mcp")
                || state.scenario.oauth2.require_pkce_for_all;
            if required {
                return Err(fail(
                    "invalid_request",
                    "InvalidRequest",
                    "PKCE (code_challenge with S256) is required for this client",
                ));
            }
        }
        _ => {
            return Err(fail(
                "invalid_request",
                "InvalidRequest",
                "PKCE supports only code_challenge_method=S256 with a 43-character challenge",
            ))
        }
    }
    Ok(Valid {
        account: account_id,
        company,
        who: Who::app(&integration),
        integration: integration.id,
        redirect_uri,
        state: st.unwrap_or_default(),
        scopes,
        challenge,
    })
}

/// On system.netsuite.com: the account whose integration record has this client ID
/// (production before sandboxes, as a login there lands in production first).
fn account_for_client(state: &NsState, client_id: &str) -> Option<String> {
    let accounts = state.accounts();
    let mut matches: Vec<_> = accounts
        .values()
        .filter(|a| a.integration_by_key(client_id).is_some())
        .collect();
    matches.sort_by_key(|a| a.kind != AccountKind::Production);
    matches.first().map(|a| a.id.clone())
}

fn pairs(s: &str) -> Params {
    tba::form_pairs(s).into_iter().collect()
}

fn redirect(to: &str, query: &[(&str, &str)]) -> Response {
    let Ok(mut url) = Url::parse(to) else {
        return error_page("The redirect URI is not a valid URL.", "InvalidRedirectURI");
    };
    {
        let mut q = url.query_pairs_mut();
        for (k, v) in query {
            q.append_pair(k, v);
        }
    }
    let mut resp = StatusCode::FOUND.into_response();
    if let Ok(v) = HeaderValue::from_str(url.as_str()) {
        resp.headers_mut().insert(LOCATION, v);
    }
    resp
}
