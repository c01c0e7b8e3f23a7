//! The simulated Oracle NetSuite: TBA (and, through `oauth2`, OAuth 2.0) login,
//! REST web services (system, records, SuiteQL), RESTlets, account-wide concurrency, the
//! Login Audit Trail and data center discovery.

pub mod audit;
pub mod auth;
pub mod concurrency;
pub mod ctx;
pub mod employees;
pub mod errors;
pub mod gate;
pub mod hosts;
pub mod loginaudit;
mod memory;
mod metadata;
pub mod model;
pub mod oauth2;
pub mod paging;
pub mod records;
pub mod restlet;
mod routes;
pub mod state;
pub mod suiteql;
mod tables;
pub mod tba;
mod validate;

use axum::{
    middleware,
    routing::{get, post},
    Router,
};
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

pub use auth::Principal;
pub use model::NetSuiteScenario;
pub use state::NsState;

use crate::options::SimOptions;

/// Every NetSuite route, state applied, ready to merge into the simulator.
pub fn router(scenario: &NetSuiteScenario, options: &SimOptions) -> Router {
    let state = NsState::new(scenario, options);
    let rest = "/{host}/services/rest";
    let erp = Router::new()
        .route(
            &format!("{rest}/system/v1/serverTime"),
            get(routes::system::server_time),
        )
        .route(
            &format!("{rest}/system/v1/governanceLimits"),
            get(routes::system::governance_limits),
        )
        .route(
            &format!("{rest}/record/v1/metadata-catalog"),
            get(metadata::list),
        )
        .route(
            &format!("{rest}/record/v1/metadata-catalog/{{record_type}}"),
            get(metadata::one),
        )
        .route(
            &format!("{rest}/record/v1/{{record_type}}"),
            get(routes::records::list).post(routes::employees::create),
        )
        .route(
            &format!("{rest}/record/v1/{{record_type}}/{{id}}"),
            get(routes::records::get_one).patch(routes::employees::update),
        )
        .route(
            &format!("{rest}/query/v1/suiteql"),
            post(routes::suiteql::query),
        )
        .route("/{host}/app/site/hosting/restlet.nl", get(restlet::call))
        .route(
            "/{host}/rest/datacenterurls",
            get(routes::discovery::datacenter_urls),
        )
        .merge(oauth2::router())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            concurrency::govern,
        ));
    erp.merge(routes::sim::router()).with_state(state)
}

pub(crate) fn rfc3339(t: OffsetDateTime) -> String {
    t.replace_nanosecond(0)
        .unwrap_or(t)
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// `2025-03-26T16:21:00.000Z`, as serverTime spells it.
pub(crate) fn rfc3339_millis(t: OffsetDateTime) -> String {
    let ms = t.millisecond();
    let whole = t.replace_nanosecond(0).unwrap_or(t);
    let s = whole.format(&Rfc3339).unwrap_or_default();
    match s.strip_suffix('Z') {
        Some(head) => format!("{head}.{ms:03}Z"),
        None => s,
    }
}
