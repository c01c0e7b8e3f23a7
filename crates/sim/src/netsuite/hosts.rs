//! NetSuite host names: account-specific domains (`<label>.suitetalk.api.netsuite.com`,
//! `.restlets.api.`, `.app.`) where the label is the account ID lowercased with
//! `_` → `-`, and the shared `rest.netsuite.com` / `system.netsuite.com`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// REST and SOAP web services, OAuth 2.0 token endpoint.
    SuiteTalk,
    Restlets,
    /// UI domain (OAuth 2.0 authorize page).
    App,
    /// `rest.netsuite.com`: data center discovery.
    Discovery,
    /// `system.netsuite.com`: login/authorize when the account is not known yet.
    System,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NsHost {
    pub service: Service,
    /// Account label from the host (`1234567-sb1`), for account domains.
    pub label: Option<String>,
}

impl NsHost {
    /// Recognises a NetSuite host. Host names are case-insensitive (DNS), so the
    /// label is compared lowercase; the signature base string uses the lowercase host.
    pub fn parse(host: &str) -> Option<Self> {
        let host = host.to_ascii_lowercase();
        match host.as_str() {
            "rest.netsuite.com" => return Some(Self::shared(Service::Discovery)),
            "system.netsuite.com" => return Some(Self::shared(Service::System)),
            _ => {}
        }
        let (label, domain) = host.split_once('.')?;
        let service = match domain {
            "suitetalk.api.netsuite.com" => Service::SuiteTalk,
            "restlets.api.netsuite.com" => Service::Restlets,
            "app.netsuite.com" => Service::App,
            _ => return None,
        };
        let valid = !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        valid.then(|| Self {
            service,
            label: Some(label.to_string()),
        })
    }

    fn shared(service: Service) -> Self {
        Self {
            service,
            label: None,
        }
    }
}

/// The domains Company Information (and discovery) shows for an account.
pub fn domains(account_id: &str) -> [(&'static str, String); 3] {
    let label = super::state::host_label(account_id);
    [
        (
            "restDomain",
            format!("https://{label}.restlets.api.netsuite.com"),
        ),
        (
            "webservicesDomain",
            format!("https://{label}.suitetalk.api.netsuite.com"),
        ),
        ("systemDomain", format!("https://{label}.app.netsuite.com")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_and_shared_hosts() {
        let h = NsHost::parse("1234567-SB1.suitetalk.api.netsuite.com").unwrap();
        assert_eq!(h.service, Service::SuiteTalk);
        assert_eq!(h.label.as_deref(), Some("1234567-sb1"));
        assert_eq!(
            NsHost::parse("rest.netsuite.com").unwrap().service,
            Service::Discovery
        );
        // An underscore cannot appear in a host name: the realm spelling is not a host.
        assert!(NsHost::parse("1234567_sb1.suitetalk.api.netsuite.com").is_none());
        assert!(NsHost::parse("api.intacct.com").is_none());
        assert_eq!(
            domains("1234567_SB1")[1].1,
            "https://1234567-sb1.suitetalk.api.netsuite.com"
        );
    }
}
