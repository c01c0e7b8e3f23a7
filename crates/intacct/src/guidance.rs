//! Texts for the Web Services user steps: what users meet in Sage Intacct's
//! screens that looks like a problem and is not, or that trips them up. From
//! connector vendors' help centres (Strongbox, Merge, Procore, Assignar,
//! Bill.com), which describe the same screens; Sage's help names the menus.

/// Where the company lists the sender IDs it authorises. Sage moved the menu;
/// both labels are shown because companies and guides use either.
pub const SENDER_AUTHORIZATIONS_WHERE: &str = "Company > Setup > Configuration > Company > Security > Web Services authorizations (older menus: Company > Setup > Company > Security)";

/// (id, text) for the Web Services user steps, in the order users meet them.
pub const WEB_SERVICES_USER_NOTES: &[(&str, &str)] = &[
    (
        "billing-warning",
        "Subscribing the company to Web Services, or creating a Web Services user, shows a warning that the change may affect your bill. Connector vendors report that no charge applies for this; continue unless your Sage contract says otherwise.",
    ),
    (
        "password-by-email",
        "You do not choose the Web Services user's password: Sage Intacct e-mails it to the address on the user. Use an address you can read, and copy the password from that e-mail into the connector.",
    ),
    (
        "user-id-taken",
        "The Web Services user needs its own user ID: it cannot reuse the ID of a normal (interactive) user, so pick a new one such as the connector's name.",
    ),
    (
        "two-step-verification",
        "Use a Web Services user, not a normal user: in production companies 2-step verification is on by default, and an API sign-in with a normal user fails with 'user authentication failure'.",
    ),
    (
        "console-id",
        "Type the company ID you sign in to, not your console (accounting firm) ID. A client company reached through a console is signed in to with the client's own company ID.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_have_unique_ids_and_text() {
        let mut ids: Vec<_> = WEB_SERVICES_USER_NOTES.iter().map(|(i, _)| *i).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), WEB_SERVICES_USER_NOTES.len());
        assert!(WEB_SERVICES_USER_NOTES.iter().all(|(_, t)| t.len() > 40));
        assert!(SENDER_AUTHORIZATIONS_WHERE.contains("Configuration > Company > Security"));
        assert!(SENDER_AUTHORIZATIONS_WHERE.contains("Company > Setup > Company > Security"));
    }
}
