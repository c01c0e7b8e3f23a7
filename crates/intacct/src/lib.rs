//! Sage Intacct: the XML gateway client (request envelope, layered response
//! parsing, API sessions), the REST API's OAuth 2.0, the pattern table that
//! tells XL03000006's many meanings apart, and the checks that prove a Web
//! Services user's setup against a connector profile.

pub mod checks;
pub mod client;
pub mod errors;
pub mod guidance;
pub mod observe;
pub mod patterns;
pub mod profiles;
pub mod rest;
pub mod rest_errors;
pub mod senders;
pub mod session;
mod transport;
pub mod users;
pub mod xml;

pub use client::{ClientOptions, IntacctClient, IntacctCredentials, RetryEvent, GATEWAY_URL};
pub use errors::{IntacctError, Layer};
