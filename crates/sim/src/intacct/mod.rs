//! Simulated Sage Intacct: the XML gateway (control, authentication and result
//! layers, sessions and pod endpoints, permissions, limits and outages), a
//! modest REST/OAuth 2.0 surface, and `/__sim/intacct/...` inspection.
//! Every route sits under `/{host}` (see `onramp_core::http::EndpointOverride`).

mod auth;
mod derived;
mod faults;
mod functions;
mod gateway;
mod inspect_sim;
mod memory;
mod model;
mod parse;
mod records;
mod respond;
mod rest;
mod rest_objects;
mod scenario;
mod state;
mod texts;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::routing::{get, post};
use time::OffsetDateTime;

pub use scenario::{
    AdminPrivilege, AuthorizedSender, Company, CredentialErrors, Entity, Fault, FaultKind,
    IntacctScenario, ObjectPolicy, PermissionMode, Policy, PracticeCredentials, RateLimit,
    RestClient, RestConfig, Role, Sender, UnknownCompany, User, UserStatus, UserTypeCap,
};
pub use texts::{ErrorText, Texts};

use crate::options::SimOptions;
use state::IntacctState;

/// Routes of the simulated Intacct endpoints, state applied.
pub fn router(scenario: &IntacctScenario, options: &SimOptions) -> axum::Router {
    let state = Arc::new(IntacctState::new(
        scenario.clone(),
        options.clock(0),
        options.latency,
        options.memory.clone(),
    ));
    axum::Router::new()
        .route("/{host}/ia/xml/xmlgw.phtml", post(gateway::handle))
        .route("/{host}/ia/api/v1/oauth2/authorize", get(rest::authorize))
        .route("/{host}/ia/api/v1/oauth2/token", post(rest::token))
        .route(
            "/{host}/ia/api/v1/objects/{*path}",
            get(rest_objects::objects),
        )
        .route("/__sim/intacct/state", get(inspect_sim::state))
        .route("/__sim/intacct/log", get(inspect_sim::log))
        .route(
            "/__sim/intacct/sessions/expire",
            post(inspect_sim::expire_sessions),
        )
        .route(
            "/__sim/intacct/users/password",
            post(inspect_sim::change_password),
        )
        .with_state(state)
}

/// `2015-10-22T20:58:27+00:00`, the shape of Sage's session timestamps.
pub(crate) fn timestamp(t: OffsetDateTime) -> String {
    let f = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
    );
    t.format(&f).unwrap_or_default()
}

/// Hosts this simulated service answers on: the API host and the scenario's pod.
fn known_host(scenario: &IntacctScenario, host: &str) -> bool {
    host.eq_ignore_ascii_case("api.intacct.com")
        || host.eq_ignore_ascii_case(&format!("{}.intacct.com", scenario.pod))
}
