//! Each domain error becomes the one error shape the front ends show
//! (`IpcError`) here, once, with its kind: code that meets one writes
//! `.or_ipc()?` instead of choosing a kind at every call.

use onramp_core::http::HttpError;
use onramp_core::{ErrorKind, IpcError};
use onramp_intacct::rest::RestError;
use onramp_intacct::IntacctError;
use onramp_netsuite::accounts::AccountError;
use onramp_netsuite::oauth2::OAuthError;
use onramp_netsuite::NetSuiteError;
use onramp_sim::reproduce::ReproduceError;
use onramp_sim::scenario::ScenarioError;

/// A domain error with the kind the user meets it as.
pub trait DomainError: std::fmt::Display {
    fn kind(&self) -> ErrorKind;
}

/// `Result<T, DomainError>` → `Result<T, IpcError>`.
pub trait OrIpc<T> {
    fn or_ipc(self) -> Result<T, IpcError>;
}

impl<T, E: DomainError> OrIpc<T> for Result<T, E> {
    fn or_ipc(self) -> Result<T, IpcError> {
        self.map_err(|e| IpcError::new(e.kind(), e.to_string()))
    }
}

fn http_kind(e: &HttpError) -> ErrorKind {
    match e {
        HttpError::BadEndpoint { .. } => ErrorKind::InvalidInput,
        HttpError::Other(_) => ErrorKind::Internal,
        _ => ErrorKind::Network,
    }
}

impl DomainError for HttpError {
    fn kind(&self) -> ErrorKind {
        http_kind(self)
    }
}

/// What the user typed or pasted is not a NetSuite account.
impl DomainError for AccountError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }
}

impl DomainError for NetSuiteError {
    fn kind(&self) -> ErrorKind {
        match self {
            NetSuiteError::Http(e) => http_kind(e),
            NetSuiteError::InvalidLogin { .. } | NetSuiteError::BearerRejected { .. } => {
                ErrorKind::Auth
            }
            _ => ErrorKind::Protocol,
        }
    }
}

impl DomainError for OAuthError {
    fn kind(&self) -> ErrorKind {
        match self {
            OAuthError::Http(e) => http_kind(e),
            OAuthError::InvalidInput(_) | OAuthError::StateMismatch => ErrorKind::InvalidInput,
            _ => ErrorKind::Auth,
        }
    }
}

impl DomainError for IntacctError {
    fn kind(&self) -> ErrorKind {
        match self {
            IntacctError::Http(e) => http_kind(e),
            IntacctError::InvalidInput(_) => ErrorKind::InvalidInput,
            IntacctError::Authentication { .. } => ErrorKind::Auth,
            _ => ErrorKind::Protocol,
        }
    }
}

impl DomainError for RestError {
    fn kind(&self) -> ErrorKind {
        match self {
            RestError::Http(e) => http_kind(e),
            RestError::InvalidInput(_) => ErrorKind::InvalidInput,
            RestError::OAuth { .. } => ErrorKind::Auth,
            _ => ErrorKind::Protocol,
        }
    }
}

/// A scenario name the user picked, or a scenario file, that is not valid.
impl DomainError for ScenarioError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }
}

impl DomainError for ReproduceError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }
}

impl DomainError for onramp_core::runner::UnknownChecks {
    fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_gets_its_kind() {
        let account = onramp_netsuite::Account::parse("ana@example.com").or_ipc();
        assert_eq!(account.unwrap_err().kind, ErrorKind::InvalidInput);
        let connect: Result<(), _> = Err(HttpError::Connect {
            host: "h".into(),
            detail: "refused".into(),
        });
        assert_eq!(connect.or_ipc().unwrap_err().kind, ErrorKind::Network);
        let refused: Result<(), _> = Err(OAuthError::Token {
            status: 400,
            error: "invalid_grant".into(),
            description: None,
        });
        let e = refused.or_ipc().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Auth);
        assert!(e.message.contains("invalid_grant"), "{}", e.message);
        let scenario = onramp_sim::Scenario::builtin("netsuite/no-such").or_ipc();
        assert_eq!(scenario.unwrap_err().kind, ErrorKind::InvalidInput);
    }
}
