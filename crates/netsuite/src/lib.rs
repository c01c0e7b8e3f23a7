//! NetSuite connection engine: account IDs and domains, TBA signing, the REST
//! and SuiteQL client with NetSuite's concurrency governance, and the checks
//! that prove an integration user's setup.

pub mod accounts;
pub mod admin;
pub mod checks;
pub mod client;
pub mod errors;
pub mod governance;
pub mod guidance;
pub mod oauth2;
pub mod observe;
pub mod profiles;
pub mod tba;

pub use accounts::{Account, AccountError, Environment};
pub use client::{ClientOptions, Credentials, NetSuiteClient};
pub use errors::NetSuiteError;
pub use tba::TbaCredentials;
pub use url::Url;
