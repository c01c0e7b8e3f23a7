//! `netsuite.mcp`: what an AI client needs from NetSuite's AI Connector
//! Service, as far as Onramp can prove it over REST web services: the sign-in
//! method and a role that is not Administrator. The check ends with the server
//! URL the user pastes into the AI client (the hand-off).
//!
//! The Administrator rule: Oracle's AI Connector Service setup asks for a
//! custom role with MCP Server Connection; the setup guides that repeat it
//! (TrueFoundry "NetSuite MCP server", Speakeasy "NetSuite") say a
//! non-Administrator role. The MCP endpoint itself is not called.

use onramp_core::profile::AuthMethod;
use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::{fail, pass, paths, warn, Ctx};
use crate::accounts::Account;

/// NetSuite's standard Administrator role.
const ADMINISTRATOR_ROLE: u64 = 3;

/// The AI Connector Service endpoint that serves every installed MCP tool.
pub fn server_url(account: &Account) -> String {
    format!("https://{}/services/mcp/v1/all", account.rest_host())
}

/// Checks a server URL as typed into an AI client against this account's.
pub fn check_server_url(account: &Account, typed: &str) -> Result<(), String> {
    let want = server_url(account);
    let typed = typed.trim().trim_end_matches('/');
    if typed.eq_ignore_ascii_case(&want) {
        return Ok(());
    }
    if !typed.ends_with("/services/mcp/v1/all") {
        return Err(format!(
            "The AI Connector Service answers at a URL ending in /services/mcp/v1/all; use {want}"
        ));
    }
    Err(format!(
        "That URL is for another account or domain; for account {} use {want}",
        account.realm()
    ))
}

pub(crate) async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let url = server_url(c.facts.client().account());
    let method = c.ctx.auth_method();
    if method != AuthMethod::Oauth2Code {
        return fail(
            "The AI Connector Service accepts only OAuth 2.0 authorization code + PKCE sign-ins.",
            Diagnosis::new(
                "This setup signs in with Token-Based Authentication or client credentials (M2M); NetSuite grants the mcp scope only through the authorization code grant with PKCE.",
                "On the integration record tick Authorization Code Grant and the NetSuite AI Connector Service scope (and nothing else), then sign in again from the AI client.",
                format!("{} > (the AI client's record) > Edit > Authentication", paths::MANAGE_INTEGRATIONS),
            ),
        );
    }
    let result = match c.facts.role_id().await {
        Some(ADMINISTRATOR_ROLE) => {
            return fail(
                "The sign-in uses the Administrator role, which the AI Connector Service refuses.",
                Diagnosis::new(
                    "NetSuite does not let the Administrator role connect to the AI Connector Service.",
                    "Create a custom role with MCP Server Connection, Log in using OAuth 2.0 Access Tokens and REST Web Services (each Full) plus the record permissions the AI client may use; give it to the user and choose it when the AI client signs in.",
                    paths::MANAGE_ROLES,
                ),
            )
        }
        Some(role) => pass(format!(
            "Role {role} is not Administrator; point the AI client at {url}."
        )),
        None => warn(
            format!("Could not tell which role signed in; it must not be Administrator. Point the AI client at {url}."),
            Diagnosis::new(
                "The role is known only from an OAuth 2.0 token or the role name given in the setup.",
                "Give the role's name in the setup, or sign in with OAuth 2.0, and run again.",
                paths::MANAGE_ROLES,
            ),
        ),
    };
    result
        .with_evidence("Server URL", &url)
        .with_evidence(
            "Not visible through REST; confirm on the SuiteApps tab > SuiteApp Marketplace (search MCP Standard Tools)",
            "MCP Standard Tools SuiteApp installed",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_url_is_the_accounts_suitetalk_domain() {
        let sb = Account::parse("1234567_SB1").unwrap();
        assert_eq!(
            server_url(&sb),
            "https://1234567-sb1.suitetalk.api.netsuite.com/services/mcp/v1/all"
        );
        assert!(check_server_url(&sb, &format!("{} ", server_url(&sb))).is_ok());
        let other = check_server_url(
            &sb,
            "https://1234567.suitetalk.api.netsuite.com/services/mcp/v1/all",
        )
        .unwrap_err();
        assert!(other.contains("another account"), "{other}");
        let rest = check_server_url(
            &sb,
            "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1",
        )
        .unwrap_err();
        assert!(rest.contains("/services/mcp/v1/all"), "{rest}");
    }
}
