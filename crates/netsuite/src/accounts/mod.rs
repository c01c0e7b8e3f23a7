//! NetSuite account IDs as users paste them, normalised to the realm NetSuite
//! expects (`1234567_SB1`) and the hosts derived from it (`1234567-sb1.…`).

mod discovery;

pub use discovery::{discover_domains, DomainSource, Domains};

use url::Url;

/// Which kind of account the ID names; it decides lifecycle advice (sandbox
/// refreshes wipe tokens) and the host/realm spelling. `_RP` (release preview)
/// is not documented by Oracle for realms; it is accepted as seen in the field.
pub use onramp_core::state::Environment;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    realm: String,
    environment: Environment,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error(
        "the account ID is empty; copy it from Setup > Company > Company Information (Account ID)"
    )]
    Empty,
    #[error("the account ID contains a space ('{0}'); an account ID is one word such as 1234567 or 1234567_SB1")]
    InnerSpace(String),
    #[error("'{0}' looks like an email address, not an account ID; the account ID is a number such as 1234567 (Setup > Company > Company Information)")]
    Email(String),
    #[error("the account ID contains '{ch}', which NetSuite account IDs never contain (only letters, digits and _SB1-style suffixes)")]
    IllegalChar { ch: char },
    #[error(
        "'{0}' is not a NetSuite address; paste the account ID or a URL ending in .netsuite.com"
    )]
    NotNetSuiteUrl(String),
    #[error("the address {0} does not name an account (it is a shared NetSuite host); paste your account's own URL, e.g. https://1234567.app.netsuite.com")]
    NoAccountInUrl(String),
    #[error("'{0}' is not a known account suffix; sandboxes end in _SB1, _SB2 …")]
    UnknownSuffix(String),
}

impl Account {
    /// Parses an ID or URL as pasted: trims, accepts `-`/`_` and any case, and
    /// returns the realm in NetSuite's exact spelling.
    pub fn parse(input: &str) -> Result<Self, AccountError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(AccountError::Empty);
        }
        if trimmed.contains('@') && !trimmed.contains("://") {
            return Err(AccountError::Email(trimmed.to_string()));
        }
        let id =
            if trimmed.contains("://") || trimmed.to_ascii_lowercase().contains(".netsuite.com") {
                account_from_url(trimmed)?
            } else {
                trimmed.to_string()
            };
        if id.chars().any(char::is_whitespace) {
            return Err(AccountError::InnerSpace(id));
        }
        Self::from_id(&id)
    }

    fn from_id(id: &str) -> Result<Self, AccountError> {
        let upper = id.to_ascii_uppercase().replace('-', "_");
        if let Some(ch) = upper
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
        {
            return Err(AccountError::IllegalChar { ch });
        }
        let (base, suffix) = match upper.split_once('_') {
            Some((b, s)) => (b, Some(s)),
            None => (upper.as_str(), None),
        };
        if base.is_empty() {
            return Err(AccountError::Empty);
        }
        let environment = match suffix {
            None if base.starts_with("TSTDRV") => Environment::TestDrive,
            None => Environment::Production,
            Some("RP") => Environment::ReleasePreview,
            Some(s)
                if s.len() > 2
                    && s.starts_with("SB")
                    && s[2..].chars().all(|c| c.is_ascii_digit()) =>
            {
                Environment::Sandbox
            }
            Some(s) => return Err(AccountError::UnknownSuffix(format!("_{s}"))),
        };
        Ok(Self {
            realm: upper,
            environment,
        })
    }

    /// The realm for TBA headers and SOAP passports: NetSuite's exact spelling.
    pub fn realm(&self) -> &str {
        &self.realm
    }

    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// The production account this sandbox or preview belongs to.
    pub fn production_realm(&self) -> &str {
        self.realm.split('_').next().unwrap_or(&self.realm)
    }

    /// The host label: lowercase, `_` → `-` (`1234567-sb1`).
    pub fn host_label(&self) -> String {
        self.realm.to_ascii_lowercase().replace('_', "-")
    }

    /// REST web services and SuiteQL (`1234567-sb1.suitetalk.api.netsuite.com`).
    pub fn rest_host(&self) -> String {
        format!("{}.suitetalk.api.netsuite.com", self.host_label())
    }

    /// The UI and OAuth 2.0 authorize endpoint (`1234567-sb1.app.netsuite.com`).
    pub fn app_host(&self) -> String {
        format!("{}.app.netsuite.com", self.host_label())
    }

    /// RESTlets (`1234567-sb1.restlets.api.netsuite.com`).
    pub fn restlets_host(&self) -> String {
        format!("{}.restlets.api.netsuite.com", self.host_label())
    }
}

impl std::fmt::Display for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.realm)
    }
}

/// Hosts that belong to NetSuite but to no single account.
const SHARED_HOSTS: &[&str] = &["system", "rest", "www", "app", "netsuite", "docs"];

fn account_from_url(input: &str) -> Result<String, AccountError> {
    let with_scheme = if input.contains("://") {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    let url = Url::parse(&with_scheme).map_err(|_| AccountError::NotNetSuiteUrl(input.into()))?;
    let host = url
        .host_str()
        .ok_or_else(|| AccountError::NotNetSuiteUrl(input.into()))?
        .to_ascii_lowercase();
    let Some(prefix) = host.strip_suffix(".netsuite.com") else {
        return Err(AccountError::NotNetSuiteUrl(input.into()));
    };
    let first = prefix.split('.').next().unwrap_or_default();
    if first.is_empty() || SHARED_HOSTS.contains(&first) || !prefix.contains('.') {
        return Err(AccountError::NoAccountInUrl(input.into()));
    }
    Ok(first.to_string())
}

#[cfg(test)]
mod tests;
