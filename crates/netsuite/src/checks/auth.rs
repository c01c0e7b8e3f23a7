//! `netsuite.auth` and `netsuite.clock`. A refused TBA login always looks the
//! same (401 INVALID_LOGIN); the real reason is only in the Login Audit Trail,
//! so we rank the likely reasons from what we can observe and say what to
//! look for there.

use onramp_core::http::HttpError;
use onramp_core::profile::AuthMethod;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::audit_detail::audit_detail_diagnosis;
use super::{fail, pass, paths, skip, warn, Ctx};
use crate::accounts::Environment;
use crate::client::Credentials;
use crate::errors::NetSuiteError;

/// NetSuite accepts TBA timestamps within ±5 minutes of its clock.
pub const MAX_SKEW_SECS: i64 = 300;

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let login = c.facts.login().await;
    let client = c.facts.client();
    let account = client.account();
    let base = |r: CheckResult| {
        r.with_evidence("Realm", account.realm())
            .with_evidence("Host", account.rest_host())
            .with_evidence("Method", method_name(c.ctx.auth_method()))
    };
    match login.as_ref() {
        Ok(t) => base(pass(format!(
            "NetSuite accepted the credentials for account {}.",
            account.realm()
        )))
        .with_evidence("Server time", &t.raw),
        Err(NetSuiteError::InvalidLogin { .. }) => base(invalid_login(&c).await),
        Err(NetSuiteError::BearerRejected { .. })
            if c
                .ctx
                .audit_detail
                .as_deref()
                .and_then(|d| audit_detail_diagnosis(c.ctx.auth_method(), d))
                .is_some() =>
        {
            base(invalid_login(&c).await)
        }
        Err(NetSuiteError::BearerRejected {
            error, description, ..
        }) => base(fail(
            format!("NetSuite refused the OAuth 2.0 access token ({error}: {description})."),
            Diagnosis::new(
                "The access token is expired (they last 60 minutes), was issued for another account, or its role or user is inactive (EntityOrRoleDisabled), or the integration is blocked or lacks the rest_webservices scope.",
                "Get a new access token (sign in again or refresh); if that fails, read the Detail column for this login and fix what it names.",
                paths::LOGIN_AUDIT_TRAIL,
            ),
        )),
        Err(NetSuiteError::UserError { detail }) => base(fail(
            format!("NetSuite accepted the signature but the role may not use this API: {detail}"),
            Diagnosis::new(
                "The role lacks 'Log in using Access Tokens' (or 'Log in using OAuth 2.0 Access Tokens') or 'REST Web Services'.",
                "Edit the integration role: on Permissions > Setup add 'Log in using Access Tokens' (TBA) or 'Log in using OAuth 2.0 Access Tokens' (OAuth 2.0), and 'REST Web Services', each at Full.",
                paths::role_permission_tab("Setup"),
            ),
        )),
        Err(e) => base(transport_failure(e)),
    }
}

async fn invalid_login(c: &Ctx) -> CheckResult {
    let client = c.facts.client();
    let account = client.account();
    if let Some(d) = c
        .ctx
        .audit_detail
        .as_deref()
        .and_then(|d| audit_detail_diagnosis(c.ctx.auth_method(), d))
    {
        return fail(
            format!(
                "NetSuite refused the login; the Login Audit Trail says '{}'.",
                c.ctx.audit_detail.as_deref().unwrap_or_default().trim()
            ),
            d,
        );
    }
    if let Some(r) = read_audit_trail(c).await {
        return r;
    }
    let mut causes: Vec<String> = Vec::new();
    let mut fixes: Vec<String> = Vec::new();
    let skew = client.clock().map(|o| o.skew_secs());
    if let Some(s) = skew.filter(|s| s.abs() > MAX_SKEW_SECS) {
        causes.push(format!(
            "This computer's clock is {} off NetSuite's (limit ±5 min): the Detail column will say InvalidTimestamp.",
            human_secs(s)
        ));
        fixes.push("Turn on automatic time (NTP) on this computer and run again.".into());
    }
    if let Some(other) = c.facts.sibling_that_accepts().await {
        causes.push(format!(
            "These credentials belong to account {other}, not {}: tokens are per account and are never copied between production and sandboxes.",
            account.realm()
        ));
        fixes.push(format!(
            "Use account ID {other} (host {}), or create a token in {} itself.",
            other.to_ascii_lowercase().replace('_', "-"),
            account.realm()
        ));
    }
    if spelled_differently(&c.ctx.account_input, account.realm()) {
        causes.push(format!(
            "The account ID was entered as '{}'; NetSuite's realm is '{}' exactly (a connector sending the other spelling is refused).",
            c.ctx.account_input.trim(),
            account.realm()
        ));
    }
    if matches!(client.credentials(), Credentials::Tba(_)) {
        if account.environment() == Environment::Sandbox {
            causes.push("The token was created in production, or the sandbox was refreshed since (a refresh wipes tokens): the Detail column will say token_rejected or consumer_key_unknown.".into());
        }
        causes.push("The token was revoked, or was created for another integration record, user or role than these consumer credentials (consumer/token pairing): Detail token_rejected. A wrong consumer or token secret, or a realm spelled differently: Detail InvalidSignature.".into());
        causes.push("The user is inactive or lost access, the role is inactive, or the role lacks 'Log in using Access Tokens': Detail permission_denied.".into());
        causes.push("The integration record is Blocked: Detail consumer_key_refused. Token-based Authentication is disabled: Detail FeatureDisabled.".into());
    }
    fixes.push(
        "Open the Login Audit Trail, find this failed login (Status Failure), and read its Detail column; enter that value here for an exact fix.".into(),
    );
    fail(
        format!(
            "NetSuite refused the login to {} (INVALID_LOGIN). Most likely, in order: {}",
            account.realm(),
            causes.first().cloned().unwrap_or_default()
        ),
        Diagnosis::new(causes.join(" "), fixes.join(" "), paths::LOGIN_AUDIT_TRAIL),
    )
    .with_evidence(
        "Clock skew",
        skew.map(human_secs)
            .unwrap_or_else(|| "not measured".into()),
    )
}

/// With an administrator's sign-in, the newest failed login in the Login
/// Audit Trail names the reason itself, so nobody has to find and copy it.
async fn read_audit_trail(c: &Ctx) -> Option<CheckResult> {
    let admin = c.ctx.admin_reader.as_ref()?;
    let rows = crate::admin::failed_logins(admin, None, 5).await.ok()?;
    let row = rows.into_iter().find(|r| !r.detail.is_empty())?;
    let d = audit_detail_diagnosis(c.ctx.auth_method(), &row.detail)?;
    Some(
        fail(
            format!(
                "NetSuite refused the login; its Login Audit Trail, read with the administrator's sign-in, says '{}'.",
                row.detail
            ),
            d,
        )
        .with_evidence("Login Audit Trail", format!("{} {} {}", row.date, row.email, row.detail))
        .with_evidence("Token", &row.token),
    )
}

pub async fn clock(c: Ctx, _run: RunCtx) -> CheckResult {
    let login = c.facts.login().await;
    let client = c.facts.client();
    // serverTime has millisecond precision; the Date header is there even on a 401.
    let obs = match login.as_ref() {
        Ok(t) => t.clock.or(client.clock()),
        Err(_) => client.clock(),
    };
    let Some(obs) = obs else {
        return skip("NetSuite's clock could not be read (no answer with a Date header).")
            .with_diagnosis(unreachable());
    };
    let s = obs.skew_secs();
    let summary = format!("This computer's clock is {} NetSuite's.", relation(s));
    let r = if s.abs() > MAX_SKEW_SECS {
        fail(
            summary,
            Diagnosis::new(
                format!("NetSuite refuses TBA requests whose timestamp is more than 5 minutes off its clock (InvalidTimestamp); this computer is {} off.", human_secs(s)),
                "Turn on automatic date and time (NTP) on this computer and on the connector's server.",
                "The operating system's date and time settings",
            ),
        )
    } else if s.abs() > 60 {
        warn(
            summary,
            Diagnosis::new(
                "The clock is more than a minute off; NetSuite's limit is 5 minutes.",
                "Turn on automatic date and time (NTP).",
                "The operating system's date and time settings",
            ),
        )
    } else {
        pass(summary)
    };
    r.with_evidence("Skew (s, + = NetSuite ahead)", s.to_string())
}

/// For checks that could not run because NetSuite did not answer at all.
pub fn unreachable() -> Diagnosis {
    Diagnosis::new(
        "NetSuite did not answer, so this could not be checked.",
        "Fix what netsuite.auth reports (network, proxy or account ID), then run again.",
        paths::COMPANY_INFORMATION,
    )
}

fn relation(s: i64) -> String {
    match s {
        0 => "in step with".into(),
        s if s > 0 => format!("{} behind", human_secs(s)),
        s => format!("{} ahead of", human_secs(s)),
    }
}

pub fn human_secs(s: i64) -> String {
    let a = s.unsigned_abs();
    // The Date header has 1 s resolution; whole minutes read better and are as true.
    if a >= 120 {
        format!("about {} min", (a + 30) / 60)
    } else {
        format!("{a} s")
    }
}

fn method_name(m: AuthMethod) -> &'static str {
    match m {
        AuthMethod::Tba => "Token-based Authentication (TBA)",
        AuthMethod::Oauth2Code => "OAuth 2.0 access token (authorization code)",
        AuthMethod::Oauth2M2m => "OAuth 2.0 access token (client credentials, M2M)",
    }
}

/// The user typed a realm (not a URL) that differs from NetSuite's spelling.
pub fn spelled_differently(input: &str, realm: &str) -> bool {
    let t = input.trim();
    !t.contains('.') && t != realm
}

pub fn transport_failure(e: &NetSuiteError) -> CheckResult {
    let (cause, fix) = match e {
        NetSuiteError::Http(HttpError::HtmlPage { .. }) => (
            "A web page (a proxy, captive portal, login or outage page) answered instead of NetSuite's API.",
            "Check the network path to *.suitetalk.api.netsuite.com (proxy settings, VPN) and NetSuite's status page.",
        ),
        NetSuiteError::Http(HttpError::Timeout { .. }) => (
            "NetSuite did not answer in time.",
            "Check the network connection and NetSuite's status page, then run again.",
        ),
        NetSuiteError::Http(HttpError::Tls { .. }) => (
            "The secure connection failed; a proxy may be intercepting TLS.",
            "Ask your IT team to allow *.netsuite.com without TLS inspection.",
        ),
        NetSuiteError::Http(HttpError::Connect { .. }) => (
            "NetSuite's host could not be reached; the account ID may be wrong or the network blocks it.",
            "Check the account ID and the network connection.",
        ),
        NetSuiteError::Http(HttpError::Redirected { .. }) => (
            "The server sent the request, which carries credentials, on to another address; Onramp did not follow.",
            "Check the account ID (it decides NetSuite's address) and whether a proxy or VPN rewrites requests.",
        ),
        NetSuiteError::Cancelled | NetSuiteError::DeadlineReached => {
            return skip(e.to_string());
        }
        _ => (
            "NetSuite answered in an unexpected way.",
            "Run again; if it persists, check NetSuite's status page.",
        ),
    };
    fail(
        format!("Could not talk to NetSuite: {e}"),
        Diagnosis::new(cause, fix, paths::COMPANY_INFORMATION),
    )
}
