//! Texts the wizard and the checks show where a choice has a date or a cost
//! attached: TBA's end of support and the licences an integration needs.

/// Wherever TBA is offered. Oracle calls the end date tentative
/// (help section_0525020842); some third-party summaries say 2028.2.
pub const TBA_END_OF_SUPPORT: &str = "Token-Based Authentication is being retired: from NetSuite 2027.1 no new TBA integrations can be created for SOAP, REST or RESTlets, and Oracle says support for existing ones ends with NetSuite 2028.1 — tentatively (help section_0525020842; some sources say 2028.2). Choose OAuth 2.0 for a new connector unless it only speaks SOAP.";

/// Licence facts, as (id, text), for the integration user and role steps.
pub const LICENCE_NOTES: &[(&str, &str)] = &[
    (
        "integration-user",
        "The integration user is an employee with access, so it takes a full user licence, like a person who signs in.",
    ),
    (
        "concurrent-web-services-user",
        "Marking the user as a Concurrent Web Services User needs a SuiteCloud Plus licence (help chapter_N3448700, section_1525253248); each SuiteCloud Plus licence also adds 10 to the account's concurrency limit.",
    ),
    (
        "administrator-tokens",
        "Access Token Management lets someone create TBA tokens for other users, but not for a role that is Administrator: give the integration user a custom role.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tba_date_is_marked_tentative_with_its_source() {
        assert!(TBA_END_OF_SUPPORT.contains("2028.1 — tentatively"));
        assert!(TBA_END_OF_SUPPORT.contains("section_0525020842"));
        assert!(TBA_END_OF_SUPPORT.contains("2028.2"));
        assert!(TBA_END_OF_SUPPORT.contains("2027.1"));
        assert_eq!(LICENCE_NOTES.len(), 3);
    }
}
