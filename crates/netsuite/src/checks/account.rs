//! `netsuite.account`: the ID, its spelling, and the hosts NetSuite reports.

use onramp_core::runner::RunCtx;
use onramp_core::{CheckResult, Diagnosis};

use super::auth::spelled_differently;
use super::{pass, paths, warn, Ctx};
use crate::accounts::{discover_domains, DomainSource};

pub async fn run(c: Ctx, _run: RunCtx) -> CheckResult {
    let client = c.facts.client();
    let account = client.account();
    let input = c.ctx.account_input.trim();
    let mut result = if spelled_differently(input, account.realm()) {
        warn(
            format!(
                "The account ID was entered as '{input}'; NetSuite spells it '{}'.",
                account.realm()
            ),
            Diagnosis::new(
                format!("NetSuite compares the realm exactly: '{}' (uppercase, underscore) is the account ID and '{}' only appears in host names. A connector configured with '{input}' is refused with 'Invalid login attempt'.", account.realm(), account.host_label()),
                format!("Enter '{}' as the account ID in the connector too.", account.realm()),
                paths::COMPANY_INFORMATION,
            ),
        )
    } else {
        let kind = match &c.ctx.simulation {
            Some(scenario) => format!("simulated by Practice scenario {scenario}"),
            None => format!("{:?}", account.environment()),
        };
        pass(format!(
            "Account {} ({kind}) uses host {}.",
            account.realm(),
            account.rest_host()
        ))
    };
    if c.ctx.discover_domains {
        let opts = client.options();
        let domains = discover_domains(account, &opts.endpoints, opts.timeout).await;
        match domains.source {
            DomainSource::Discovered if domains.rest_host != account.rest_host() => {
                result = warn(
                    format!(
                        "NetSuite reports host {} for this account, not {}.",
                        domains.rest_host,
                        account.rest_host()
                    ),
                    Diagnosis::new(
                        "The account's domains differ from the usual pattern; Oracle asks integrations to use the domains the account reports.",
                        format!("Use {} for REST web services in the connector.", domains.rest_host),
                        paths::COMPANY_INFORMATION,
                    ),
                );
            }
            DomainSource::Discovered => {
                result =
                    result.with_evidence("Domains", "confirmed by NetSuite's domain discovery");
            }
            DomainSource::UnknownAccount => {
                result = warn(
                    format!("NetSuite's domain discovery does not know account {}.", account.realm()),
                    Diagnosis::new(
                        "The account ID is probably mistyped (or belongs to a sandbox that no longer exists).",
                        "Copy the Account ID from Company Information and enter it again.",
                        paths::COMPANY_INFORMATION,
                    ),
                )
                .with_evidence("Domains", domains.note.unwrap_or_default());
            }
            DomainSource::Derived => {
                result = result.with_evidence(
                    "Domains",
                    format!(
                        "derived from the account ID ({})",
                        domains.note.unwrap_or_default()
                    ),
                );
            }
        }
    }
    result
        .with_evidence("Entered", input)
        .with_evidence("Realm", account.realm())
        .with_evidence("REST host", account.rest_host())
        .with_evidence("RESTlet host", account.restlets_host())
        .with_evidence("UI host", account.app_host())
}
